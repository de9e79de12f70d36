package io.connectorkit.testkit.contract;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Objects;
import java.util.function.Consumer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * An appender on every configured Log4j logger that hands each event's message and stack trace
 * to a consumer. Loaded only when Log4j Core is on the class path (it is an optional dependency
 * of the testkit, see {@link OutputCapture}), so a connector tested without it still runs the
 * suite.
 */
final class Log4jCoreCapture extends AbstractAppender implements AutoCloseable {
    private static final String NAME = "connector-contract-suite";

    private final Consumer<String> sink;
    private final LoggerContext context;

    private Log4jCoreCapture(LoggerContext context, Consumer<String> sink) {
        super(NAME, null, null, true, Property.EMPTY_ARRAY);
        this.context = Objects.requireNonNull(context, "context");
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    @Override
    public void append(LogEvent event) {
        StringBuilder line = new StringBuilder(event.getLevel() + " " + event.getLoggerName() + ": "
                + event.getMessage().getFormattedMessage());
        if (event.getThrown() != null) {
            StringWriter trace = new StringWriter();
            event.getThrown().printStackTrace(new PrintWriter(trace));
            line.append('\n').append(trace);
        }
        sink.accept(line.toString());
    }

    @Override
    public void close() {
        Configuration config = context.getConfiguration();
        config.getRootLogger().removeAppender(NAME);
        config.getLoggers().values().forEach(l -> l.removeAppender(NAME));
        context.updateLoggers();
        stop();
    }

    /**
     * Adds the appender to the root logger and every logger that does not pass events on to it.
     * Call only once {@code org.apache.logging.log4j.core.LoggerContext} was found.
     *
     * @param sink where each event's text goes
     * @return the capture to close, or null when Log4j Core does not implement the Log4j API here
     */
    static AutoCloseable install(Consumer<String> sink) {
        if (!(LogManager.getContext(false) instanceof LoggerContext context)) {
            return null;
        }
        Log4jCoreCapture capture = new Log4jCoreCapture(context, sink);
        capture.start();
        Configuration config = context.getConfiguration();
        config.getRootLogger().addAppender(capture, null, null);
        for (LoggerConfig logger : config.getLoggers().values()) {
            if (!logger.isAdditive() && !logger.getAppenders().containsKey(NAME)) {
                logger.addAppender(capture, null, null);
            }
        }
        context.updateLoggers();
        return capture;
    }
}
