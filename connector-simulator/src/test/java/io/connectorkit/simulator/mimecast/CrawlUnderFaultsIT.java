package io.connectorkit.simulator.mimecast;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.connectorkit.simulator.archive.Archive;
import io.connectorkit.simulator.archive.ArchiveGenerator;
import io.connectorkit.simulator.archive.corpus.View;
import io.connectorkit.simulator.mimecast.faults.Fault;
import io.connectorkit.simulator.mimecast.faults.FaultRule;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A naive crawler (domains, users, message lists, get-file and download) that retries on 429,
 * 5xx, dropped connections, malformed JSON and expired tokens still sees every message exactly
 * once: the fake's faults are recoverable the way the real service's are.
 */
class CrawlUnderFaultsIT {
    private final Archive archive = ArchiveGenerator.seed(61).domains(2).localDomains(1).usersPerDomain(2)
            .messagesPerView(15).generate();

    @Test
    void aRetryingCrawlerGetsEveryMessageExactlyOnce() {
        try (FakeMimecastServer server = FakeMimecastServer.builder().archive(archive).clientCredentials("id", "s")
                .fault(FaultRule.random(null, 0.08, 1, Fault.rateLimited(Duration.ofMillis(1))))
                .fault(FaultRule.random(null, 0.05, 2, Fault.serverError(503)))
                .fault(FaultRule.random(null, 0.04, 3, Fault.disconnect()))
                .fault(FaultRule.random(Endpoint.GET_MESSAGE_LIST, 0.05, 4, Fault.malformedJson()))
                .fault(FaultRule.random(Endpoint.GET_FILE, 0.05, 5, Fault.tokenExpired()))
                .start()) {
            ApiClient client = new ApiClient(server.baseUrl());
            login(client);
            Set<String> fetched = new HashSet<>();
            int listed = 0;
            JsonObject domains = call(client, Endpoint.GET_INTERNAL_DOMAIN, "{\"data\":[]}");
            for (JsonElement domain : domains.getAsJsonArray("data")) {
                String name = domain.getAsJsonObject().get("domain").getAsString();
                String usersToken = null;
                do {
                    String page = usersToken == null ? "" : ",\"pageToken\":\"" + usersToken + "\"";
                    JsonObject users = call(client, Endpoint.GET_INTERNAL_USERS, "{\"meta\":{\"pagination\":"
                            + "{\"pageSize\":2" + page + "}},\"data\":[{\"domain\":\"" + name + "\"}]}");
                    for (JsonElement user : ApiClient.data0(users).getAsJsonObject().getAsJsonArray("users")) {
                        if (!user.getAsJsonObject().get("alias").getAsBoolean()) {
                            listed += crawlMailbox(client, user.getAsJsonObject().get("emailAddress").getAsString(),
                                    fetched);
                        }
                    }
                    usersToken = FakeMimecastServerTest.next(users);
                } while (usersToken != null);
            }
            long expected = archive.mailboxes().stream().mapToLong(m -> archive.messages(m, View.INBOX,
                    FakeMimecastServerTest.FROM, FakeMimecastServerTest.TO).count() + archive.messages(m, View.SENT,
                    FakeMimecastServerTest.FROM, FakeMimecastServerTest.TO).count()).sum();
            assertThat(listed).isEqualTo(expected);
            assertThat(fetched).hasSize((int) expected);
            assertThat(server.calls(Endpoint.GET_FILE, 429) + server.calls(Endpoint.GET_MESSAGE_LIST, 503)
                    + server.calls(Endpoint.DOWNLOAD, 0)).isPositive();
        }
    }

    private int crawlMailbox(ApiClient client, String mailbox, Set<String> fetched) {
        int listed = 0;
        for (View view : View.values()) {
            String item = FakeMimecastServerTest.listItem(mailbox, view.name(), "2019-01-01T00:00:00Z",
                    "2025-01-01T00:00:00Z");
            String token = null;
            do {
                String page = token == null ? "" : ",\"pageToken\":\"" + token + "\"";
                JsonObject body = call(client, Endpoint.GET_MESSAGE_LIST, "{\"meta\":{\"pagination\":{\"pageSize\":4"
                        + page + "}},\"data\":[" + item + "]}");
                for (JsonElement row : body.getAsJsonArray("data")) {
                    String id = row.getAsJsonObject().get("id").getAsString();
                    long size = row.getAsJsonObject().get("size").getAsLong();
                    listed++;
                    assertThat(download(client, id)).isEqualTo(size);
                    assertThat(fetched.add(id)).as("fetched twice: %s", id).isTrue();
                }
                token = FakeMimecastServerTest.next(body);
            } while (token != null);
        }
        return listed;
    }

    private long download(ApiClient client, String id) {
        for (int attempt = 0; attempt < 20; attempt++) {
            JsonObject body = call(client, Endpoint.GET_FILE, "{\"data\":[{\"id\":\"" + id + "\"}]}");
            String url = ApiClient.data0(body).getAsJsonObject().getAsJsonArray("urls").get(0).getAsString();
            try {
                HttpResponse<byte[]> response = client.get(url);
                if (response.statusCode() == 200) {
                    return response.body().length;
                }
            } catch (UncheckedIOException dropped) {
                // retried below
            }
        }
        throw new AssertionError("could not download " + id);
    }

    /** The token endpoint fails like any other: retry it too. */
    private static void login(ApiClient client) {
        for (int attempt = 0; attempt < 20; attempt++) {
            try {
                client.login("id", "s");
                return;
            } catch (IllegalStateException | UncheckedIOException failed) {
                // retried
            }
        }
        throw new AssertionError("could not get a token after 20 attempts");
    }

    /** Retries what the real service asks clients to retry; re-mints the token on 401. */
    private static JsonObject call(ApiClient client, Endpoint endpoint, String json) {
        for (int attempt = 0; attempt < 20; attempt++) {
            HttpResponse<String> response;
            try {
                response = client.post(endpoint, json);
            } catch (UncheckedIOException dropped) {
                continue;
            }
            if (response.statusCode() == 401) {
                login(client);
                continue;
            }
            if (response.statusCode() != 200) {
                continue;
            }
            try {
                JsonObject body = JsonParser.parseString(response.body()).getAsJsonObject();
                body.getAsJsonArray("data").size();
                assertThat(body.getAsJsonArray("fail")).as(response.body()).isEmpty();
                return body;
            } catch (JsonParseException | IllegalStateException | NullPointerException truncated) {
                // malformed JSON: retry
            }
        }
        throw new AssertionError("no good answer from " + endpoint + " after 20 attempts");
    }
}
