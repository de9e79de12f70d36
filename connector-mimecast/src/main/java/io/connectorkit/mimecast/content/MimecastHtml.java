package io.connectorkit.mimecast.content;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns an HTML body into plain text cheaply (no DOM): drops scripts and styles, keeps line
 * structure, strips tags and decodes the common entities. Good enough for search; the exact
 * HTML layout is not preserved. Every step is linear in the input, so hostile HTML (thousands of
 * unclosed {@code <script} or {@code <} characters) costs no more than ordinary HTML: an unclosed
 * script, style, head or comment runs to the end, a {@code <} without {@code >} stays text.
 */
public final class MimecastHtml {
    private static final Pattern INVISIBLE_START = Pattern.compile("(?i)<(script|style|head)\\b|<!--");
    private static final Pattern BREAKS = Pattern.compile("(?i)<\\s*+(br|/p|/div|/tr|/h[1-6]|li|/li|/table)\\b[^<>]*+>");
    private static final Pattern TAGS = Pattern.compile("<[^<>]*+>");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
    private static final Pattern SPACES = Pattern.compile("[ \\t\\x0B\\f\\u00A0]+");
    private static final Pattern BLANK_LINES = Pattern.compile(" ?+\\n(?: ?+\\n)++ ?+");

    private MimecastHtml() {
    }

    static String toText(String html) {
        if (html == null) {
            return null;
        }
        String t = withoutInvisible(html);
        t = BREAKS.matcher(t).replaceAll("\n");
        t = TAGS.matcher(t).replaceAll(" ");
        t = decode(t);
        t = SPACES.matcher(t.replace("\r\n", "\n").replace('\r', '\n')).replaceAll(" ");
        t = BLANK_LINES.matcher(t).replaceAll("\n\n");
        return t.lines().map(String::strip).collect(Collectors.joining("\n")).strip();
    }

    /** Drops scripts, styles, heads and comments, searching forward only. */
    private static String withoutInvisible(String html) {
        String lower = html.toLowerCase(Locale.ROOT);
        if (lower.length() != html.length()) {
            // Lower-casing changed the length (rare letters): positions would not match, use the original.
            lower = html;
        }
        Matcher m = INVISIBLE_START.matcher(lower);
        StringBuilder out = new StringBuilder(html.length());
        int from = 0;
        while (from < html.length() && m.find(from)) {
            out.append(html, from, m.start()).append(' ');
            String close = m.group(1) == null ? "-->" : "</" + m.group(1).toLowerCase(Locale.ROOT);
            int end = lower.indexOf(close, m.end());
            if (end < 0) {
                return out.toString();
            }
            int gt = close.equals("-->") ? end + 2 : lower.indexOf('>', end);
            from = gt < 0 ? html.length() : gt + 1;
        }
        return from < html.length() ? out.append(html, from, html.length()).toString() : out.toString();
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
        switch (name.toLowerCase(Locale.ROOT)) {
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
