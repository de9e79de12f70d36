package io.connectorkit.runtime.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpServer;
import io.connectorkit.api.Checkpoint;
import io.connectorkit.runtime.config.SinkConfig;
import io.connectorkit.runtime.index.IndexClient;
import io.connectorkit.runtime.index.RetryPolicy;
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

/**
 * A conditional state write the index refuses with 409 is another writer's doing only when the
 * stored state can be read and differs; a shard that failed (a full disk) refuses both.
 */
class ElasticsearchStateStoreTest {
    private final AtomicInteger readStatus = new AtomicInteger();
    private final AtomicReference<String> readBody = new AtomicReference<>();
    private final AtomicReference<String> written = new AtomicReference<>();
    private HttpServer server;
    private String url;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean write = exchange.getRequestMethod().equals("PUT");
            if (write) {
                written.set(request);
            }
            int status = write ? 409 : readStatus.get();
            byte[] body = (write ? "{\"error\":{\"type\":\"version_conflict_engine_exception\",\"reason\":\"required"
                    + " seqNo [3]\"},\"status\":409}" : readBody.get()).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
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

    private void save() throws Exception {
        try (IndexClient client = new IndexClient(List.of(url),
                new SinkConfig(List.of(url), "", "", "", "i", 1, 1, Path.of(".")),
                new RetryPolicy(0, Duration.ofMillis(5), Duration.ofMillis(20)))) {
            new ElasticsearchStateStore(client, "i-state", "src")
                    .save(new PartitionState("p", new Checkpoint("c2"), 1, null, List.of(), 0, 3, 1, null));
        }
    }

    @Test
    void aRefusedWriteWhoseStateCannotBeReadIsNoConflict() {
        readStatus.set(503);
        readBody.set("{\"error\":{\"type\":\"no_shard_available_action_exception\",\"reason\":\"No shard available\"},"
                + "\"status\":503}");
        assertThatThrownBy(this::save).isInstanceOf(StateStoreException.class)
                .isNotInstanceOf(StateConflictException.class)
                .hasMessageContaining("partition 'p'").hasMessageContaining("no_shard_available_action_exception")
                .hasMessageContaining("disk space").hasMessageNotContaining("another writer");
    }

    @Test
    void aRefusedWriteWhoseStoredStateDiffersIsAConflict() {
        readStatus.set(200);
        readBody.set("{\"_seq_no\":4,\"_primary_term\":1,\"found\":true,\"_source\":{\"partition\":\"p\","
                + "\"checkpoint\":\"other\"}}");
        assertThatThrownBy(this::save).isInstanceOf(StateConflictException.class)
                .hasMessageContaining("another writer");
    }

    @Test
    void theCheckpointIsStoredAndReadAsThePlainStringTheConnectorGave() throws Exception {
        // A state document as every version of the host wrote it: the checkpoint is the connector's string.
        readStatus.set(200);
        readBody.set("{\"_seq_no\":4,\"_primary_term\":1,\"found\":true,\"_source\":{\"connector_id\":\"src\","
                + "\"partition\":\"p\",\"checkpoint\":\"{\\\"t\\\":1}\",\"generation\":3,\"failure_count\":0,"
                + "\"failures\":[]}}");
        try (IndexClient client = new IndexClient(List.of(url),
                new SinkConfig(List.of(url), "", "", "", "i", 1, 1, Path.of(".")),
                new RetryPolicy(0, Duration.ofMillis(5), Duration.ofMillis(20)))) {
            assertThat(new ElasticsearchStateStore(client, "i-state", "src").get("p").orElseThrow().checkpoint())
                    .isEqualTo(new Checkpoint("{\"t\":1}"));
        }
        assertThatThrownBy(this::save).isInstanceOf(StateConflictException.class);
        assertThat(JsonParser.parseString(written.get()).getAsJsonObject().get("checkpoint").getAsString())
                .isEqualTo("c2");
    }
}
