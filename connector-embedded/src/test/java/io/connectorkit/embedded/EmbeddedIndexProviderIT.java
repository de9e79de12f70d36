package io.connectorkit.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectorkit.embedded.testing.SharedSearchNode;
import io.connectorkit.runtime.CancellationSignal;
import io.connectorkit.runtime.ConnectorRegistry;
import io.connectorkit.runtime.CrawlReport;
import io.connectorkit.runtime.Host;
import io.connectorkit.runtime.ProgressListener;
import io.connectorkit.runtime.embedded.EmbeddedIndexProvider;
import io.connectorkit.runtime.index.RetryPolicy;
import io.connectorkit.runtime.testing.PlainTextExtractor;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The runtime finds this module's embedded index through the service loader when the URL is blank. */
@ExtendWith(SharedSearchNode.class)
class EmbeddedIndexProviderIT {
    @TempDir
    Path dataDir;

    @Test
    void theServiceLoaderFindsTheOpenSearchNode() {
        assertThat(ServiceLoader.load(EmbeddedIndexProvider.class).stream().map(ServiceLoader.Provider::type))
                .containsExactly(EmbeddedSearchNodeProvider.class);
    }

    @Test
    void aBlankUrlCrawlsIntoTheNodeRecordedOnTheDataDirectoryAndLeavesItRunning(EmbeddedSearchNode node)
            throws Exception {
        // The shared node stands in for the node of another command on this data directory, so that
        // the test JVM does not start a second one.
        new NodeRecord(node.url(), ProcessHandle.current().pid(), Instant.now()).write(dataDir);
        ConnectorRegistry registry = ConnectorRegistry.load();
        Map<String, String> values = Map.of("connector.type", "scripted", "connector.id", "blank-" + System.nanoTime(),
                "sink.elasticsearch.url", "", "sink.embedded.data-dir", dataDir.toString(), "test.documents", "25");
        try (Host host = Host.open(registry.validate(values), registry, new PlainTextExtractor(),
                Clock.systemUTC(), RetryPolicy.standard(), null)) {
            assertThat(host.indexUrl()).isEqualTo(node.url());
            assertThat(host.embeddedCredentialFile()).contains(dataDir.resolve(EmbeddedCredential.FILE_NAME));
            CrawlReport report = host.crawl(false, ProgressListener.none(), new CancellationSignal());
            assertThat(report.clean()).isTrue();
            // 25 documents and the children the scripted connector gives some of them.
            assertThat(report.documentsUpserted()).isGreaterThanOrEqualTo(25);
            assertThat(host.status()).singleElement().satisfies(s -> assertThat(s.documents())
                    .as("in the node's index").isEqualTo(report.documentsUpserted()));
        }
        assertThat(NodeRecord.read(dataDir)).as("another process's record is left alone")
                .hasValueSatisfying(r -> assertThat(r.answers()).isTrue());
    }
}
