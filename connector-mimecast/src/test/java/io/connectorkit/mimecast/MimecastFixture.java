package io.connectorkit.mimecast;

import io.connectorkit.api.Checkpoint;
import io.connectorkit.api.ConnectorException;
import io.connectorkit.api.CrawlMode;
import io.connectorkit.api.Partition;
import io.connectorkit.api.config.SourceConfig;
import io.connectorkit.simulator.archive.Archive;
import io.connectorkit.simulator.archive.ArchiveGenerator;
import io.connectorkit.simulator.archive.corpus.View;
import io.connectorkit.simulator.mimecast.FakeMimecastServer;
import io.connectorkit.simulator.mimecast.FakeMimecastServerBuilder;
import io.connectorkit.testkit.contract.RecordingContext;
import io.connectorkit.testkit.contract.RecordingEmitter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/** A fake Mimecast server with a small archive, and helpers to configure and run the connector against it. */
final class MimecastFixture implements AutoCloseable {
    static final String CLIENT_ID = "fake-client";
    static final String CLIENT_SECRET = "fake-secret-Zq9";
    static final Instant START = Instant.parse("2020-01-01T00:00:00Z");

    final FakeMimecastServer server;
    final RecordingContext context;
    final MimecastConnector connector = new MimecastConnector();

    MimecastFixture(Path temp, UnaryOperator<FakeMimecastServerBuilder> customise) {
        this(temp, ArchiveGenerator.seed(11).domains(1).localDomains(1).usersPerDomain(3).messagesPerView(12)
                .between(Instant.parse("2023-01-01T00:00:00Z"), Instant.parse("2024-01-01T00:00:00Z"))
                .maxAttachmentBytes(40_000).generate(), customise);
    }

    MimecastFixture(Path temp, Archive archive, UnaryOperator<FakeMimecastServerBuilder> customise) {
        this.server = customise.apply(FakeMimecastServer.builder().archive(archive)
                .clientCredentials(CLIENT_ID, CLIENT_SECRET)).start();
        this.context = new RecordingContext("test", Clock.systemUTC(), temp);
    }

    Archive archive() {
        return server.archive();
    }

    String firstMailbox() {
        return archive().mailboxes().get(0);
    }

    Map<String, String> config(String... overrides) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(MimecastKeys.API_ENDPOINT, server.baseUrl());
        m.put(MimecastKeys.AUTH_ENDPOINT, server.baseUrl());
        m.put(MimecastKeys.CLIENT_ID, CLIENT_ID);
        m.put(MimecastKeys.CLIENT_SECRET, CLIENT_SECRET);
        m.put(MimecastKeys.START_DATE, START.toString());
        m.put(MimecastKeys.STATS_INTERVAL_SECONDS, "0");
        m.put(MimecastKeys.RETRY_AFTER_MULTIPLIER, "100");
        for (int i = 0; i < overrides.length; i += 2) {
            m.put(overrides[i], overrides[i + 1]);
        }
        return m;
    }

    SourceConfig parse(Map<String, String> config) throws ConnectorException {
        return connector.configSpec().parse(config);
    }

    /** Messages the archive lists for a mailbox view from the start date until now. */
    long expected(String mailbox, View view, Instant from) {
        return archive().messages(mailbox, view, from, Instant.now()).count();
    }

    long expected(String mailbox) {
        return expected(mailbox, View.INBOX, START) + expected(mailbox, View.SENT, START);
    }

    /**
     * Crawls one mailbox in a fresh session, into an emitter of its own: what it emits is not
     * known to later crawls.
     */
    RecordingEmitter crawl(Map<String, String> config, String mailbox, Checkpoint checkpoint, CrawlMode mode)
            throws ConnectorException {
        RecordingEmitter emitter = new RecordingEmitter(mailbox);
        crawl(config, mailbox, checkpoint, mode, emitter);
        return emitter;
    }

    /**
     * Crawls one mailbox in a fresh session, into an emitter of the fixture's context: what it
     * emits is known to later crawls, as an index would hold it. Only crawls made this way feed
     * the context's known documents.
     */
    RecordingEmitter crawlIndexed(Map<String, String> config, String mailbox, Checkpoint checkpoint, CrawlMode mode)
            throws ConnectorException {
        RecordingEmitter emitter = context.emitter(Partition.of(mailbox));
        crawl(config, mailbox, checkpoint, mode, emitter);
        return emitter;
    }

    void crawl(Map<String, String> config, String mailbox, Checkpoint checkpoint, CrawlMode mode,
            RecordingEmitter emitter) throws ConnectorException {
        try (var session = connector.open(parse(config), context)) {
            session.crawl(Partition.of(mailbox), checkpoint, mode, emitter);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
