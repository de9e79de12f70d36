package io.connectorkit.mimecast.content;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.field.address.LenientAddressParser;
import org.apache.james.mime4j.util.MimeUtil;

/**
 * Header values as text. RFC 2047 encoded-words are decoded only when they are well formed: a
 * word with an unknown charset, base64 that is not base64, or a broken quoted-printable escape
 * is kept as written, as is an unterminated one, rather than turned into bytes of noise.
 * Whitespace between two decoded words is dropped, as RFC 2047 says. Decoded bytes follow the
 * {@link MimecastCharsets} rules.
 */
public final class MimecastHeaderText {
    private static final Pattern WORD = Pattern.compile("=\\?([^?\\s]+)\\?([BbQq])\\?([^?\\s]*)\\?=");
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]*={0,2}");
    /** Stands for one non-ASCII character while mime4j parses addresses (it miscounts them). */
    private static final char STAND_IN = '\u001A';

    private MimecastHeaderText() {
    }

    /**
     * Unfolds, trims and decodes a header value.
     *
     * @param raw the value, or null
     * @return the text, or null for null
     */
    static String decode(String raw) {
        if (raw == null) {
            return null;
        }
        String text = MimeUtil.unfold(raw).trim();
        Matcher m = WORD.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        boolean previousDecoded = false;
        while (m.find()) {
            String between = text.substring(last, m.start());
            String word = word(m.group(1), m.group(2), m.group(3));
            if (!(previousDecoded && word != null && between.isBlank())) {
                out.append(between);
            }
            out.append(word != null ? word : m.group());
            previousDecoded = word != null;
            last = m.end();
        }
        return out.append(text, last, text.length()).toString();
    }

    /** One encoded-word's text, or null when it is not well formed. */
    private static String word(String charsetName, String encoding, String encoded) {
        String name = charsetName.contains("*") ? charsetName.substring(0, charsetName.indexOf('*')) : charsetName;
        try {
            Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
        byte[] bytes;
        if (encoding.equalsIgnoreCase("B")) {
            if (!BASE64.matcher(encoded).matches() || encoded.length() % 4 == 1) {
                return null;
            }
            String unpadded = encoded.replace("=", "");
            try {
                bytes = Base64.getDecoder().decode(unpadded + "==".substring(0, (4 - unpadded.length() % 4) % 4));
            } catch (IllegalArgumentException e) {
                return null;
            }
        } else {
            bytes = quoted(encoded);
            if (bytes == null) {
                return null;
            }
        }
        return MimecastCharsets.decode(bytes, bytes.length, name).text();
    }

    private static byte[] quoted(String encoded) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '_') {
                out.write(' ');
            } else if (c == '=') {
                if (i + 2 >= encoded.length() || Character.digit(encoded.charAt(i + 1), 16) < 0
                        || Character.digit(encoded.charAt(i + 2), 16) < 0) {
                    return null;
                }
                out.write(Integer.parseInt(encoded.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toByteArray();
    }

    /**
     * The mailbox addresses of an address-list header, lower case.
     *
     * @param raw the value, possibly with 8-bit text or encoded-words in display names
     * @return the addresses, empty when there are none
     */
    static List<String> addresses(String raw) {
        List<String> out = new ArrayList<>();
        if (raw == null || raw.isBlank()) {
            return out;
        }
        String text = MimeUtil.unfold(raw);
        StringBuilder ascii = new StringBuilder(text.length());
        text.codePoints().forEach(c -> ascii.append(c < 0x80 ? (char) c : STAND_IN));
        for (Mailbox m : LenientAddressParser.DEFAULT.parseAddressList(ascii).flatten()) {
            String address = m.getAddress();
            if (address != null && address.indexOf(STAND_IN) >= 0) {
                address = restore(address, text);
            }
            if (address != null && !address.isBlank()) {
                out.add(address.toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    /** Finds the original of an address whose non-ASCII characters were stood in for. */
    private static String restore(String address, String original) {
        StringBuilder regex = new StringBuilder();
        for (String piece : address.split(String.valueOf(STAND_IN), -1)) {
            if (regex.length() > 0) {
                regex.append("[^\\x00-\\x7F]");
            }
            regex.append(Pattern.quote(piece));
        }
        Matcher m = Pattern.compile(regex.toString()).matcher(original);
        return m.find() ? m.group() : null;
    }
}
