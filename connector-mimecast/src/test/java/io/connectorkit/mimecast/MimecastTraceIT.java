package io.connectorkit.mimecast;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectorkit.api.CrawlMode;
import io.connectorkit.mimecast.http.MimecastTrace;
import io.connectorkit.simulator.mimecast.Endpoint;
import io.connectorkit.simulator.mimecast.RecordedRequest;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trace log at level ALL, captured with a log4j-core appender. */
class MimecastTraceIT {
    @TempDir
    Path temp;

    @Test
    void traceAllLogsCallsAndBodiesButNoSecretTokenOrSignature() throws Exception {
        StringWriter captured = new StringWriter();
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        Configuration cfg = ctx.getConfiguration();
        WriterAppender appender = WriterAppender.newBuilder().setName("trace-capture").setTarget(captured)
                .setLayout(PatternLayout.newBuilder().setPattern("%m%n").build()).build();
        appender.start();
        String name = MimecastTrace.class.getName();
        LoggerConfig existing = cfg.getLoggerConfig(name);
        LoggerConfig logger = existing.getName().equals(name) ? existing : new LoggerConfig(name, Level.INFO, false);
        Level before = logger.getLevel();
        logger.setLevel(Level.INFO);
        logger.addAppender(appender, Level.INFO, null);
        if (logger != existing) {
            cfg.addLogger(name, logger);
        }
        ctx.updateLoggers();
        try (MimecastFixture f = new MimecastFixture(temp, b -> b)) {
            f.crawl(f.config(MimecastKeys.TRACE_LEVEL, "ALL", MimecastKeys.ATTACHMENTS_EXTRACT, "true",
                    MimecastKeys.CONTENT_MODE, "parts"), f.firstMailbox(), null, CrawlMode.INCREMENTAL);
            String log = captured.toString();
            assertThat(log).contains("POST " + f.server.baseUrl() + "/api/archive/get-message-list -> 200")
                    .contains("request form").contains("client_secret=********")
                    .contains("\"access_token\":\"********\"").contains("\"mailbox\":\"" + f.firstMailbox() + "\"");
            Set<String> tokens = f.server.requests().stream().map(RecordedRequest::authorization)
                    .flatMap(java.util.Optional::stream).map(h -> h.replaceFirst("(?i)^bearer\\s+", ""))
                    .collect(Collectors.toSet());
            List<String> signatures = f.server.requests(Endpoint.DOWNLOAD).stream().map(RecordedRequest::query)
                    .filter(q -> !q.isEmpty()).toList();
            assertThat(tokens).isNotEmpty();
            assertThat(signatures).isNotEmpty();
            assertThat(log).doesNotContain(MimecastFixture.CLIENT_SECRET);
            tokens.forEach(t -> assertThat(log).doesNotContain(t));
            signatures.forEach(s -> assertThat(log).doesNotContain(s));
        } finally {
            logger.removeAppender(appender.getName());
            logger.setLevel(before);
            ctx.updateLoggers();
            appender.stop();
        }
    }
}
