package io.connectorkit.testkit.archive;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writes a line-oriented document of an exact size, line by line, in constant memory. */
final class LineDocument {
    private LineDocument() {
    }

    static void write(LineStyle style, long seed, long size, OutputStream target) throws IOException {
        if (size < style.minimumSize()) {
            throw new IllegalArgumentException("a " + style + " document needs at least " + style.minimumSize()
                    + " bytes, got " + size);
        }
        OutputStream out = new BufferedOutputStream(target, 16 * 1024);
        TextLines lines = new TextLines(seed);
        long remaining = size - style.head().length() - style.tail().length();
        ascii(out, style.head());
        long n = 0;
        while (true) {
            String words = lines.next();
            String line = style.line(n, words);
            if (remaining - line.length() < LineStyle.LAST_LINE_RESERVE + LineStyle.MINIMUM_FILLER) {
                lines.unread(words);
                break;
            }
            ascii(out, line);
            remaining -= line.length();
            n++;
        }
        int frame = style.last(n, "").length();
        ascii(out, style.last(n, lines.fill((int) (remaining - frame))));
        ascii(out, style.tail());
        out.flush();
    }

    private static void ascii(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.US_ASCII));
    }
}
