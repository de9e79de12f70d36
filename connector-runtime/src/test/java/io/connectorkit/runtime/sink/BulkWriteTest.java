package io.connectorkit.runtime.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.connectorkit.runtime.config.SinkConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bulk items that the index refuses while it is unavailable are waited for, within the policy's wait. */
class BulkWriteTest {
    private final AtomicInteger blockedAnswersLeft = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private HttpServer server;
    private String url;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/_bulk", exchange -> {
            exchange.getRequestBody().readAllBytes();
            requests.incrementAndGet();
            String item = blockedAnswersLeft.getAndDecrement() > 0
                    ? "{\"index\":{\"status\":503,\"error\":{\"type\":\"unavailable_shards_exception\",\"reason\":\"primary"
                            + " shard is not active\"}}}"
                    : "{\"index\":{\"status\":201}}";
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
        try (IndexClient client = new IndexClient(List.of(url),
                new SinkConfig(List.of(url), "", "", "", "i", 1, 1, Path.of(".")),
                new RetryPolicy(1, Duration.ofMillis(5), Duration.ofMillis(20), maxWait))) {
            return new BulkWrite(client, "i").write(List.of(SinkAction.upsert("a", "p", "{\"x\":1}")));
        }
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
