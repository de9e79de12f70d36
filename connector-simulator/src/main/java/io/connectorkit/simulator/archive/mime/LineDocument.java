package io.connectorkit.simulator.archive.mime;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writes a line-oriented document of an exact size, line by line, in constant memory. */
final class LineDocument {
    private LineDocument() {
    }

    static void write(LineStyle style, long seed, long size, OutputStream out) throws IOException {
        if (size < style.minimumSize()) {
            throw new IllegalArgumentException("a " + style + " document needs at least " + style.minimumSize()
                    + " bytes, got " + size);
        }
        Buffer buffer = new Buffer(out);
        TextLines lines = new TextLines(seed);
        long remaining = size - style.head().length() - style.tail().length();
        buffer.ascii(style.head());
        long n = 0;
        while (true) {
            String prefix = style.prefix(n);
            String suffix = style.suffix(n);
            String words = lines.next();
            long length = prefix.length() + words.length() + suffix.length();
            if (remaining - length < LineStyle.LAST_LINE_RESERVE + LineStyle.MINIMUM_FILLER) {
                lines.unread(words);
                break;
            }
            buffer.ascii(prefix).ascii(words).ascii(suffix);
            remaining -= length;
            n++;
        }
        String prefix = style.prefix(n);
        String suffix = style.suffix(n);
        buffer.ascii(prefix).ascii(lines.fill((int) (remaining - prefix.length() - suffix.length()))).ascii(suffix);
        buffer.ascii(style.tail()).flush();
    }

    /** Collects ASCII text as bytes; cheaper per line than encoding each string. */
    private static final class Buffer {
        private final OutputStream out;
        private final byte[] bytes = new byte[16 * 1024];
        private int used;

        Buffer(OutputStream out) {
            this.out = out;
        }

        Buffer ascii(String text) throws IOException {
            // Latin-1 strings encode to ISO-8859-1 by a plain array copy.
            byte[] source = text.getBytes(StandardCharsets.ISO_8859_1);
            if (used + source.length > bytes.length) {
                flush();
            }
            if (source.length > bytes.length) {
                out.write(source);
                return this;
            }
            System.arraycopy(source, 0, bytes, used, source.length);
            used += source.length;
            return this;
        }

        void flush() throws IOException {
            out.write(bytes, 0, used);
            used = 0;
        }
    }
}
