package io.connectorkit.mimecast.content;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hand-written MIME messages that break the rules in the ways real archives do, byte for byte.
 * Lines end in CRLF; {@code \\xNN} in a line is the raw byte NN, so 8-bit and invalid sequences
 * are exact. Each message carries a word ({@link #marker}) in its readable body text, where it
 * has one, so a search proves the body was read.
 */
public final class HostileMessages {
    /** Characters in {@link #LONG_SUBJECT}. */
    static final int LONG_SUBJECT_CHARS = 100_000;
    /** A 100,000-character subject of repeated words. */
    public static final String LONG_SUBJECT = "lengthy ".repeat(LONG_SUBJECT_CHARS / 8);
    /** Nesting depth of {@code nested-rfc822}. */
    static final int NESTING = 60;

    private HostileMessages() {
    }

    /** The searchable word in the body of a hostile message. */
    public static String marker(String name) {
        return "marker" + name.replace("-", "");
    }

    /** Every hostile message by name, in a fixed order. */
    public static Map<String, byte[]> all() {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("boundary-unclosed", eml(head("Boundary never closed", "multipart/mixed; boundary=\"b1\""),
                "--b1", "Content-Type: text/plain; charset=us-ascii", "", body("boundary-unclosed"),
                "--b1", "Content-Type: text/plain; name=\"notes.txt\"", "Content-Disposition: attachment", "",
                "the attachment simply stops"));
        m.put("boundary-absent", eml(head("Boundary never appears", "multipart/mixed; boundary=\"nowhere\""),
                "This is not a part at all.", body("boundary-absent")));
        m.put("boundary-param-missing", eml(head("No boundary parameter", "multipart/mixed"),
                "--x", "Content-Type: text/plain", "", body("boundary-param-missing"), "--x--"));
        m.put("charset-unknown", eml(head("Unknown charset", "text/plain; charset=x-unknown"),
                body("charset-unknown") + " caf\\xC3\\xA9"));
        m.put("charset-wrong", eml(head("Wrong charset", "text/plain; charset=utf-8"),
                body("charset-wrong") + " caf\\xE9 cr\\xE8me br\\xFBl\\xE9e"));
        m.put("raw-8bit-headers", eml(new String[] {"From: J\\xC3\\xBCrgen M\\xC3\\xBCller <juergen@partner.net>",
            "To: alice@example.com", "Subject: Gr\\xC3\\xBC\\xC3\\x9Fe aus K\\xC3\\xB6ln",
            "Date: Mon, 15 Jan 2024 09:12:40 +0000", "Content-Type: text/plain; charset=utf-8"},
                body("raw-8bit-headers")));
        m.put("raw-latin1-header", eml(new String[] {"From: sender@partner.net", "To: alice@example.com",
            "Subject: Cr\\xE8me br\\xFBl\\xE9e", "Date: Mon, 15 Jan 2024 09:12:40 +0000"},
                body("raw-latin1-header")));
        m.put("word-bad-base64", eml(head("=?UTF-8?B?@@not*base64!!?= tail", "text/plain"),
                body("word-bad-base64")));
        m.put("word-unknown-charset", eml(head("=?x-klingon?Q?Qapla=21?= after", "text/plain"),
                body("word-unknown-charset")));
        m.put("word-unterminated", eml(head("=?UTF-8?Q?Unterminated_word", "text/plain"),
                body("word-unterminated")));
        m.put("invalid-utf8", eml(head("Bad \\xC3\\x28 bytes \\xFF here", "text/plain; charset=utf-8"),
                body("invalid-utf8") + " ok \\xC3\\xA9 bad \\xC3\\x28 \\xFF\\xFE \\xED\\xA0\\x80 end"));
        m.put("html-unclosed", eml(head("Unclosed script", "text/html; charset=utf-8"),
                "<p>" + body("html-unclosed") + " 1 < 2</p><script>var a = '<b>'; never closed", "<p>hidden</p>"));
        m.put("long-subject", eml(head(LONG_SUBJECT, "text/plain"), body("long-subject")));
        m.put("empty-attachment", eml(head("Empty attachment", "multipart/mixed; boundary=\"e\""),
                "--e", "Content-Type: text/plain", "", body("empty-attachment"),
                "--e", "Content-Type: text/plain; name=\"empty.txt\"", "Content-Disposition: attachment;"
                        + " filename=\"empty.txt\"", "Content-Transfer-Encoding: base64", "", "",
                "--e--"));
        m.put("nameless-attachment", eml(head("Nameless attachment", "multipart/mixed; boundary=\"n\""),
                "--n", "Content-Type: text/plain", "", body("nameless-attachment"),
                "--n", "Content-Type: application/octet-stream", "Content-Disposition: attachment", "",
                "some bytes without a name", "--n--"));
        m.put("nested-rfc822", nested());
        m.put("date-two-digit-year", eml(dated("Fri, 13 Feb 98 23:31:30 -0500"), body("date-two-digit-year")));
        m.put("date-no-zone", eml(dated("Tue, 1 Jul 2003 10:52:37"), body("date-no-zone")));
        m.put("date-garbage", eml(dated("sometime last tuesday"), body("date-garbage")));
        m.put("date-missing", eml(new String[] {"From: sender@partner.net", "To: alice@example.com",
            "Subject: No date"}, body("date-missing")));
        m.put("not-mime", bytes("\\x89PNG\\x0D\\x0A\\x1A\\x0A\\x00\\x00\\x00\\x0DIHDR\\x00\\x00 not a message at all"
                + " \\x00\\x01\\x02"));
        m.put("empty-eml", new byte[0]);
        return m;
    }

    private static String body(String name) {
        return "Body of " + name + " " + marker(name);
    }

    private static String[] head(String subject, String contentType) {
        return new String[] {"From: Sender <sender@partner.net>", "To: alice@example.com", "Subject: " + subject,
            "Date: Mon, 15 Jan 2024 09:12:40 +0000", "MIME-Version: 1.0", "Content-Type: " + contentType};
    }

    private static String[] dated(String date) {
        return new String[] {"From: sender@partner.net", "To: alice@example.com", "Subject: Odd date",
            "Date: " + date};
    }

    private static byte[] nested() {
        StringBuilder s = new StringBuilder();
        for (int level = 0; level < NESTING; level++) {
            s.append("From: level").append(level).append("@partner.net\r\nSubject: Level ").append(level)
                    .append("\r\nMIME-Version: 1.0\r\n");
            if (level == 0) {
                s.append("To: alice@example.com\r\nDate: Mon, 15 Jan 2024 09:12:40 +0000\r\n");
            }
            s.append("Content-Type: multipart/mixed; boundary=\"L").append(level).append("\"\r\n\r\n--L")
                    .append(level).append("\r\nContent-Type: text/plain\r\n\r\n")
                    .append(level == 0 ? body("nested-rfc822") : "level " + level).append("\r\n--L").append(level)
                    .append("\r\nContent-Type: message/rfc822\r\n\r\n");
        }
        s.append("From: deepest@partner.net\r\nSubject: Deepest\r\n\r\ndeepest text\r\n");
        for (int level = NESTING - 1; level >= 0; level--) {
            s.append("--L").append(level).append("--\r\n");
        }
        return s.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] eml(String[] headers, String... bodyLines) {
        return bytes(String.join("\r\n", headers) + "\r\n\r\n" + String.join("\r\n", bodyLines) + "\r\n");
    }

    /** ASCII text with {@code \\xNN} escapes turned into raw bytes. */
    static byte[] bytes(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 3 < text.length() && text.charAt(i + 1) == 'x') {
                out.write(Integer.parseInt(text.substring(i + 2, i + 4), 16));
                i += 3;
            } else if (c < 0x80) {
                out.write(c);
            } else {
                throw new IllegalArgumentException("use \\xNN escapes for non-ASCII, found '" + c + "' at " + i);
            }
        }
        return out.toByteArray();
    }
}
