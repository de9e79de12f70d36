package io.connectorkit.mimecast;

import java.io.StringWriter;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;

/** What one logger of the connector writes at WARN and above while it is open, captured with a log4j-core appender. */
final class MimecastLogCapture implements AutoCloseable {
    private final StringWriter captured = new StringWriter();
    private final LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
    private final WriterAppender appender;
    private final LoggerConfig logger;
    private final boolean added;

    MimecastLogCapture(Class<?> source) {
        Configuration cfg = ctx.getConfiguration();
        appender = WriterAppender.newBuilder().setName("capture-" + source.getSimpleName()).setTarget(captured)
                .setLayout(PatternLayout.newBuilder().setPattern("%m%n").build()).build();
        appender.start();
        String name = source.getName();
        LoggerConfig existing = cfg.getLoggerConfig(name);
        added = !existing.getName().equals(name);
        logger = added ? new LoggerConfig(name, Level.WARN, true) : existing;
        logger.addAppender(appender, Level.WARN, null);
        if (added) {
            cfg.addLogger(name, logger);
        }
        ctx.updateLoggers();
    }

    /** @return every line captured so far */
    String text() {
        synchronized (captured) {
            return captured.toString();
        }
    }

    @Override
    public void close() {
        logger.removeAppender(appender.getName());
        if (added) {
            ctx.getConfiguration().removeLogger(logger.getName());
        }
        ctx.updateLoggers();
        appender.stop();
    }
}
