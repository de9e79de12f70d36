package io.connectorkit.testkit.mimecast;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.connectorkit.testkit.archive.Archive;
import io.connectorkit.testkit.archive.ArchiveGenerator;
import io.connectorkit.testkit.archive.MessageHeader;
import io.connectorkit.testkit.archive.View;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FakeMimecastServerTest {
    private final Archive archive = ArchiveGenerator.seed(11).domains(1).localDomains(1).usersPerDomain(3)
            .messagesPerView(120).generate();
    private FakeMimecastServer server;
    private ApiClient client;

    @BeforeEach
    void start() {
        server = FakeMimecastServer.builder().archive(archive).clientCredentials("id", "secret").start();
        client = new ApiClient(server.baseUrl()).login("id", "secret");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void listsEveryDomainWithItsLocalFlag() {
        JsonObject body = client.call(Endpoint.GET_INTERNAL_DOMAIN, "{\"data\":[]}");
        JsonArray data = body.getAsJsonArray("data");
        assertThat(data).hasSize(2);
        assertThat(data.get(0).getAsJsonObject().get("domain").getAsString()).isEqualTo("example.com");
        assertThat(data.get(1).getAsJsonObject().get("local").getAsBoolean()).isTrue();
        assertThat(body.getAsJsonObject("meta").get("status").getAsInt()).isEqualTo(200);
        assertThat(body.getAsJsonArray("fail")).isEmpty();
    }

    @Test
    void pagesThroughAMailboxListingEveryMessageOnce() {
        String mailbox = archive.mailboxes().get(0);
        String query = "{\"mailbox\":\"" + mailbox + "\",\"view\":\"INBOX\",\"start\":\"2019-01-01T00:00:00Z\","
                + "\"end\":\"2025-01-01T00:00:00+0000\"}";
        List<String> ids = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String meta = token == null ? "{\"pagination\":{\"pageSize\":50}}"
                    : "{\"pagination\":{\"pageSize\":50,\"pageToken\":\"" + token + "\"}}";
            String data = pages % 2 == 0 ? ",\"data\":[" + query + "]" : "";
            JsonObject body = client.call(Endpoint.GET_MESSAGE_LIST, "{\"meta\":" + meta + data + "}");
            body.getAsJsonArray("data").forEach(m -> ids.add(m.getAsJsonObject().get("id").getAsString()));
            JsonElement next = body.getAsJsonObject("meta").getAsJsonObject("pagination").get("next");
            token = next == null ? null : next.getAsString();
            pages++;
        } while (token != null);
        List<String> expected = archive.messages(mailbox, View.INBOX, Instant.parse("2019-01-01T00:00:00Z"),
                Instant.parse("2025-01-01T00:00:00Z")).map(MessageHeader::id).toList();
        assertThat(ids).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void rejectsBadCredentials() {
        HttpResponse<String> response = client.tokenResponse("id", "wrong");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(JsonParser.parseString(response.body()).getAsJsonObject().getAsJsonArray("fail").get(0)
                .getAsJsonObject().get("code").getAsString()).isEqualTo("InvalidClientIdentifier");
    }
}
