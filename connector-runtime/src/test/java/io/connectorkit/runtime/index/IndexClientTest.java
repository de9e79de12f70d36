package io.connectorkit.runtime.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.connectorkit.runtime.config.SinkConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IndexClientTest {
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final AtomicInteger failureStatus = new AtomicInteger(503);
    private final List<Optional<Instant>> waitingSeen = new CopyOnWriteArrayList<>();
    private volatile IndexClient observed;
    private HttpServer server;
    private String url;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            exchange.getRequestBody().readAllBytes();
            if (observed != null) {
                waitingSeen.add(observed.unavailableSince());
            }
            boolean fail = failuresLeft.getAndDecrement() > 0;
            byte[] body = (fail ? "{\"error\":{\"type\":\"unavailable\",\"reason\":\"busy\"}}" : "{\"ok\":true}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(fail ? failureStatus.get() : 200, body.length);
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

    private IndexClient client(String user, String password, String apiKey, int retries) {
        return new IndexClient(List.of(url), new SinkConfig(List.of(url), user, password, apiKey, "i", 1, 1, Path.of(".")),
                new RetryPolicy(retries, Duration.ofMillis(5), Duration.ofMillis(20)));
    }

    private IndexClient client(int retries, Duration maxWait) {
        return new IndexClient(List.of(url), new SinkConfig(List.of(url), "", "", "", "i", 1, 1, Path.of(".")),
                new RetryPolicy(retries, Duration.ofMillis(5), Duration.ofMillis(20), maxWait));
    }

    @Test
    void waitsPastItsRetriesForAnUnavailableIndexAndSaysSinceWhen() throws Exception {
        failuresLeft.set(12);
        try (IndexClient client = client(1, Duration.ofMinutes(1))) {
            observed = client;
            Instant before = Instant.now();
            assertThat(client.json("GET", "/", Map.of(), null).status()).isEqualTo(200);
            assertThat(authorizations).hasSize(13);
            assertThat(waitingSeen.get(0)).isEmpty();
            assertThat(waitingSeen.get(12)).hasValueSatisfying(since -> assertThat(since).isBetween(before, Instant.now()));
            assertThat(client.unavailableSince()).as("no longer waiting once it answered").isEmpty();
        }
    }

    @Test
    void aRequestDuringAnOutageLongerThanTheWaitGetsOnlyItsRetries() throws Exception {
        failuresLeft.set(Integer.MAX_VALUE);
        try (IndexClient client = client(1, Duration.ofMillis(300))) {
            assertThat(client.json("GET", "/", Map.of(), null).status()).isEqualTo(503);
            assertThat(authorizations.size()).as("the first request waited past its retries").isGreaterThan(2);
            authorizations.clear();
            assertThat(client.json("GET", "/", Map.of(), null).status()).isEqualTo(503);
            assertThat(authorizations).as("the wait is spent: one try and one retry").hasSize(2);
        }
    }

    @Test
    void onlyASuccessEndsTheOutage() throws Exception {
        failuresLeft.set(Integer.MAX_VALUE);
        try (IndexClient client = client(1, Duration.ofMillis(100))) {
            client.json("GET", "/", Map.of(), null);
            assertThat(client.unavailableSince()).isPresent();
            failuresLeft.set(1);
            failureStatus.set(404);
            assertThat(client.json("GET", "/", Map.of(), null).status()).isEqualTo(404);
            assertThat(client.unavailableSince()).as("a missing shard's 404 is no sign the index is back").isPresent();
            assertThat(client.json("GET", "/", Map.of(), null).status()).isEqualTo(200);
            assertThat(client.unavailableSince()).isEmpty();
        }
    }

    @Test
    void aBrokenIndexIsNotWaitedForBeyondTheRetries() throws Exception {
        failuresLeft.set(12);
        failureStatus.set(500);
        try (IndexClient client = client(1, Duration.ofMinutes(1))) {
            assertThat(client.json("GET", "/", Map.of(), null).status()).isEqualTo(500);
            assertThat(authorizations).hasSize(2);
        }
    }

    @Test
    void anIndexUnreachableForLongerThanTheWaitFailsNamingTheKey() {
        server.stop(0);
        try (IndexClient client = client(1, Duration.ofMillis(300))) {
            assertThatThrownBy(() -> client.json("GET", "/", Map.of(), null))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining(url)
                    .hasMessageContaining("sink.retry.max-wait-seconds");
            assertThat(client.unavailableSince()).isPresent();
        }
    }

    @Test
    void retriesServerErrorsUntilTheIndexAnswers() throws Exception {
        failuresLeft.set(2);
        try (IndexClient client = client("", "", "", 3)) {
            IndexClient.Reply reply = client.json("GET", "/", Map.of(), null);
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.body().get("ok").getAsBoolean()).isTrue();
            assertThat(authorizations).hasSize(3).containsOnly("null");
        }
    }

    @Test
    void givesUpAfterTheConfiguredRetriesWithTheLastAnswer() throws Exception {
        failuresLeft.set(10);
        try (IndexClient client = client("", "", "", 1)) {
            assertThat(client.json("GET", "/", Map.of(), null).status()).isEqualTo(503);
            assertThat(authorizations).hasSize(2);
        }
    }

    @Test
    void sendsBasicCredentialsOrAnApiKey() throws Exception {
        try (IndexClient basic = client("elastic", "hunter2", "", 0); IndexClient key = client("", "", "a2V5", 0)) {
            basic.json("GET", "/", Map.of(), null);
            key.json("GET", "/", Map.of(), null);
        }
        assertThat(authorizations).containsExactly("Basic ZWxhc3RpYzpodW50ZXIy", "ApiKey a2V5");
    }

    @Test
    void anUnreachableIndexIsNamedWithoutItsCredentials() {
        server.stop(0);
        try (IndexClient client = client("elastic", "hunter2", "", 1)) {
            assertThatThrownBy(() -> client.json("GET", "/", Map.of(), null))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining(url)
                    .hasMessageContaining("sink.elasticsearch.url")
                    .hasMessageNotContaining("hunter2");
        }
    }
}
