package io.connectorkit.mimecast.content;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Turns message bytes into text by fixed rules, so that a wrong or unknown charset gives readable
 * text rather than an exception or a page of replacement characters. Bytes declared (or assumed)
 * to be UTF-8 or US-ASCII that are valid UTF-8 are read as UTF-8. When they are not valid UTF-8
 * and hold no valid multi-byte UTF-8 sequence at all, they are 8-bit text in another charset, read
 * as windows-1252 (a superset of ISO-8859-1). When they mix valid and invalid sequences, the
 * invalid ones become U+FFFD. An unknown charset name counts as no charset. Any other known
 * charset is used as declared.
 */
public final class MimecastCharsets {
    /** Issue: the declared charset is not known to the JVM; read by the UTF-8 rules. */
    public static final String UNKNOWN = "charset-unknown";
    /** Issue: declared or assumed UTF-8, but the bytes are 8-bit text; read as windows-1252. */
    public static final String MISMATCH = "charset-mismatch";
    /** Issue: invalid UTF-8 sequences among valid ones; they became U+FFFD. */
    public static final String INVALID = "invalid-bytes";

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private MimecastCharsets() {
    }

    /**
     * Text and what went wrong reading it.
     *
     * @param text the text
     * @param issues issue codes, empty when the bytes were what they claimed
     */
    record Decoded(String text, List<String> issues) { }

    /**
     * Reads bytes by the rules above.
     *
     * @param bytes the bytes
     * @param length how many of them
     * @param declared the declared charset name, or null
     * @return the text and its issues
     */
    static Decoded decode(byte[] bytes, int length, String declared) {
        Charset charset = null;
        String unknown = null;
        if (declared != null && !declared.isBlank()) {
            try {
                charset = Charset.forName(declared.trim());
            } catch (IllegalArgumentException e) {
                unknown = UNKNOWN;
            }
        }
        if (charset != null && !charset.equals(StandardCharsets.UTF_8) && !charset.equals(StandardCharsets.US_ASCII)) {
            return new Decoded(new String(bytes, 0, length, charset), List.of());
        }
        String utf8 = new String(bytes, 0, length, StandardCharsets.UTF_8);
        if (utf8.indexOf('\uFFFD') < 0) {
            return new Decoded(utf8, unknown == null ? List.of() : List.of(unknown));
        }
        boolean anyValidMultiByte = utf8.chars().anyMatch(c -> c >= 0x80 && c != 0xFFFD);
        String issue = anyValidMultiByte ? INVALID : MISMATCH;
        String text = anyValidMultiByte ? utf8 : new String(bytes, 0, length, WINDOWS_1252);
        return new Decoded(text, unknown == null ? List.of(issue) : List.of(unknown, issue));
    }

    /**
     * Reads 8-bit header bytes (RFC 6532 allows UTF-8 there; older mailers wrote their own charset).
     *
     * @param bytes the raw header bytes
     * @return the text
     */
    static String header(byte[] bytes) {
        return decode(bytes, bytes.length, null).text();
    }
}
