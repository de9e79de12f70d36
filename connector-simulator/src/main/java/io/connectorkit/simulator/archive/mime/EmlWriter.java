package io.connectorkit.simulator.archive.mime;

import io.connectorkit.simulator.archive.corpus.Address;
import io.connectorkit.simulator.archive.corpus.ArchivedMessage;
import io.connectorkit.simulator.archive.corpus.Attachment;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders an archived message as a complete RFC822 message (headers, text and html bodies,
 * attachments as base64 MIME parts). Attachment bytes are streamed, and {@link #size} computes
 * the exact length without generating them.
 */
public final class EmlWriter {
    private static final String HEX = "0123456789ABCDEF";
    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
        "Nov", "Dec"};
    private static final int LINE = 76;

    private EmlWriter() {
    }

    /** The RFC 5322 Date header value of a message. */
    public static String headerDate(ArchivedMessage message) {
        // Hand-formatted: a DateTimeFormatter here dominated the cost of listing a page.
        LocalDateTime t = LocalDateTime.ofEpochSecond(message.received().getEpochSecond() - 4, 0, ZoneOffset.UTC);
        StringBuilder s = new StringBuilder(31).append(DAYS[t.getDayOfWeek().ordinal()]).append(", ");
        two(s, t.getDayOfMonth()).append(' ').append(MONTHS[t.getMonthValue() - 1]).append(' ').append(t.getYear())
                .append(' ');
        two(s, t.getHour()).append(':');
        two(s, t.getMinute()).append(':');
        return two(s, t.getSecond()).append(" +0000").toString();
    }

    private static StringBuilder two(StringBuilder s, int value) {
        return s.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    /** Writes the whole message; attachment bytes are generated while writing. */
    public static void write(ArchivedMessage message, OutputStream out) throws IOException {
        emit(message, out, false);
    }

    /** The exact number of bytes {@link #write} produces. */
    public static long size(ArchivedMessage message) {
        Counter counter = new Counter();
        try {
            emit(message, counter, true);
        } catch (IOException e) {
            throw new UncheckedIOException("counting never does I/O", e);
        }
        return counter.count;
    }

    /** Length of the MIME base64 encoding (76-character lines, CRLF between lines) of n bytes. */
    static long base64Length(long n) {
        long chars = 4 * ((n + 2) / 3);
        return chars == 0 ? 0 : chars + 2 * ((chars - 1) / LINE);
    }

    private static void emit(ArchivedMessage m, OutputStream out, boolean countOnly) throws IOException {
        String mixed = "=_mixed_" + hex(Hashing.mix(m.smash(), 1));
        String alternative = "=_alt_" + hex(Hashing.mix(m.smash(), 2));
        StringBuilder head = new StringBuilder(512);
        head.append("Date: ").append(headerDate(m)).append("\r\n");
        head.append("From: ").append(address(m.from())).append("\r\n");
        head.append("To: ").append(addresses(m.to())).append("\r\n");
        if (!m.cc().isEmpty()) {
            head.append("Cc: ").append(addresses(m.cc())).append("\r\n");
        }
        if (!m.subject().isEmpty()) {
            head.append("Subject: ").append(words(m.subject())).append("\r\n");
        }
        head.append("Message-ID: ").append(m.mimeMessageId()).append("\r\n");
        head.append("MIME-Version: 1.0\r\n");
        head.append("Content-Type: multipart/mixed;\r\n boundary=\"").append(mixed).append("\"\r\n\r\n");
        head.append("This is a multi-part message in MIME format.\r\n");
        head.append("--").append(mixed).append("\r\n");
        head.append("Content-Type: multipart/alternative;\r\n boundary=\"").append(alternative).append("\"\r\n\r\n");
        Counter counter = countOnly ? (Counter) out : null;
        textPart(head, alternative, "text/plain", m.textBody(), counter);
        textPart(head, alternative, "text/html", m.htmlBody(), counter);
        head.append("--").append(alternative).append("--\r\n");
        write(head, out, counter);
        for (Attachment a : m.attachments()) {
            write(new StringBuilder("--").append(mixed).append("\r\n").append(partHeaders(a)).append("\r\n"), out,
                    counter);
            if (countOnly) {
                counter.count += base64Length(a.size());
            } else {
                try (OutputStream encoder = Base64.getMimeEncoder().wrap(new FilterOutputStream(out) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len);
                    }

                    @Override
                    public void close() throws IOException {
                        flush();
                    }
                })) {
                    a.writeTo(encoder);
                }
            }
            write(new StringBuilder("\r\n"), out, counter);
        }
        write(new StringBuilder("--").append(mixed).append("--\r\n"), out, counter);
    }

    private static void write(StringBuilder text, OutputStream out, Counter counter) throws IOException {
        if (counter != null) {
            counter.count += utf8Length(text);
        } else {
            out.write(text.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Text bodies are base64 too; when counting, only their length is needed. */
    private static void textPart(StringBuilder out, String boundary, String type, String body, Counter counter) {
        out.append("--").append(boundary).append("\r\n");
        out.append("Content-Type: ").append(type).append("; charset=UTF-8\r\n");
        out.append("Content-Transfer-Encoding: base64\r\n\r\n");
        if (counter != null) {
            counter.count += base64Length(utf8Length(body));
        } else {
            out.append(Base64.getMimeEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)));
        }
        out.append("\r\n");
    }

    private static long utf8Length(CharSequence text) {
        long n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c)) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    public static String hex(long value) {
        String hex = Long.toHexString(value);
        return "0000000000000000".substring(hex.length()) + hex;
    }

    private static String partHeaders(Attachment a) {
        StringBuilder h = new StringBuilder("Content-Type: ").append(a.contentType());
        if (!a.filename().isEmpty()) {
            h.append(";\r\n ").append(parameter("name", a.filename()));
        }
        h.append("\r\nContent-Transfer-Encoding: base64\r\n");
        h.append("Content-Disposition: ").append(a.inline() ? "inline" : "attachment");
        if (!a.filename().isEmpty()) {
            h.append(";\r\n ").append(parameter("filename", a.filename()));
        }
        h.append("\r\n");
        if (a.inline()) {
            h.append("Content-ID: <").append(a.contentId()).append(">\r\n");
        }
        return h.toString();
    }

    /** RFC 2231 form for non-ASCII values, a quoted string otherwise. */
    private static String parameter(String name, String value) {
        if (ascii(value)) {
            return name + "=\"" + value + "\"";
        }
        StringBuilder encoded = new StringBuilder(name).append("*=UTF-8''");
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-') {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xf));
            }
        }
        return encoded.toString();
    }

    private static String addresses(List<Address> list) {
        return list.stream().map(EmlWriter::address).collect(Collectors.joining(",\r\n "));
    }

    private static String address(Address a) {
        if (a.displayableName().isEmpty()) {
            return "<" + a.emailAddress() + ">";
        }
        String name = ascii(a.displayableName()) ? "\"" + a.displayableName() + "\"" : words(a.displayableName());
        return name + " <" + a.emailAddress() + ">";
    }

    /** RFC 2047 encoded words of at most 45 UTF-8 bytes each, never splitting a code point. */
    private static String words(String text) {
        if (text.length() <= 70 && ascii(text)) {
            return text;
        }
        StringBuilder result = new StringBuilder(text.length() * 2);
        int chunkStart = 0;
        int bytes = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + n > 45) {
                result.append(word(text.substring(chunkStart, i))).append("\r\n ");
                chunkStart = i;
                bytes = 0;
            }
            bytes += n;
            i += Character.charCount(cp);
        }
        return result.append(word(text.substring(chunkStart))).toString();
    }

    private static String word(String chunk) {
        return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(chunk.getBytes(StandardCharsets.UTF_8)) + "?=";
    }

    private static boolean ascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    private static final class Counter extends OutputStream {
        private long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
