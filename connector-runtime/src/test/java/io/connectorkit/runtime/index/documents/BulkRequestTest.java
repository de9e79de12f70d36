package io.connectorkit.runtime.index.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.connectorkit.runtime.config.SinkConfig;
import io.connectorkit.runtime.index.DocumentSink;
import io.connectorkit.runtime.index.IndexClient;
import io.connectorkit.runtime.index.IndexDiskFullException;
import io.connectorkit.runtime.index.RetryPolicy;
import io.connectorkit.runtime.index.SinkAction;
import io.connectorkit.runtime.index.SinkException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bulk items that the index refuses while it is unavailable are waited for, within the policy's wait. */
class BulkRequestTest {
    private final AtomicInteger blockedAnswersLeft = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicReference<String> refusal = new AtomicReference<>("{\"index\":{\"status\":503,\"error\":"
            + "{\"type\":\"unavailable_shards_exception\",\"reason\":\"primary shard is not active\"}}}");
    private HttpServer server;
    private String url;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/_bulk", exchange -> {
            exchange.getRequestBody().readAllBytes();
            requests.incrementAndGet();
            String item = blockedAnswersLeft.getAndDecrement() > 0 ? refusal.get() : "{\"index\":{\"status\":201}}";
            byte[] body = ("{\"errors\":false,\"items\":[" + item + "]}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private List<String> write(Duration maxWait) throws SinkException {
        return write(maxWait, IndexDisk.cluster());
    }

    private List<String> write(Duration maxWait, IndexDisk disk) throws SinkException {
        try (IndexClient client = new IndexClient(List.of(url),
                new SinkConfig(List.of(url), "", "", "", "i", 1, 1, Path.of(".")),
                new RetryPolicy(1, Duration.ofMillis(5), Duration.ofMillis(20), maxWait))) {
            return new BulkRequest(client, "i", disk).send(List.of(SinkAction.upsert("a", "p", "{\"x\":1}")));
        }
    }

    private static final String FLOOD_STAGE = "{\"index\":{\"status\":429,\"error\":{\"type\":"
            + "\"cluster_block_exception\",\"reason\":\"index [i] blocked by: [TOO_MANY_REQUESTS/12/disk usage exceeded"
            + " flood-stage watermark, index has read-only-allow-delete block];\"}}}";

    @Test
    void aFloodStageBlockIsWaitedForAndThenEndsTheWriteAsAFullDiskNamingTheFix() {
        refusal.set(FLOOD_STAGE);
        blockedAnswersLeft.set(Integer.MAX_VALUE);
        IndexDisk disk = IndexDisk.cluster();
        assertThatThrownBy(() -> write(Duration.ofMillis(300), disk)).isInstanceOf(IndexDiskFullException.class)
                .hasMessageContaining(url).hasMessageContaining("lack of disk space")
                .hasMessageContaining("read-only-allow-delete").hasMessageContaining("sink.retry.max-wait-seconds")
                .hasMessageContaining("Free disk space on the cluster's data nodes");
        assertThat(requests.get()).as("retried past the one retry, within the wait").isGreaterThan(2);
        requests.set(0);
        assertThatThrownBy(() -> write(Duration.ofMillis(300), disk)).isInstanceOf(IndexDiskFullException.class);
        assertThat(requests.get()).as("once given up, later writes fail at once").isZero();
    }

    @Test
    void theIndexsOwnDiskErrorIsAFullDiskToo() throws Exception {
        refusal.set("{\"index\":{\"status\":500,\"error\":{\"type\":\"index_failed_engine_exception\","
                + "\"reason\":\"Index failed\",\"caused_by\":{\"type\":\"i_o_exception\",\"reason\":"
                + "\"No space left on device\"}}}}");
        blockedAnswersLeft.set(5);
        assertThat(write(Duration.ofMinutes(1))).as("waited for like an outage").containsExactly((String) null);
        assertThat(requests.get()).isEqualTo(6);
    }

    @Test
    void aFullEmbeddedDiskHoldsTheReStampOfUnchangedDocumentsToo(@TempDir Path dir) {
        IndexDisk disk = IndexDisk.embedded(dir, Long.MAX_VALUE / 4);
        try (IndexClient client = new IndexClient(List.of(url),
                new SinkConfig(List.of(url), "", "", "", "i", 1, 1, Path.of(".")),
                new RetryPolicy(1, Duration.ofMillis(5), Duration.ofMillis(20), Duration.ZERO))) {
            DocumentSink sink = new ContentIndex(client, "i", "src", disk).sink();
            assertThatThrownBy(() -> sink.stampUnchanged("p", 2, List.of("a"))).isInstanceOf(IndexDiskFullException.class)
                    .hasMessageContaining(dir.toAbsolutePath().toString());
        }
        assertThat(requests.get()).isZero();
    }

    @Test
    void aFullEmbeddedDiskSendsNothingAndNamesThePath(@TempDir Path dir) {
        IndexDisk disk = IndexDisk.embedded(dir, Long.MAX_VALUE / 4);
        assertThat(disk.low()).isTrue();
        assertThatThrownBy(() -> write(Duration.ZERO, disk)).isInstanceOf(IndexDiskFullException.class)
                .hasMessageContaining("on the filesystem of " + dir.toAbsolutePath())
                .hasMessageContaining("sink.embedded.data-dir")
                .as("no filesystem holds the reserve, so the fix is a smaller sink.bulk.max-bytes")
                .hasMessageContaining("in all: lower sink.bulk.max-bytes").hasMessageNotContaining("Free space there");
        assertThat(requests.get()).isZero();
    }

    @Test
    void itemsRefusedWhileShardsRecoverAreRetriedPastTheRetriesWithinTheWait() throws Exception {
        blockedAnswersLeft.set(8);
        assertThat(write(Duration.ofMinutes(1))).containsExactly((String) null);
        assertThat(requests.get()).isEqualTo(9);
    }

    @Test
    void withoutAWaitTheRetriesEndTheWriteNamingTheKey() {
        blockedAnswersLeft.set(8);
        assertThatThrownBy(() -> write(Duration.ZERO)).isInstanceOf(SinkException.class)
                .hasMessageContaining("unavailable_shards_exception").hasMessageContaining("sink.retry.max-wait-seconds");
        assertThat(requests.get()).isEqualTo(2);
    }
}
