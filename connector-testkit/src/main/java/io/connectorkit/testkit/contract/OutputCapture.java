package io.connectorkit.testkit.contract;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Collects what a connector writes while it is open: java.util.logging records, Log4j events
 * (when Log4j Core is the Log4j API's implementation) and System.out/err, which keep going
 * where they went. The contract suite reads it for secrets.
 *
 * <p><b>Threading.</b> Records from every thread; {@link #text()} may be called while it runs.
 */
final class OutputCapture implements AutoCloseable {
    private final StringBuffer text = new StringBuffer();
    private final PrintStream out;
    private final PrintStream err;
    private final Handler julHandler;
    private final AutoCloseable log4j;
    private final List<String> sources = new ArrayList<>();

    private OutputCapture() {
        out = System.out;
        err = System.err;
        System.setOut(tee(out));
        System.setErr(tee(err));
        sources.add("System.out");
        sources.add("System.err");
        julHandler = new JulHandler();
        Logger root = LogManager.getLogManager().getLogger("");
        root.addHandler(julHandler);
        sources.add("java.util.logging");
        AutoCloseable core = log4jCoreIfPresent();
        if (core != null) {
            sources.add("Log4j");
        }
        log4j = core;
    }

    /** @return a capture that runs until {@link #close()} */
    static OutputCapture start() {
        return new OutputCapture();
    }

    /** @return everything captured so far */
    String text() {
        return text.toString();
    }

    /** @return where this capture reads from, such as {@code java.util.logging} */
    List<String> sources() {
        return List.copyOf(sources);
    }

    /** Stops capturing and puts System.out/err back. */
    @Override
    public void close() {
        System.setOut(out);
        System.setErr(err);
        LogManager.getLogManager().getLogger("").removeHandler(julHandler);
        if (log4j != null) {
            try {
                log4j.close();
            } catch (Exception e) {
                throw new IllegalStateException("Could not remove the Log4j appender of the contract suite", e);
            }
        }
    }

    // Log4jCoreCapture is resolved only when this runs, so the class check keeps Log4j Core optional.
    private AutoCloseable log4jCoreIfPresent() {
        try {
            Class.forName("org.apache.logging.log4j.core.LoggerContext", false, OutputCapture.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
        return Log4jCoreCapture.install(this::append);
    }

    private void append(String line) {
        text.append(line).append('\n');
    }

    private PrintStream tee(PrintStream original) {
        Objects.requireNonNull(original, "original");
        OutputStream both = new OutputStream() {
            private final ByteArrayOutputStream line = new ByteArrayOutputStream();

            @Override
            public synchronized void write(int b) {
                original.write(b);
                line.write(b);
                if (b == '\n') {
                    flushLine();
                }
            }

            @Override
            public synchronized void write(byte[] b, int off, int len) {
                original.write(b, off, len);
                line.write(b, off, len);
                flushLine();
            }

            @Override
            public synchronized void flush() {
                original.flush();
            }

            private void flushLine() {
                text.append(line.toString(StandardCharsets.UTF_8));
                line.reset();
            }
        };
        return new PrintStream(both, true, StandardCharsets.UTF_8);
    }

    /** Reads every record that reaches the root logger, at the levels the loggers are set to. */
    private final class JulHandler extends Handler {
        private final SimpleFormatter formatter = new SimpleFormatter();

        JulHandler() {
            setLevel(Level.ALL);
        }

        @Override
        public void publish(LogRecord record) {
            append(formatter.format(record));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
