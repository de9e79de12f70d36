package io.connectorkit.cli.output;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.Objects;
import java.util.Optional;

/**
 * Standard error on a terminal, shared by the progress line and everything else that writes there
 * (log lines, messages). The progress line is drawn in place, without a line end; anything else
 * written while it is shown would be glued to its tail, so the line is cleared first (the next
 * progress update draws it again), and {@link #end} ends it with a line break when the crawl ends.
 * Installed as {@link System#err} before logging starts, so the log's console appender writes
 * through it too.
 */
public final class TerminalLine extends OutputStream {
    private static volatile TerminalLine installed;

    private final PrintStream raw;
    private int shown;

    TerminalLine(PrintStream raw) {
        this.raw = Objects.requireNonNull(raw, "raw");
    }

    /**
     * Puts a guard in front of {@link System#err} when it is a terminal. Call before anything logs.
     *
     * @param terminal whether standard error is watched on a terminal
     */
    public static void installOnSystemErr(boolean terminal) {
        if (!terminal || installed != null) {
            return;
        }
        PrintStream original = System.err;
        // Encoded as the original standard error encodes: the bytes pass through unchanged.
        String encoding = System.getProperty("sun.stderr.encoding");
        Charset charset = encoding != null && Charset.isSupported(encoding) ? Charset.forName(encoding)
                : Charset.defaultCharset();
        TerminalLine line = new TerminalLine(original);
        System.setErr(new PrintStream(line, true, charset));
        installed = line;
    }

    /** @return the guard of standard error, when one is installed */
    static Optional<TerminalLine> current() {
        return Optional.ofNullable(installed);
    }

    /**
     * Draws the progress line in place of the one shown, padding over a longer one's tail.
     *
     * @param text the line, without line end
     */
    synchronized void show(String text) {
        String pad = " ".repeat(Math.max(0, shown - text.length()));
        raw.print("\r" + text + pad);
        raw.flush();
        shown = text.length();
    }

    /**
     * Draws the line a last time and ends it, so that what follows starts on a line of its own.
     *
     * @param text the last line
     */
    synchronized void end(String text) {
        show(text);
        raw.println();
        raw.flush();
        shown = 0;
    }

    private void clear() {
        if (shown > 0) {
            raw.print("\r" + " ".repeat(shown) + "\r");
            shown = 0;
        }
    }

    @Override
    public synchronized void write(int b) throws IOException {
        clear();
        raw.write(b);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return;
        }
        clear();
        raw.write(b, off, len);
    }

    @Override
    public synchronized void flush() {
        raw.flush();
    }
}
