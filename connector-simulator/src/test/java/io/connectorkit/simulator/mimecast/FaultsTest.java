package io.connectorkit.simulator.mimecast;

import static io.connectorkit.simulator.mimecast.FakeMimecastServerTest.failCode;
import static io.connectorkit.simulator.mimecast.FakeMimecastServerTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.connectorkit.simulator.archive.Archive;
import io.connectorkit.simulator.archive.ArchiveGenerator;
import io.connectorkit.simulator.archive.corpus.MessageHeader;
import io.connectorkit.simulator.archive.corpus.View;
import io.connectorkit.simulator.mimecast.faults.Fault;
import io.connectorkit.simulator.mimecast.faults.FaultRule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultsTest {
    private static final String DOMAINS = "{\"data\":[]}";
    private final Archive archive = ArchiveGenerator.seed(41).domains(1).localDomains(0).usersPerDomain(2)
            .messagesPerView(30).generate();
    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T12:00:00Z"));

    private FakeMimecastServer start(FakeMimecastServerBuilder builder) {
        return builder.archive(archive).clientCredentials("id", "secret").clock(clock).start();
    }

    private MessageHeader anyMessage() {
        return archive.messages(archive.mailboxes().get(0), View.INBOX, FakeMimecastServerTest.FROM,
                FakeMimecastServerTest.TO).findFirst().orElseThrow();
    }

    @Test
    void rateLimitedCallGets429WithHeadersInEachResetUnit() {
        long now = clock.millis();
        for (ResetUnit unit : ResetUnit.values()) {
            try (FakeMimecastServer server = start(FakeMimecastServer.builder().resetUnit(unit).quota(100,
                    Duration.ofHours(1)).fault(FaultRule.onCall(Endpoint.GET_INTERNAL_DOMAIN, 2,
                    Fault.rateLimited(Duration.ofMillis(2500)))))) {
                ApiClient client = new ApiClient(server.baseUrl()).login("id", "secret");
                HttpResponse<String> first = client.post(Endpoint.GET_INTERNAL_DOMAIN, DOMAINS);
                assertThat(first.statusCode()).isEqualTo(200);
                assertThat(first.headers().firstValue("X-RateLimit-Limit")).hasValue("100");
                assertThat(first.headers().firstValue("X-RateLimit-Remaining")).hasValue("99");
                HttpResponse<String> limited = client.post(Endpoint.GET_INTERNAL_DOMAIN, DOMAINS);
                assertThat(limited.statusCode()).isEqualTo(429);
                assertThat(limited.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
                String reset = limited.headers().firstValue("X-RateLimit-Reset").orElseThrow();
                switch (unit) {
                    case MILLIS_DURATION -> assertThat(reset).isEqualTo("2500");
                    case EPOCH_SECONDS -> assertThat(reset).isEqualTo(Long.toString((now + 2500 + 999) / 1000));
                    case EPOCH_MILLIS -> assertThat(reset).isEqualTo(Long.toString(now + 2500));
                    case RETRY_AFTER_SECONDS -> {
                        assertThat(reset).isEqualTo("2500");
                        assertThat(limited.headers().firstValue("Retry-After")).hasValue("3");
                    }
                    default -> throw new AssertionError(unit);
                }
                assertThat(unit == ResetUnit.RETRY_AFTER_SECONDS || limited.headers().firstValue("Retry-After")
                        .isEmpty()).isTrue();
                assertThat(failCode(json(limited))).isEqualTo("err_rate_limit_exceeded");
                assertThat(client.post(Endpoint.GET_INTERNAL_DOMAIN, DOMAINS).statusCode()).isEqualTo(200);
                assertThat(server.calls(Endpoint.GET_INTERNAL_DOMAIN, 429)).isEqualTo(1);
            }
        }
    }

    @Test
    void rateLimitHeadersCanUseTheHyphenatedSpelling() {
        try (FakeMimecastServer server = start(FakeMimecastServer.builder().hyphenatedRateLimitHeaders())) {
            ApiClient client = new ApiClient(server.baseUrl()).login("id", "secret");
            HttpResponse<String> response = client.post(Endpoint.GET_INTERNAL_DOMAIN, DOMAINS);
            assertThat(response.headers().firstValue("X-Rate-Limit-Reset")).isPresent();
            assertThat(response.headers().firstValue("X-RateLimit-Reset")).isEmpty();
        }
    }

    @Test
    void perCredentialTokenBucketAnswers429UntilATokenFreesUp() {
        try (FakeMimecastServer server = start(FakeMimecastServer.builder().callsPerSecond(2)
                .clientCredentials("other", "pw"))) {
            ApiClient client = new ApiClient(server.baseUrl()).login("id", "secret");
            ApiClient other = new ApiClient(server.baseUrl()).login("other", "pw");
            assertThat(client.post(Endpoint.GET_INTERNAL_DOMAIN, DOMAINS).statusCode()).isEqualTo(200);
            assertThat(client.post(Endpoint.GET_INTERNAL_DOMAIN, DOMAINS).statusCode()).isEqualTo(200);
            HttpResponse<String> limited = client.post(Endpoint.GET_INTERNAL_DOMAIN, DOMAINS);
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.headers().firstValue("X-RateLimit-Reset")).hasValue("500");
            assertThat(other.post(Endpoint.GET_INTERNAL_DOMAIN, DOMAINS).statusCode()).isEqualTo(200);
            clock.advance(Duration.ofMillis(500));
            assertThat(client.post(Endpoint.GET_INTERNAL_DOMAIN, DOMAINS).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void quotaRunsOutAndComesBackAfterThePeriod() {
        try (FakeMimecastServer server = start(FakeMimecastServer.builder().quota(3, Duration.ofMinutes(1)))) {
            ApiClient client = new ApiClient(server.baseUrl()).login("id", "secret");
            List<String> remaining = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                remaining.add(client.post(Endpoint.GET_INTERNAL_DOMAIN, DOMAINS).headers()
                        .firstValue("X-RateLimit-Remaining").orElseThrow());
            }
            assertThat(remaining).containsExactly("2", "1", "0");
            clock.advance(Duration.ofSeconds(20));
            HttpResponse<String> limited = client.post(Endpoint.GET_INTERNAL_DOMAIN, DOMAINS);
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.headers().firstValue("X-RateLimit-Reset")).hasValue("40000");
            clock.advance(Duration.ofSeconds(40));
            assertThat(client.post(Endpoint.GET_INTERNAL_DOMAIN, DOMAINS).statusCode()).isEqualTo(200);
            assertThat(server.quotaWindows()).as("the spent window, then the one just opened").containsExactly(3L, 1L);
        }
    }

    @Test
    void theAccountAnswersTheArchiveFlagAndRetentionItWasGiven() {
        try (FakeMimecastServer server = start(FakeMimecastServer.builder().account(false, 90))) {
            ApiClient client = new ApiClient(server.baseUrl()).login("id", "secret");
            com.google.gson.JsonObject account = ApiClient.data0(client.call(Endpoint.GET_ACCOUNT, ""))
                    .getAsJsonObject();
            assertThat(account.get("archive").getAsBoolean()).isFalse();
            assertThat(account.get("maxRetention").getAsInt()).isEqualTo(90);
        }
    }

    @Test
    void serverErrorBurstThenRecovery() {
        try (FakeMimecastServer server = start(FakeMimecastServer.builder()
                .fault(FaultRule.onCalls(Endpoint.GET_INTERNAL_DOMAIN, 2, 4, Fault.serverError(503))))) {
            ApiClient client = new ApiClient(server.baseUrl()).login("id", "secret");
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                statuses.add(client.post(Endpoint.GET_INTERNAL_DOMAIN, DOMAINS).statusCode());
            }
            assertThat(statuses).containsExactly(200, 503, 503, 503, 200);
            assertThat(server.calls(Endpoint.GET_INTERNAL_DOMAIN, 503)).isEqualTo(3);
        }
    }

    @Test
    void slowResponsesOutlastAShortClientTimeout() {
        try (FakeMimecastServer server = start(FakeMimecastServer.builder()
                .fault(FaultRule.onCall(Endpoint.GET_INTERNAL_DOMAIN, 1, Fault.slow(Duration.ofSeconds(3)))))) {
            ApiClient client = new ApiClient(server.baseUrl()).login("id", "secret");
            assertThatThrownBy(() -> client.post(Endpoint.GET_INTERNAL_DOMAIN, DOMAINS, Duration.ofMillis(300)))
                    .isInstanceOf(ApiClient.TimedOut.class);
            assertThat(client.post(Endpoint.GET_INTERNAL_DOMAIN, DOMAINS).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void droppedConnectionsCutJsonAndDownloadsMidBody() {
        MessageHeader message = anyMessage();
        try (FakeMimecastServer server = start(FakeMimecastServer.builder()
                .fault(FaultRule.onCall(Endpoint.GET_MESSAGE_LIST, 1, Fault.disconnect()))
                .fault(FaultRule.onCall(Endpoint.DOWNLOAD, 1, Fault.disconnect())))) {
            ApiClient client = new ApiClient(server.baseUrl()).login("id", "secret");
            String list = "{\"data\":[" + FakeMimecastServerTest.listItem(message.mailbox(), "INBOX",
                    "2019-01-01T00:00:00Z", "2025-01-01T00:00:00Z") + "]}";
            assertThatThrownBy(() -> client.post(Endpoint.GET_MESSAGE_LIST, list))
                    .isInstanceOf(UncheckedIOException.class).hasCauseInstanceOf(IOException.class);
            assertThat(client.post(Endpoint.GET_MESSAGE_LIST, list).statusCode()).isEqualTo(200);
            String url = FakeMimecastServerTest.json(client.post(Endpoint.GET_FILE, "{\"data\":[{\"id\":\""
                    + message.id() + "\"}]}")).getAsJsonArray("data").get(0).getAsJsonObject().getAsJsonArray("urls")
                    .get(0).getAsString();
            assertThatThrownBy(() -> client.get(url)).isInstanceOf(UncheckedIOException.class);
            assertThat(client.get(url).body()).hasSize((int) message.size());
            assertThat(server.calls(Endpoint.GET_MESSAGE_LIST)).isEqualTo(2);
            assertThat(server.calls(Endpoint.GET_MESSAGE_LIST, 0)).isEqualTo(1);
            assertThat(server.calls(Endpoint.DOWNLOAD, 0)).isEqualTo(1);
        }
    }

    @Test
    void malformedJsonIsCutShort() {
        try (FakeMimecastServer server = start(FakeMimecastServer.builder()
                .fault(FaultRule.onCall(Endpoint.GET_INTERNAL_DOMAIN, 1, Fault.malformedJson())))) {
            ApiClient client = new ApiClient(server.baseUrl()).login("id", "secret");
            HttpResponse<String> response = client.post(Endpoint.GET_INTERNAL_DOMAIN, DOMAINS);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).startsWith("{\"meta\"");
            assertThatThrownBy(() -> JsonParser.parseString(response.body()).getAsJsonObject().getAsJsonArray("data")
                    .size()).isInstanceOf(JsonParseException.class);
        }
    }

    @Test
    void missingProductIsForbiddenPerEndpoint() {
        try (FakeMimecastServer server = start(FakeMimecastServer.builder().withoutProductFor(Endpoint.GET_FILE))) {
            ApiClient client = new ApiClient(server.baseUrl()).login("id", "secret");
            HttpResponse<String> forbidden = client.post(Endpoint.GET_FILE, "{\"data\":[{\"id\":\"" + anyMessage().id()
                    + "\"}]}");
            assertThat(forbidden.statusCode()).isEqualTo(403);
            assertThat(failCode(json(forbidden))).isEqualTo("app_forbidden");
            assertThat(client.post(Endpoint.GET_INTERNAL_DOMAIN, DOMAINS).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aFailingMessageFailsEveryTimeWithHttp200() {
        MessageHeader bad = anyMessage();
        try (FakeMimecastServer server = start(FakeMimecastServer.builder().failingMessage(bad.id()))) {
            ApiClient client = new ApiClient(server.baseUrl()).login("id", "secret");
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> response = client.post(Endpoint.GET_FILE, "{\"data\":[{\"id\":\"" + bad.id()
                        + "\"}]}");
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(json(response).getAsJsonArray("data")).isEmpty();
                assertThat(json(response).getAsJsonArray("fail").get(0).getAsJsonObject().getAsJsonObject("key")
                        .get("id").getAsString()).isEqualTo(bad.id());
                assertThat(json(response).getAsJsonArray("fail").get(0).getAsJsonObject().getAsJsonArray("errors")
                        .get(0).getAsJsonObject().get("retryable").getAsBoolean()).isFalse();
            }
            String other = archive.messages(archive.mailboxes().get(1), View.SENT, FakeMimecastServerTest.FROM,
                    FakeMimecastServerTest.TO).findFirst().orElseThrow().id();
            assertThat(json(client.post(Endpoint.GET_MESSAGE_DETAIL, "{\"data\":[{\"id\":\"" + other + "\"}]}"))
                    .getAsJsonArray("fail")).isEmpty();
        }
    }

    @Test
    void emptyBadRequestAndScriptedTokenExpiry() {
        try (FakeMimecastServer server = start(FakeMimecastServer.builder()
                .fault(FaultRule.onCall(Endpoint.GET_INTERNAL_DOMAIN, 1, Fault.emptyBadRequest()))
                .fault(FaultRule.onCall(Endpoint.GET_INTERNAL_DOMAIN, 2, Fault.tokenExpired())))) {
            ApiClient client = new ApiClient(server.baseUrl()).login("id", "secret");
            HttpResponse<String> bad = client.post(Endpoint.GET_INTERNAL_DOMAIN, DOMAINS);
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.body()).isEmpty();
            HttpResponse<String> expired = client.post(Endpoint.GET_INTERNAL_DOMAIN, DOMAINS);
            assertThat(expired.statusCode()).isEqualTo(401);
            assertThat(failCode(json(expired))).isEqualTo("token_expired");
            assertThat(client.post(Endpoint.GET_INTERNAL_DOMAIN, DOMAINS).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void randomFaultsRepeatWithTheSameSeed() {
        List<List<Integer>> runs = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            try (FakeMimecastServer server = start(FakeMimecastServer.builder()
                    .fault(FaultRule.random(Endpoint.GET_INTERNAL_DOMAIN, 0.3, 99, Fault.serverError(500))))) {
                ApiClient client = new ApiClient(server.baseUrl()).login("id", "secret");
                List<Integer> statuses = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    statuses.add(client.post(Endpoint.GET_INTERNAL_DOMAIN, DOMAINS).statusCode());
                }
                runs.add(statuses);
            }
        }
        assertThat(runs.get(0)).isEqualTo(runs.get(1)).contains(200, 500);
    }

    @Test
    void theTokenEndpointCanFailToo() {
        try (FakeMimecastServer server = start(FakeMimecastServer.builder()
                .fault(FaultRule.onCall(Endpoint.TOKEN, 1, Fault.disconnect()))
                .fault(FaultRule.onCall(Endpoint.TOKEN, 2, Fault.serverError(500))))) {
            ApiClient client = new ApiClient(server.baseUrl());
            assertThatThrownBy(() -> client.tokenResponse("id", "secret")).isInstanceOf(UncheckedIOException.class);
            assertThat(client.tokenResponse("id", "secret").statusCode()).isEqualTo(500);
            assertThat(client.tokenResponse("id", "secret").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void faultsCanBeAddedAndClearedWhileRunning() {
        try (FakeMimecastServer server = start(FakeMimecastServer.builder())) {
            ApiClient client = new ApiClient(server.baseUrl()).login("id", "secret");
            server.fault(FaultRule.always(null, Fault.serverError(502)));
            assertThat(client.post(Endpoint.GET_INTERNAL_USERS, "{}").statusCode()).isEqualTo(502);
            server.clearFaults();
            assertThat(client.post(Endpoint.GET_INTERNAL_USERS, "{}").statusCode()).isEqualTo(200);
        }
    }
}
