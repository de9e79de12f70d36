package io.connectorkit.mimecast.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectorkit.api.Checkpoint;
import io.connectorkit.api.ConnectorContext;
import io.connectorkit.api.ConnectorMetrics;
import io.connectorkit.api.ConnectorSession;
import io.connectorkit.api.CrawlMode;
import io.connectorkit.api.Document;
import io.connectorkit.api.Emitter;
import io.connectorkit.api.ItemFailure;
import io.connectorkit.api.KnownDocuments;
import io.connectorkit.api.Partition;
import io.connectorkit.api.SourceConnector;
import io.connectorkit.simulator.archive.ArchiveGenerator;
import io.connectorkit.simulator.mimecast.FakeMimecastServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/embedding.md, way two: a host application with its own pipeline drives a connector
 * through the SPI alone, with its own {@link Emitter} and {@link ConnectorContext}. The one rule
 * it must keep: a checkpoint is committed only after everything emitted before it is durably
 * stored, so a crash between the two replays items instead of losing them.
 */
class SpiDrivenHostExampleTest {
    /** Stands in for the application's index: what it holds is durable. */
    static final class Store {
        final Map<String, Document> documents = new ConcurrentHashMap<>();
        final Map<String, Checkpoint> checkpoints = new ConcurrentHashMap<>();

        Map<String, String> versions(Iterable<String> ids) {
            Map<String, String> known = new HashMap<>();
            for (String id : ids) {
                Document document = documents.get(id);
                if (document != null) {
                    known.put(id, document.version());
                }
            }
            return known;
        }
    }

    /**
     * One partition's emitter. Documents are buffered; a checkpoint first flushes the buffer to
     * the store and only then commits the checkpoint: the checkpoint rule.
     */
    static final class BufferingEmitter implements Emitter {
        private final Store store;
        private final String partition;
        private final Map<String, Document> buffer = new LinkedHashMap<>();
        private final List<String> deletions = new ArrayList<>();
        final List<ItemFailure> failures = new ArrayList<>();
        boolean complete;
        int upserts;

        BufferingEmitter(Store store, String partition) {
            this.store = store;
            this.partition = partition;
        }

        @Override
        public void upsert(Document document) {
            // A real pipeline reads document.binary() here: the connector may close it once
            // upsert returns.
            buffer.put(document.id(), document);
            upserts++;
        }

        @Override
        public void unchanged(String documentId) {
            // Already stored at this version: nothing to write, and a full crawl's sweep keeps it.
        }

        @Override
        public void delete(String documentId) {
            deletions.add(documentId);
        }

        @Override
        public void failure(ItemFailure failure) {
            failures.add(failure);
        }

        @Override
        public void checkpoint(Checkpoint checkpoint) {
            flush();
            store.checkpoints.put(partition, checkpoint);
        }

        @Override
        public void partitionComplete() {
            complete = true;
        }

        /** Makes everything emitted so far durable. */
        void flush() {
            store.documents.putAll(buffer);
            buffer.clear();
            deletions.forEach(store.documents::remove);
            deletions.clear();
        }
    }

    /** What the connector may ask of its host. */
    record Context(String connectorId, Store store, Path tempDirectory) implements ConnectorContext {
        @Override
        public KnownDocuments knownDocuments() {
            return store::versions;
        }

        @Override
        public Clock clock() {
            return Clock.systemUTC();
        }

        @Override
        public ConnectorMetrics metrics() {
            return ConnectorMetrics.none();
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    }

    @TempDir
    Path temp;

    @Test
    void crawlsEveryPartitionAndResumesFromCommittedCheckpoints() throws Exception {
        try (FakeMimecastServer mimecast = FakeMimecastServer.builder()
                .archive(ArchiveGenerator.seed(11).domains(1).usersPerDomain(2).messagesPerView(4)
                        .between(Instant.parse("2023-01-01T00:00:00Z"), Instant.parse("2024-01-01T00:00:00Z"))
                        .maxAttachmentBytes(20_000).generate())
                .clientCredentials("embedding-client", "embedding-secret-7Hq").start()) {
            SourceConnector connector = ServiceLoader.load(SourceConnector.class).stream()
                    .map(ServiceLoader.Provider::get)
                    .filter(c -> c.type().equals("mimecast"))
                    .findFirst().orElseThrow();
            // Only the connector's own keys: the connector.* and sink.* keys are the runtime's.
            Map<String, String> values = Map.of(
                    "mimecast.api-endpoint", mimecast.baseUrl(),
                    "mimecast.auth-endpoint", mimecast.baseUrl(),
                    "mimecast.client-id", "embedding-client",
                    "mimecast.client-secret", "embedding-secret-7Hq",
                    "mimecast.messages.start-date", "2020-01-01T00:00:00Z");
            Store store = new Store();
            Context context = new Context("embedded-mimecast", store, temp);

            assertThat(connector.check(connector.configSpec().parse(values), context).ok()).isTrue();
            int firstUpserts = crawlAll(connector, values, context, CrawlMode.FULL);
            assertThat(firstUpserts).isPositive();
            assertThat(store.documents).hasSize(firstUpserts);

            Map<String, Document> before = Map.copyOf(store.documents);
            int secondUpserts = crawlAll(connector, values, context, CrawlMode.INCREMENTAL);
            assertThat(secondUpserts).as("nothing changed at the source").isZero();
            assertThat(store.documents).isEqualTo(before);
        }
    }

    /** Crawls every partition from its committed checkpoint; returns how many documents were upserted. */
    private static int crawlAll(SourceConnector connector, Map<String, String> values, Context context, CrawlMode mode)
            throws Exception {
        int upserts = 0;
        try (ConnectorSession session = connector.open(connector.configSpec().parse(values), context)) {
            List<Partition> partitions = session.partitions();
            assertThat(partitions).isNotEmpty();
            for (Partition partition : partitions) {
                BufferingEmitter emitter = new BufferingEmitter(context.store(), partition.id());
                session.crawl(partition, context.store().checkpoints.get(partition.id()), mode, emitter);
                // What came after the last checkpoint is not covered by one: store it, but leave
                // the committed checkpoint where it is, so a later crawl emits it again.
                emitter.flush();
                assertThat(emitter.failures).as("failures in %s", partition.id()).isEmpty();
                assertThat(context.store().checkpoints).as("checkpoint of %s", partition.id()).containsKey(partition.id());
                assertThat(emitter.complete || mode == CrawlMode.INCREMENTAL).as("%s listed completely", partition.id()).isTrue();
                upserts += emitter.upserts;
            }
        }
        return upserts;
    }
}
