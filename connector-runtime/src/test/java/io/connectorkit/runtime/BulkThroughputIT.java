package io.connectorkit.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectorkit.runtime.embedded.EmbeddedSearchNode;
import io.connectorkit.runtime.index.RetryPolicy;
import io.connectorkit.runtime.testing.EmbeddedNodeExtension;
import io.connectorkit.runtime.testing.PlainTextExtractor;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Measures bulk throughput on a warm node and prints it; asserts only that every document landed. */
@ExtendWith(EmbeddedNodeExtension.class)
class BulkThroughputIT {
    private final ConnectorRegistry registry = ConnectorRegistry.load();

    private CrawlReport crawl(EmbeddedSearchNode node, String id, int documents) throws Exception {
        Map<String, String> values = Map.of("connector.type", "scripted", "connector.id", id,
                "sink.elasticsearch.url", node.url(), "test.partitions", "a,b,c,d",
                "test.documents", Integer.toString(documents), "test.checkpoint-every", "200");
        try (Host host = Host.open(registry.validate(values), registry, new PlainTextExtractor(), Clock.systemUTC(),
                RetryPolicy.standard(), null)) {
            return host.crawl(true, ProgressListener.none(), new CancellationSignal());
        }
    }

    @Test
    void printsBulkThroughputOnAWarmNode(EmbeddedSearchNode node) throws Exception {
        crawl(node, "warmup-" + System.nanoTime(), 500);
        CrawlReport report = crawl(node, "throughput-" + System.nanoTime(), 2500);
        assertThat(report.clean()).isTrue();
        assertThat(report.documentsUpserted()).isEqualTo(4 * 2750);
        double seconds = report.duration().toNanos() / 1e9;
        System.out.printf("Bulk throughput (warm, 4 partitions, max-docs 1000): %d documents in %.2f s = %.0f docs/s%n",
                report.documentsUpserted(), seconds, report.documentsUpserted() / seconds);
    }
}
