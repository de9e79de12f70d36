package io.connectorkit.testkit.contract.example;

import io.connectorkit.api.Checkpoint;
import io.connectorkit.api.ConnectorContext;
import io.connectorkit.api.ConnectorException;
import io.connectorkit.api.ConnectorSession;
import io.connectorkit.api.CrawlMode;
import io.connectorkit.api.Document;
import io.connectorkit.api.Emitter;
import io.connectorkit.api.Partition;
import io.connectorkit.api.check.CheckReport;
import io.connectorkit.api.check.CheckResult;
import io.connectorkit.api.config.SourceConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.apache.logging.log4j.LogManager;

/**
 * BROKEN on purpose: shows the good token wherever it goes, as a connector does that keeps the
 * credential in the objects it prints and the state it saves: the check's OK message, the
 * session's {@code toString()}, partition attributes, a document field, every checkpoint, log
 * lines (java.util.logging and Log4j) and the message of an exception it recovers from. The
 * suite's older checks saw only what the bad token produced; the contract suite must fail it.
 */
public final class LeakyGoodCredentialConnector extends DecoratedExampleConnector {
    /** The connector type. */
    public static final String TYPE = "example-files-leaky-good-credential";

    private static final Logger JUL = Logger.getLogger(LeakyGoodCredentialConnector.class.getName());
    private static final org.apache.logging.log4j.Logger LOG4J = LogManager.getLogger(LeakyGoodCredentialConnector.class);
    private static final String SEPARATOR = "#token=";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public CheckReport check(SourceConfig config, ConnectorContext context) throws ConnectorException {
        return new CheckReport(super.check(config, context).results().stream()
                .map(r -> r.status() == CheckResult.Status.OK
                        ? CheckResult.ok(r.name(), r.message() + " (token " + token(config) + ")") : r)
                .toList());
    }

    @Override
    public ConnectorSession open(SourceConfig config, ConnectorContext context) throws ConnectorException {
        ConnectorSession session = super.open(config, context);
        JUL.fine(() -> "Opened a session with token " + token(config));
        LOG4J.error("Opened a session with token {}", token(config));
        return session;
    }

    @Override
    String describeSession(ConnectorSession session, SourceConfig config) {
        return "ExampleFilesSession[token=" + token(config) + "]";
    }

    @Override
    List<Partition> partitions(ConnectorSession session, SourceConfig config) throws ConnectorException {
        String token = token(config);
        return super.partitions(session, config).stream()
                .map(p -> new Partition(p.id(), p.displayName(), Map.of("opened-by", token))).toList();
    }

    @Override
    void crawl(ConnectorSession session, Partition partition, Checkpoint checkpoint, CrawlMode mode, Emitter emitter,
            ConnectorContext context) throws ConnectorException {
        String token = partition.attributes().getOrDefault("opened-by", "");
        Checkpoint own = checkpoint == null ? null : new Checkpoint(checkpoint.value().split(SEPARATOR, 2)[0]);
        JUL.warning("Crawling " + partition.id() + " as " + token);
        try {
            throw new IllegalStateException("Token " + token + " is about to expire");
        } catch (IllegalStateException e) {
            JUL.log(java.util.logging.Level.WARNING, "Going on", e);
        }
        ForwardingEmitter decorated = new ForwardingEmitter(emitter) {
            @Override
            public void upsert(Document d) {
                Map<String, Object> fields = new LinkedHashMap<>(d.fields());
                fields.put("crawled-with", token);
                super.upsert(new Document(d.id(), d.kind(), d.parentId(), d.title(), fields,
                        d.content(), d.binary(), d.acl(), d.version()));
            }

            @Override
            public void checkpoint(Checkpoint c) {
                super.checkpoint(new Checkpoint(c.value() + SEPARATOR + token));
            }
        };
        session.crawl(partition, own, mode, decorated);
    }

    @Override
    public String describe(Checkpoint checkpoint) {
        return super.describe(new Checkpoint(checkpoint.value().split(SEPARATOR, 2)[0]));
    }

    @Override
    ForwardingEmitter decorate(Emitter emitter, ConnectorContext context) {
        return new ForwardingEmitter(emitter);
    }

    private static String token(SourceConfig config) {
        return config.getString(ExampleFilesConnector.TOKEN);
    }
}
