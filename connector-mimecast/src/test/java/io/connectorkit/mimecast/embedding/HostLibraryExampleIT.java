package io.connectorkit.mimecast.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectorkit.embedded.EmbeddedSearchNode;
import io.connectorkit.embedded.testing.SharedSearchNode;
import io.connectorkit.runtime.CancellationSignal;
import io.connectorkit.runtime.ConnectorRegistry;
import io.connectorkit.runtime.CrawlReport;
import io.connectorkit.runtime.Host;
import io.connectorkit.runtime.PartitionStatus;
import io.connectorkit.runtime.ProgressListener;
import io.connectorkit.runtime.SearchResults;
import io.connectorkit.simulator.archive.ArchiveGenerator;
import io.connectorkit.simulator.mimecast.FakeMimecastServer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * docs/embedding.md, way one: a host application runs connectors with the runtime's {@link Host}
 * as a library. The host owns the pipeline, the index writes, the checkpoints and the state; the
 * application gives it a configuration and calls crawl, status and search.
 */
@ExtendWith(SharedSearchNode.class)
class HostLibraryExampleIT {
    @Test
    void crawlsASourceIntoTheIndexAndAnswersStatusAndSearch(EmbeddedSearchNode node) throws Exception {
        try (FakeMimecastServer mimecast = FakeMimecastServer.builder()
                .archive(ArchiveGenerator.seed(7).domains(1).usersPerDomain(2).messagesPerView(4)
                        .between(Instant.parse("2023-01-01T00:00:00Z"), Instant.parse("2024-01-01T00:00:00Z"))
                        .maxAttachmentBytes(20_000).generate())
                .clientCredentials("embedding-client", "embedding-secret-7Hq").start()) {
            // The same keys as a properties file: connector.* and sink.* for the host, the rest
            // for the connector. A blank sink.elasticsearch.url starts an embedded node instead.
            Map<String, String> values = Map.of(
                    "connector.type", "mimecast",
                    "connector.id", "embedding-" + System.nanoTime(),
                    "sink.elasticsearch.url", node.url(),
                    "mimecast.api-endpoint", mimecast.baseUrl(),
                    "mimecast.auth-endpoint", mimecast.baseUrl(),
                    "mimecast.client-id", "embedding-client",
                    "mimecast.client-secret", "embedding-secret-7Hq",
                    "mimecast.messages.start-date", "2020-01-01T00:00:00Z");
            ConnectorRegistry registry = ConnectorRegistry.load();

            try (Host host = Host.open(registry.validate(values), registry)) {
                assertThat(host.check().ok()).as("check: %s", host.check()).isTrue();

                CrawlReport first = host.crawl(true, ProgressListener.none(), new CancellationSignal());
                assertThat(first.clean()).as(first.toString()).isTrue();
                assertThat(first.documentsUpserted()).isPositive();

                // Nothing changed at the source: the incremental crawl resumes from the committed
                // checkpoints and writes nothing new.
                CrawlReport second = host.crawl(false, ProgressListener.none(), new CancellationSignal());
                assertThat(second.clean()).as(second.toString()).isTrue();
                assertThat(second.documentsUpserted()).isZero();

                List<PartitionStatus> status = host.status();
                assertThat(status).isNotEmpty().allSatisfy(p -> assertThat(p.checkpoint()).isNotBlank());
                assertThat(status.stream().mapToLong(PartitionStatus::documents).sum())
                        .isEqualTo(first.documentsUpserted());

                SearchResults all = host.search("*", Optional.empty(), 10);
                assertThat(all.total()).isEqualTo(first.documentsUpserted());
            }
        }
    }
}
