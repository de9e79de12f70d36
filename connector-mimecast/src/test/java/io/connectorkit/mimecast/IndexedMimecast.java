package io.connectorkit.mimecast;

import io.connectorkit.embedded.EmbeddedSearchNode;
import io.connectorkit.runtime.CancellationSignal;
import io.connectorkit.runtime.ConnectorRegistry;
import io.connectorkit.runtime.CrawlReport;
import io.connectorkit.runtime.Host;
import io.connectorkit.runtime.PartitionStatus;
import io.connectorkit.runtime.ProgressListener;
import io.connectorkit.runtime.SearchHit;
import io.connectorkit.runtime.extract.ContentExtractor;
import io.connectorkit.runtime.pipeline.PipelineOptions;
import io.connectorkit.runtime.index.RetryPolicy;
import io.connectorkit.simulator.archive.Archive;
import io.connectorkit.simulator.archive.ArchiveGenerator;
import io.connectorkit.simulator.mimecast.FakeMimecastServer;
import io.connectorkit.simulator.mimecast.FakeMimecastServerBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The whole chain for end-to-end tests: a fake Mimecast server with a small archive, the connector
 * run by a {@link Host} of the runtime, and the shared embedded node as the index. Each instance
 * is one source ({@code connector.id}), so tests sharing the node do not see each other.
 */
final class IndexedMimecast implements AutoCloseable {
    static final Instant START = Instant.parse("2020-01-01T00:00:00Z");
    private static final AtomicInteger SOURCES = new AtomicInteger();

    final FakeMimecastServer server;
    private final EmbeddedSearchNode node;
    private final ContentExtractor extractor;
    private final String id = "mimecast-it-" + SOURCES.incrementAndGet() + "-" + System.nanoTime();
    private final ConnectorRegistry registry = ConnectorRegistry.load();

    IndexedMimecast(EmbeddedSearchNode node, ContentExtractor extractor, Archive archive,
            UnaryOperator<FakeMimecastServerBuilder> customise) {
        this.node = node;
        this.extractor = extractor;
        this.server = customise.apply(FakeMimecastServer.builder().archive(archive)
                .clientCredentials(MimecastFixture.CLIENT_ID, MimecastFixture.CLIENT_SECRET)).start();
    }

    IndexedMimecast(EmbeddedSearchNode node, ContentExtractor extractor) {
        this(node, extractor, smallArchive(5), b -> b);
    }

    /** One ordinary and one local domain, three mailboxes each, ten messages per view, half with attachments. */
    static Archive smallArchive(long seed) {
        return ArchiveGenerator.seed(seed).domains(1).localDomains(1).usersPerDomain(3).messagesPerView(10)
                .between(Instant.parse("2023-01-01T00:00:00Z"), Instant.parse("2024-01-01T00:00:00Z"))
                .maxAttachmentBytes(30_000).generate();
    }

    Archive archive() {
        return server.archive();
    }

    ArchiveTally tally() {
        return new ArchiveTally(archive(), START, Instant.now());
    }

    /** Opens a host for this source; later keys override earlier ones. */
    Host host(String... overrides) throws Exception {
        return host(Clock.systemUTC(), overrides);
    }

    /** Opens a host for this source whose connector reads "now" from {@code clock}. */
    Host host(Clock clock, String... overrides) throws Exception {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("connector.type", "mimecast");
        m.put("connector.id", id);
        m.put("sink.elasticsearch.url", node.url());
        m.put(MimecastKeys.API_ENDPOINT, server.baseUrl());
        m.put(MimecastKeys.AUTH_ENDPOINT, server.baseUrl());
        m.put(MimecastKeys.CLIENT_ID, MimecastFixture.CLIENT_ID);
        m.put(MimecastKeys.CLIENT_SECRET, MimecastFixture.CLIENT_SECRET);
        m.put(MimecastKeys.START_DATE, START.toString());
        m.put(MimecastKeys.ATTACHMENTS_EXTRACT, "true");
        m.put(MimecastKeys.STATS_INTERVAL_SECONDS, "0");
        m.put(MimecastKeys.RETRY_AFTER_MULTIPLIER, "10");
        for (int i = 0; i < overrides.length; i += 2) {
            m.put(overrides[i], overrides[i + 1]);
        }
        return Host.open(registry.validate(m), registry, extractor, clock,
                new RetryPolicy(2, Duration.ofMillis(20), Duration.ofMillis(100)),
                new PipelineOptions(2, Duration.ofMillis(20), 1 << 20));
    }

    static CrawlReport crawl(Host host, boolean full) throws Exception {
        return host.crawl(full, ProgressListener.none(), new CancellationSignal());
    }

    /** Every document of this source in the index (a few hundred at most). */
    static List<SearchHit> all(Host host) throws Exception {
        return host.search("*", Optional.empty(), 2_000).hits();
    }

    static List<SearchHit> ofKind(Host host, String kind) throws Exception {
        return all(host).stream().filter(h -> h.kind().equals(kind)).toList();
    }

    static Map<String, Long> documentsByPartition(Host host) throws Exception {
        return host.status().stream().filter(s -> s.documents() > 0)
                .collect(Collectors.toMap(PartitionStatus::partition, PartitionStatus::documents));
    }

    /** The report and each partition's recent failures, for assertion messages. */
    static String describe(Host host, CrawlReport report) throws Exception {
        return report + " " + host.status().stream().filter(s -> s.failures() > 0)
                .map(s -> s.partition() + " " + s.recentFailures()).toList();
    }

    @Override
    public void close() {
        server.close();
    }
}
