package io.connectorkit.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.connectorkit.runtime.embedded.EmbeddedSearchNode;
import io.connectorkit.runtime.extract.ContentExtractors;
import io.connectorkit.runtime.pipeline.PipelineOptions;
import io.connectorkit.runtime.index.RetryPolicy;
import io.connectorkit.runtime.testing.EmbeddedNodeExtension;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A crawl on the core runtime alone: no text extractor on the class path, the host builds its
 * extractor from the configuration (extraction left at its default), and binary content reaches
 * the index with its declared metadata only.
 */
@ExtendWith(EmbeddedNodeExtension.class)
class CoreRuntimeCrawlIT {
    private final ConnectorRegistry registry = ConnectorRegistry.load();

    @Test
    void crawlsIntoTheIndexWithMetadataOnlyWhenNoTextExtractorIsInstalled(EmbeddedSearchNode node) throws Exception {
        assertThatThrownBy(() -> Class.forName("org.apache.tika.Tika")).isInstanceOf(ClassNotFoundException.class);
        assertThat(ContentExtractors.textExtractionInstalled()).isFalse();
        Map<String, String> values = Map.of("connector.type", "scripted", "connector.id", "core-" + System.nanoTime(),
                "sink.elasticsearch.url", node.url(), "test.partitions", "a,b", "test.documents", "3");

        try (Host host = Host.open(registry.validate(values), registry, Clock.systemUTC(),
                new RetryPolicy(2, Duration.ofMillis(20), Duration.ofMillis(100)),
                new PipelineOptions(2, Duration.ofMillis(20), 1 << 20))) {
            CrawlReport report = host.crawl(true, ProgressListener.none(), new CancellationSignal());

            assertThat(report.clean()).as(report.toString()).isTrue();
            // Three documents and one attachment per partition; document 1 carries a text/plain binary.
            assertThat(report.documentsUpserted()).isEqualTo(8);
            assertThat(report.itemFailures()).isZero();
            assertThat(host.search("alpha", Optional.empty(), 10).total()).isEqualTo(6);
            assertThat(host.search("zulu", Optional.empty(), 10).total()).as("text of the binary content").isZero();
            JsonObject withBinary = source(node, host.indexName(), "a-1");
            assertThat(withBinary.get("content").getAsString()).isEqualTo("alpha bravo charlie odd");
            assertThat(withBinary.get("content_type").getAsString()).isEqualTo("text/plain");
            assertThat(withBinary.get("truncated").getAsBoolean()).isFalse();
            assertThat(withBinary.has("content_sha256")).as("the source declares no hash").isFalse();
            assertThat(withBinary.has("content_failure")).isFalse();
        }
    }

    /** The stored document as the index holds it. */
    private static JsonObject source(EmbeddedSearchNode node, String index, String id) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(node.url() + "/" + index + "/_doc/"
                + URLEncoder.encode(id, StandardCharsets.UTF_8))).GET().build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonParser.parseString(response.body()).getAsJsonObject().getAsJsonObject("_source");
    }
}
