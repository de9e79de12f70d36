package io.connectorkit.testkit.archive;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Renders an archived message as a complete RFC822 message (headers, text and html bodies,
 * attachments as base64 MIME parts). Attachment bytes are streamed, and {@link #size} computes
 * the exact length without generating them.
 */
public final class EmlWriter {
    private static final DateTimeFormatter HEADER_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss xx", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final int LINE = 76;

    private EmlWriter() {
    }

    /** The RFC 5322 Date header value of a message. */
    public static String headerDate(ArchivedMessage message) {
        return HEADER_DATE.format(message.received().minusSeconds(4));
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
        String mixed = String.format("=_mixed_%016x", Hashing.mix(m.smash(), 1));
        String alternative = String.format("=_alt_%016x", Hashing.mix(m.smash(), 2));
        StringBuilder head = new StringBuilder();
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
        textPart(head, alternative, "text/plain", m.textBody());
        textPart(head, alternative, "text/html", m.htmlBody());
        head.append("--").append(alternative).append("--\r\n");
        out.write(head.toString().getBytes(StandardCharsets.UTF_8));
        for (Attachment a : m.attachments()) {
            out.write(("--" + mixed + "\r\n" + partHeaders(a) + "\r\n").getBytes(StandardCharsets.UTF_8));
            if (countOnly) {
                ((Counter) out).count += base64Length(a.size());
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
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.write(("--" + mixed + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    }

    private static void textPart(StringBuilder out, String boundary, String type, String body) {
        out.append("--").append(boundary).append("\r\n");
        out.append("Content-Type: ").append(type).append("; charset=UTF-8\r\n");
        out.append("Content-Transfer-Encoding: base64\r\n\r\n");
        out.append(Base64.getMimeEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8))).append("\r\n");
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
                encoded.append('%').append(String.format("%02X", c));
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
        if (ascii(text) && text.length() <= 70) {
            return text;
        }
        List<String> words = new ArrayList<>();
        StringBuilder chunk = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            String s = new String(Character.toChars(cp));
            int n = s.getBytes(StandardCharsets.UTF_8).length;
            if (bytes + n > 45) {
                words.add(word(chunk.toString()));
                chunk.setLength(0);
                bytes = 0;
            }
            chunk.append(s);
            bytes += n;
            i += Character.charCount(cp);
        }
        words.add(word(chunk.toString()));
        return String.join("\r\n ", words);
    }

    private static String word(String chunk) {
        return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(chunk.getBytes(StandardCharsets.UTF_8)) + "?=";
    }

    private static boolean ascii(String s) {
        return s.chars().allMatch(c -> c >= 0x20 && c < 0x7f && c != '"' && c != '\\');
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
