package io.connectorkit.simulator.mimecast;

import static io.connectorkit.simulator.mimecast.FakeMimecastServerTest.failCode;
import static io.connectorkit.simulator.mimecast.FakeMimecastServerTest.listItem;
import static io.connectorkit.simulator.mimecast.FakeMimecastServerTest.next;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.connectorkit.simulator.archive.Archive;
import io.connectorkit.simulator.archive.ArchiveGenerator;
import io.connectorkit.simulator.mimecast.faults.Fault;
import io.connectorkit.simulator.mimecast.faults.FaultRule;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PagingTest {
    private final Archive archive = ArchiveGenerator.seed(51).domains(1).localDomains(0).usersPerDomain(2)
            .messagesPerView(25).generate();
    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T12:00:00Z"));

    private FakeMimecastServer start(FakeMimecastServerBuilder builder) {
        return builder.archive(archive).clientCredentials("id", "secret").clock(clock).start();
    }

    private String item(int mailbox) {
        return listItem(archive.mailboxes().get(mailbox), "INBOX", "2019-01-01T00:00:00Z", "2025-01-01T00:00:00Z");
    }

    private static String request(int pageSize, String token, String item) {
        String page = token == null ? "" : ",\"pageToken\":\"" + token + "\"";
        return "{\"meta\":{\"pagination\":{\"pageSize\":" + pageSize + page + "}}"
                + (item == null ? "" : ",\"data\":[" + item + "]") + "}";
    }

    private static List<String> ids(JsonObject body) {
        List<String> ids = new ArrayList<>();
        body.getAsJsonArray("data").forEach(m -> ids.add(m.getAsJsonObject().get("id").getAsString()));
        return ids;
    }

    @Test
    void pageTokensAreBoundToTheirQuery() {
        try (FakeMimecastServer server = start(FakeMimecastServer.builder())) {
            ApiClient client = new ApiClient(server.baseUrl()).login("id", "secret");
            String token = next(client.call(Endpoint.GET_MESSAGE_LIST, request(10, null, item(0))));
            assertThat(token).isNotNull();
            JsonObject other = client.call(Endpoint.GET_MESSAGE_LIST, request(10, token, item(1)));
            assertThat(other.getAsJsonArray("data")).isEmpty();
            assertThat(failCode(other)).isEqualTo("err_invalid_page_token");
            JsonObject otherWindow = client.call(Endpoint.GET_MESSAGE_LIST, request(10, token,
                    item(0).replace("2019-01-01", "2020-01-01")));
            assertThat(failCode(otherWindow)).isEqualTo("err_invalid_page_token");
            JsonObject forged = client.call(Endpoint.GET_MESSAGE_LIST, request(10, token.substring(1), item(0)));
            assertThat(failCode(forged)).isEqualTo("err_invalid_page_token");
            JsonObject users = client.call(Endpoint.GET_INTERNAL_USERS, request(10, token, null));
            assertThat(failCode(users)).isEqualTo("err_invalid_page_token");
            assertThat(client.call(Endpoint.GET_MESSAGE_LIST, request(10, token, item(0))).getAsJsonArray("fail"))
                    .isEmpty();
        }
        try (FakeMimecastServer server = start(FakeMimecastServer.builder().tokenMismatch(TokenMismatch.BAD_REQUEST))) {
            ApiClient client = new ApiClient(server.baseUrl()).login("id", "secret");
            String token = next(client.call(Endpoint.GET_MESSAGE_LIST, request(10, null, item(0))));
            HttpResponse<String> other = client.post(Endpoint.GET_MESSAGE_LIST, request(10, token, item(1)));
            assertThat(other.statusCode()).isEqualTo(400);
            assertThat(other.body()).isEmpty();
        }
    }

    @Test
    void pageTokensExpireWhenConfiguredOrScripted() {
        try (FakeMimecastServer server = start(FakeMimecastServer.builder().pageTokenTtl(Duration.ofMinutes(10))
                .fault(FaultRule.onCall(Endpoint.GET_INTERNAL_USERS, 2, Fault.pageTokenExpired())))) {
            ApiClient client = new ApiClient(server.baseUrl()).login("id", "secret");
            String token = next(client.call(Endpoint.GET_MESSAGE_LIST, request(10, null, item(0))));
            clock.advance(Duration.ofMinutes(10));
            assertThat(failCode(client.call(Endpoint.GET_MESSAGE_LIST, request(10, token, null))))
                    .isEqualTo("err_page_token_expired");

            String usersToken = next(client.call(Endpoint.GET_INTERNAL_USERS, request(1, null, null)));
            assertThat(failCode(client.call(Endpoint.GET_INTERNAL_USERS, request(1, usersToken, null))))
                    .isEqualTo("err_page_token_expired");
            assertThat(client.call(Endpoint.GET_INTERNAL_USERS, request(1, usersToken, null)).getAsJsonArray("fail"))
                    .isEmpty();
        }
    }

    @Test
    void aLaterPagesFaultAnswersTheFirstPageAndFailsTheRestOfThatMailboxOnly() {
        String mailbox = archive.mailboxes().get(0);
        try (FakeMimecastServer server = start(FakeMimecastServer.builder()
                .fault(FaultRule.laterPages(Endpoint.GET_MESSAGE_LIST, mailbox, Fault.serverError(503))))) {
            ApiClient client = new ApiClient(server.baseUrl()).login("id", "secret");
            JsonObject first = client.call(Endpoint.GET_MESSAGE_LIST, request(10, null, item(0)));
            assertThat(ids(first)).hasSize(10);
            HttpResponse<String> second = client.post(Endpoint.GET_MESSAGE_LIST, request(10, next(first), item(0)));
            assertThat(second.statusCode()).isEqualTo(503);
            JsonObject other = client.call(Endpoint.GET_MESSAGE_LIST, request(10, null, item(1)));
            assertThat(ids(client.call(Endpoint.GET_MESSAGE_LIST, request(10, next(other), item(1))))).hasSize(10);
        }
    }

    @Test
    void lastPageHasNoNextOrADummyNextFollowedByAnEmptyPage() {
        try (FakeMimecastServer server = start(FakeMimecastServer.builder())) {
            ApiClient client = new ApiClient(server.baseUrl()).login("id", "secret");
            JsonObject first = client.call(Endpoint.GET_MESSAGE_LIST, request(20, null, item(0)));
            JsonObject last = client.call(Endpoint.GET_MESSAGE_LIST, request(20, next(first), null));
            assertThat(ids(last)).hasSize(5);
            assertThat(next(last)).isNull();
        }
        try (FakeMimecastServer server = start(FakeMimecastServer.builder().lastPage(LastPageStyle.DUMMY_NEXT))) {
            ApiClient client = new ApiClient(server.baseUrl()).login("id", "secret");
            JsonObject first = client.call(Endpoint.GET_MESSAGE_LIST, request(20, null, item(0)));
            JsonObject last = client.call(Endpoint.GET_MESSAGE_LIST, request(20, next(first), null));
            assertThat(ids(last)).hasSize(5);
            assertThat(next(last)).isNotNull();
            JsonObject empty = client.call(Endpoint.GET_MESSAGE_LIST, request(20, next(last), null));
            assertThat(ids(empty)).isEmpty();
            assertThat(next(empty)).isNotNull();
            assertThat(ids(client.call(Endpoint.GET_MESSAGE_LIST, request(20, next(empty), null)))).isEmpty();
        }
    }

    @Test
    void previousTokensGoBackAPage() {
        try (FakeMimecastServer server = start(FakeMimecastServer.builder())) {
            ApiClient client = new ApiClient(server.baseUrl()).login("id", "secret");
            JsonObject first = client.call(Endpoint.GET_MESSAGE_LIST, request(10, null, item(1)));
            assertThat(first.getAsJsonObject("meta").getAsJsonObject("pagination").has("previous")).isFalse();
            JsonObject second = client.call(Endpoint.GET_MESSAGE_LIST, request(10, next(first), null));
            JsonElement previous = second.getAsJsonObject("meta").getAsJsonObject("pagination").get("previous");
            JsonObject back = client.call(Endpoint.GET_MESSAGE_LIST, request(10, previous.getAsString(), null));
            assertThat(ids(back)).isEqualTo(ids(first));
            JsonObject third = client.call(Endpoint.GET_MESSAGE_LIST, request(10, next(second), null));
            assertThat(ids(third)).hasSize(5).doesNotContainAnyElementsOf(ids(second));
        }
    }

    @Test
    void pageSizeIsCappedAndDefaulted() {
        try (FakeMimecastServer server = start(FakeMimecastServer.builder().pageSizes(7, 12))) {
            ApiClient client = new ApiClient(server.baseUrl()).login("id", "secret");
            assertThat(ids(client.call(Endpoint.GET_MESSAGE_LIST, "{\"data\":[" + item(0) + "]}"))).hasSize(7);
            JsonObject capped = client.call(Endpoint.GET_MESSAGE_LIST, request(1000, null, item(0)));
            assertThat(ids(capped)).hasSize(12);
        }
    }

    @Test
    void aMissingDataItemOrMailboxIsAFunctionFailure() {
        try (FakeMimecastServer server = start(FakeMimecastServer.builder())) {
            ApiClient client = new ApiClient(server.baseUrl()).login("id", "secret");
            assertThat(failCode(client.call(Endpoint.GET_MESSAGE_LIST, "{}"))).isEqualTo("err_validation_null");
            assertThat(failCode(client.call(Endpoint.GET_MESSAGE_LIST, "{\"data\":[{\"view\":\"INBOX\"}]}")))
                    .isEqualTo("err_validation_blank");
            assertThat(failCode(client.call(Endpoint.GET_MESSAGE_LIST, "{\"data\":[" + item(0).replace("INBOX", "OUTBOX")
                    + "]}"))).isEqualTo("err_validation_value_not_allowed");
            JsonObject unknown = client.call(Endpoint.GET_MESSAGE_LIST, "{\"data\":[" + listItem("ghost@example.com",
                    "INBOX", "2019-01-01T00:00:00Z", "2025-01-01T00:00:00Z") + "]}");
            assertThat(ids(unknown)).isEmpty();
            assertThat(unknown.getAsJsonArray("fail")).isEmpty();
        }
    }
}
