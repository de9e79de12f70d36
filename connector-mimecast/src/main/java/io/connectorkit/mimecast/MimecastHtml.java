package io.connectorkit.mimecast;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an HTML body into plain text cheaply (no DOM): drops scripts and styles, keeps line
 * structure, strips tags and decodes the common entities. Good enough for search; the exact
 * HTML layout is not preserved.
 */
final class MimecastHtml {
    private static final Pattern INVISIBLE = Pattern.compile("(?is)<(script|style|head)\\b.*?</\\1\\s*>|<!--.*?-->");
    private static final Pattern BREAKS = Pattern.compile("(?i)<\\s*(br|/p|/div|/tr|/h[1-6]|li|/li|/table)\\b[^>]*>");
    private static final Pattern TAGS = Pattern.compile("<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
    private static final Pattern SPACES = Pattern.compile("[ \\t\\x0B\\f\\u00A0]+");
    private static final Pattern BLANK_LINES = Pattern.compile("\\s*\\n\\s*\\n\\s*(\\n\\s*)*");

    private MimecastHtml() {
    }

    static String toText(String html) {
        if (html == null) {
            return null;
        }
        String t = INVISIBLE.matcher(html).replaceAll(" ");
        t = BREAKS.matcher(t).replaceAll("\n");
        t = TAGS.matcher(t).replaceAll(" ");
        t = decode(t);
        t = SPACES.matcher(t).replaceAll(" ");
        t = BLANK_LINES.matcher(t).replaceAll("\n\n");
        return t.lines().map(String::strip).reduce((a, b) -> a + "\n" + b).orElse("").strip();
    }

    private static String decode(String text) {
        Matcher m = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(entity(m.group(1), m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String entity(String name, String whole) {
        try {
            if (name.startsWith("#x") || name.startsWith("#X")) {
                return new String(Character.toChars(Integer.parseInt(name.substring(2), 16)));
            }
            if (name.startsWith("#")) {
                return new String(Character.toChars(Integer.parseInt(name.substring(1))));
            }
        } catch (IllegalArgumentException e) {
            return whole;
        }
        switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "amp": return "&";
            case "lt": return "<";
            case "gt": return ">";
            case "quot": return "\"";
            case "apos": return "'";
            case "nbsp": return " ";
            default: return whole;
        }
    }
}
