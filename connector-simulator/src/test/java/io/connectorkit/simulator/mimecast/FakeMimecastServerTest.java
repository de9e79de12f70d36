package io.connectorkit.simulator.mimecast;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.connectorkit.simulator.archive.Archive;
import io.connectorkit.simulator.archive.ArchiveGenerator;
import io.connectorkit.simulator.archive.corpus.MessageHeader;
import io.connectorkit.simulator.archive.corpus.User;
import io.connectorkit.simulator.archive.corpus.View;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FakeMimecastServerTest {
    static final Instant FROM = Instant.parse("2019-01-01T00:00:00Z");
    static final Instant TO = Instant.parse("2025-01-01T00:00:00Z");
    private final Archive archive = ArchiveGenerator.seed(11).domains(1).localDomains(1).usersPerDomain(3)
            .aliasEvery(2).messagesPerView(120).generate();
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

    static String listItem(String mailbox, String view, String start, String end) {
        return "{\"mailbox\":\"" + mailbox + "\",\"view\":\"" + view + "\",\"start\":\"" + start + "\",\"end\":\""
                + end + "\"}";
    }

    static String next(JsonObject body) {
        JsonElement next = body.getAsJsonObject("meta").getAsJsonObject("pagination").get("next");
        return next == null ? null : next.getAsString();
    }

    static String failCode(JsonObject body) {
        JsonObject fail = body.getAsJsonArray("fail").get(0).getAsJsonObject();
        return fail.has("errors") ? fail.getAsJsonArray("errors").get(0).getAsJsonObject().get("code").getAsString()
                : fail.get("code").getAsString();
    }

    static JsonObject json(HttpResponse<String> response) {
        return JsonParser.parseString(response.body()).getAsJsonObject();
    }

    @Test
    void mintsBearerTokensFromFormEncodedClientCredentialsOnly() {
        HttpResponse<String> ok = client.tokenResponse("id", "secret");
        JsonObject token = json(ok);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(token.get("token_type").getAsString()).isEqualTo("Bearer");
        assertThat(token.get("expires_in").getAsLong()).isEqualTo(1799);
        assertThat(token.get("scope").getAsString()).isEmpty();
        assertThat(token.get("access_token").getAsString()).isNotBlank();

        HttpResponse<String> bad = client.tokenResponse("id", "wrong");
        assertThat(bad.statusCode()).isEqualTo(401);
        assertThat(failCode(json(bad))).isEqualTo("InvalidClientIdentifier");
        assertThat(json(bad).getAsJsonArray("fail").get(0).getAsJsonObject().get("message").getAsString())
                .isEqualTo("Client credentials are invalid");

        HttpResponse<String> asJson = new ApiClient(server.baseUrl()).post(Endpoint.TOKEN,
                "{\"client_id\":\"id\",\"client_secret\":\"secret\",\"grant_type\":\"client_credentials\"}");
        assertThat(asJson.statusCode()).isEqualTo(400);
        HttpResponse<String> anonymous = new ApiClient(server.baseUrl()).post(Endpoint.GET_INTERNAL_DOMAIN, "{}");
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    @Test
    void listsAllDomainsOrLooksUpListedOnes() {
        JsonObject body = client.call(Endpoint.GET_INTERNAL_DOMAIN, "{\"data\":[]}");
        JsonArray data = body.getAsJsonArray("data");
        assertThat(data).hasSize(2);
        JsonObject first = data.get(0).getAsJsonObject();
        assertThat(first.get("domain").getAsString()).isEqualTo("example.com");
        assertThat(first.get("id").getAsString()).startsWith("eNo");
        assertThat(first.get("local").getAsBoolean()).isFalse();
        assertThat(first.has("sendOnly") && first.has("inboundType")).isTrue();
        assertThat(data.get(1).getAsJsonObject().get("local").getAsBoolean()).isTrue();
        assertThat(body.getAsJsonObject("meta").get("status").getAsInt()).isEqualTo(200);
        assertThat(body.getAsJsonArray("fail")).isEmpty();
        assertThat(client.call(Endpoint.GET_INTERNAL_DOMAIN, "").getAsJsonArray("data")).hasSize(2);

        archive.setDomainLocal("example.com", true);
        JsonObject lookup = client.call(Endpoint.GET_INTERNAL_DOMAIN,
                "{\"data\":[{\"domain\":\"example.com\"},{\"domain\":\"unknown.org\"}]}");
        assertThat(lookup.getAsJsonArray("data")).hasSize(1);
        assertThat(lookup.getAsJsonArray("data").get(0).getAsJsonObject().get("local").getAsBoolean()).isTrue();
        assertThat(lookup.getAsJsonArray("fail")).hasSize(1);
        assertThat(lookup.getAsJsonArray("fail").get(0).getAsJsonObject().getAsJsonObject("key").get("domain")
                .getAsString()).isEqualTo("unknown.org");
    }

    @Test
    void pagesUsersPerDomainAndTenantWideWithAliasEntries() {
        List<String> perDomain = new ArrayList<>();
        String token = null;
        int total = -1;
        do {
            String page = token == null ? "" : ",\"pageToken\":\"" + token + "\"";
            JsonObject body = client.call(Endpoint.GET_INTERNAL_USERS,
                    "{\"meta\":{\"pagination\":{\"pageSize\":2" + page + "}},\"data\":[{\"domain\":\"example.com\"}]}");
            JsonObject data0 = ApiClient.data0(body).getAsJsonObject();
            total = data0.get("userCount").getAsInt();
            data0.getAsJsonArray("users").forEach(u -> perDomain.add(u.getAsJsonObject().get("emailAddress")
                    .getAsString() + (u.getAsJsonObject().get("alias").getAsBoolean() ? "*" : "")));
            token = next(body);
        } while (token != null);
        List<String> expected = archive.users("example.com").stream()
                .map(u -> u.emailAddress() + (u.alias() ? "*" : "")).toList();
        assertThat(perDomain).isEqualTo(expected).anyMatch(u -> u.endsWith("*"));
        assertThat(total).isEqualTo(expected.size());

        List<String> tenant = new ArrayList<>();
        token = null;
        do {
            String page = token == null ? "" : ",\"pageToken\":\"" + token + "\"";
            JsonObject body = client.call(Endpoint.GET_INTERNAL_USERS, "{\"meta\":{\"pagination\":{\"pageSize\":3"
                    + page + "}}}");
            ApiClient.data0(body).getAsJsonObject().getAsJsonArray("users")
                    .forEach(u -> tenant.add(u.getAsJsonObject().get("emailAddress").getAsString()));
            token = next(body);
        } while (token != null);
        assertThat(tenant).isEqualTo(archive.users().stream().map(User::emailAddress).toList());

        archive.removeUser(archive.mailboxes().get(0));
        JsonObject after = client.call(Endpoint.GET_INTERNAL_USERS, "{\"meta\":{\"pagination\":{\"pageSize\":100}}}");
        assertThat(ApiClient.data0(after).getAsJsonObject().get("userCount").getAsInt()).isEqualTo(tenant.size() - 2);
    }

    @Test
    void pagesThroughAMailboxListingEveryMessageOnceWithOrWithoutData() {
        String mailbox = archive.mailboxes().get(0);
        String query = listItem(mailbox, "INBOX", "2019-01-01T00:00:00Z", "2025-01-01T00:00:00+0000");
        List<String> ids = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String meta = token == null ? "{\"pagination\":{\"pageSize\":50}}"
                    : "{\"pagination\":{\"pageSize\":50,\"pageToken\":\"" + token + "\"}}";
            String data = pages % 2 == 0 ? ",\"data\":[" + query + "]" : "";
            JsonObject body = client.call(Endpoint.GET_MESSAGE_LIST, "{\"meta\":" + meta + data + "}");
            body.getAsJsonArray("data").forEach(m -> ids.add(m.getAsJsonObject().get("id").getAsString()));
            token = next(body);
            pages++;
        } while (token != null);
        List<String> expected = archive.messages(mailbox, View.INBOX, FROM, TO).map(MessageHeader::id).toList();
        assertThat(ids).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void listRowsCarryTheDocumentedFieldsNewestFirst() {
        String mailbox = archive.mailboxes().get(1);
        JsonObject body = client.call(Endpoint.GET_MESSAGE_LIST, "{\"meta\":{\"pagination\":{\"pageSize\":5}},"
                + "\"data\":[" + listItem(mailbox, "SENT", "2019-01-01T00:00:00Z", "2025-01-01T00:00:00Z") + "]}");
        JsonArray rows = body.getAsJsonArray("data");
        assertThat(rows).hasSize(5);
        JsonObject row = rows.get(0).getAsJsonObject();
        for (String field : List.of("id", "subject", "size", "attachmentCount", "received", "status", "smash", "from",
                "to", "read", "ccm", "recalled", "expired")) {
            assertThat(row.has(field)).as(field).isTrue();
        }
        assertThat(row.get("received").getAsString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+0000");
        assertThat(row.getAsJsonObject("from").get("emailAddress").getAsString()).isEqualTo(mailbox);
        MessageHeader newest = archive.messages(mailbox, View.SENT, FROM, TO).reduce((a, b) -> b).orElseThrow();
        assertThat(row.get("id").getAsString()).isEqualTo(newest.id());
        assertThat(row.get("size").getAsLong()).isEqualTo(newest.size());
        assertThat(body.getAsJsonObject("meta").getAsJsonObject("pagination").get("pageSize").getAsInt()).isEqualTo(5);
    }

    @Test
    void acceptsEveryDocumentedDateFormAndRejectsOthers() {
        String mailbox = archive.mailboxes().get(0);
        List<List<String>> results = new ArrayList<>();
        for (String[] window : new String[][] {{"2021-01-01T00:00:00Z", "2022-01-01T00:00:00Z"},
                {"2021-01-01T00:00:00+0000", "2022-01-01T00:00:00+0000"},
                {"2021-01-01T00:00:00+00:00", "2022-01-01T00:00:00+00:00"},
                {"2021-01-01T01:00:00+0100", "2022-01-01T01:00:00+01:00"}}) {
            JsonObject body = client.call(Endpoint.GET_MESSAGE_LIST, "{\"meta\":{\"pagination\":{\"pageSize\":500}},"
                    + "\"data\":[" + listItem(mailbox, "INBOX", window[0], window[1]) + "]}");
            List<String> ids = new ArrayList<>();
            body.getAsJsonArray("data").forEach(m -> ids.add(m.getAsJsonObject().get("id").getAsString()));
            results.add(ids);
        }
        assertThat(results.get(0)).isNotEmpty().hasSize((int) archive.messages(mailbox, View.INBOX,
                Instant.parse("2021-01-01T00:00:00Z"), Instant.parse("2022-01-01T00:00:00Z")).count());
        assertThat(results).allSatisfy(r -> assertThat(r).isEqualTo(results.get(0)));

        JsonObject bad = client.call(Endpoint.GET_MESSAGE_LIST,
                "{\"data\":[" + listItem(mailbox, "INBOX", "2021/01/01", "2022-01-01T00:00:00Z") + "]}");
        assertThat(bad.getAsJsonArray("data")).isEmpty();
        assertThat(failCode(bad)).isEqualTo("err_validation_invalid_date");
    }

    @Test
    void includeAliasesFalseLeavesOutMailThroughAliases() {
        User alias = archive.users().stream().filter(User::alias).findFirst().orElseThrow();
        String item = listItem(alias.owner(), "INBOX", "2019-01-01T00:00:00Z", "2025-01-01T00:00:00Z");
        int all = client.call(Endpoint.GET_MESSAGE_LIST, "{\"meta\":{\"pagination\":{\"pageSize\":500}},\"data\":["
                + item + "]}").getAsJsonArray("data").size();
        int direct = client.call(Endpoint.GET_MESSAGE_LIST, "{\"meta\":{\"pagination\":{\"pageSize\":500}},\"data\":["
                + item.replace("}", ",\"includeAliases\":false}") + "]}").getAsJsonArray("data").size();
        assertThat(all).isEqualTo(120);
        assertThat(direct).isLessThan(all);
    }

    @Test
    void detailDescribesTheMessageAndRejectsBadIdsLikeTheService() {
        MessageHeader header = archive.messages(archive.mailboxes().get(0), View.INBOX, FROM, TO)
                .filter(h -> h.attachmentCount() > 0).findFirst().orElseThrow();
        JsonObject detail = ApiClient.data0(client.call(Endpoint.GET_MESSAGE_DETAIL,
                "{\"data\":[{\"id\":\"" + header.id() + "\"}]}")).getAsJsonObject();
        assertThat(detail.get("id").getAsString()).isEqualTo(header.id());
        assertThat(detail.get("subject").getAsString()).isEqualTo(header.subject());
        assertThat(detail.get("smash").getAsString()).isEqualTo(header.smash());
        assertThat(detail.get("size").getAsLong()).isEqualTo(header.size());
        assertThat(detail.get("messageBodyPreview").getAsString().codePointCount(0,
                detail.get("messageBodyPreview").getAsString().length())).isLessThanOrEqualTo(100);
        JsonObject attachment = detail.getAsJsonArray("attachments").get(0).getAsJsonObject();
        assertThat(attachment.get("id").getAsString()).startsWith("eNo");
        assertThat(attachment.get("sha256").getAsString()).hasSize(64);
        assertThat(detail.getAsJsonArray("to")).isNotEmpty();
        assertThat(detail.getAsJsonArray("headers")).isNotEmpty();

        JsonObject badContext = client.call(Endpoint.GET_MESSAGE_DETAIL,
                "{\"data\":[{\"id\":\"" + header.id() + "\",\"context\":\"archive\"}]}");
        assertThat(failCode(badContext)).isEqualTo("err_validation_value_not_allowed");
        assertThat(badContext.getAsJsonArray("fail").get(0).getAsJsonObject().getAsJsonObject("key").get("context")
                .getAsString()).isEqualTo("archive");
        assertThat(failCode(client.call(Endpoint.GET_MESSAGE_DETAIL,
                "{\"data\":[{\"id\":\"" + header.smash() + "\"}]}"))).isEqualTo("xdk_failure");
        HttpResponse<String> truncated = client.post(Endpoint.GET_MESSAGE_DETAIL,
                "{\"data\":[{\"id\":\"" + header.id().substring(0, 40) + "\"}]}");
        assertThat(truncated.statusCode()).isEqualTo(400);
        assertThat(truncated.body()).isEmpty();
    }

    @Test
    void mutationsShowThroughTheApi() {
        String mailbox = archive.mailboxes().get(2);
        MessageHeader added = archive.addMessage(mailbox, View.INBOX, Instant.parse("2024-12-31T23:00:00Z"), "Fresh");
        JsonObject newest = client.call(Endpoint.GET_MESSAGE_LIST, "{\"meta\":{\"pagination\":{\"pageSize\":1}},"
                + "\"data\":[" + listItem(mailbox, "INBOX", "2019-01-01T00:00:00Z", "2025-01-01T00:00:00Z") + "]}");
        assertThat(ApiClient.data0(newest).getAsJsonObject().get("id").getAsString()).isEqualTo(added.id());
        assertThat(ApiClient.data0(newest).getAsJsonObject().get("subject").getAsString()).isEqualTo("Fresh");
        archive.deleteMessage(added.id());
        assertThat(failCode(client.call(Endpoint.GET_MESSAGE_DETAIL, "{\"data\":[{\"id\":\"" + added.id() + "\"}]}")))
                .isEqualTo("err_message_not_found");
    }

    @Test
    void keepsOnlyTheMostRecentRequestsButCountsAll() {
        try (FakeMimecastServer small = FakeMimecastServer.builder().clientCredentials("a", "b").recordLimit(3).start()) {
            ApiClient other = new ApiClient(small.baseUrl()).login("a", "b");
            for (int i = 0; i < 5; i++) {
                other.call(Endpoint.GET_INTERNAL_DOMAIN, "{}");
            }
            assertThat(small.requests()).hasSize(3).allSatisfy(r -> assertThat(r.endpoint())
                    .isEqualTo(Endpoint.GET_INTERNAL_DOMAIN));
            assertThat(small.calls(Endpoint.GET_INTERNAL_DOMAIN)).isEqualTo(5);
            assertThat(small.calls(Endpoint.TOKEN, 200)).isEqualTo(1);
        }
    }

    @Test
    void answersUnknownPathsAndWrongMethodsLikeAWebServer() throws Exception {
        java.net.http.HttpClient http = client.http();
        HttpResponse<String> unknown = http.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(server.baseUrl() + "/api/archive/get-folders"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(404);
        HttpResponse<String> wrongMethod = http.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(server.baseUrl() + Endpoint.GET_MESSAGE_LIST.path())).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(client.post(Endpoint.GET_MESSAGE_LIST, "{not json").statusCode()).isEqualTo(400);
    }

    @Test
    void listensOnAChosenPort() throws Exception {
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        try (FakeMimecastServer fixed = FakeMimecastServer.builder().clientCredentials("a", "b").port(port).start()) {
            assertThat(fixed.baseUrl()).isEqualTo("http://127.0.0.1:" + port);
            assertThat(new ApiClient(fixed.baseUrl()).tokenResponse("a", "b").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void answersTheAccountPing() {
        JsonObject account = ApiClient.data0(client.call(Endpoint.GET_ACCOUNT, "")).getAsJsonObject();
        assertThat(account.get("accountCode").getAsString()).isNotBlank();
        assertThat(account.get("userCount").getAsInt()).isEqualTo(archive.mailboxes().size());
    }

    @Test
    void recordsEveryRequestAndCountsCallsPerEndpointAndStatus() {
        client.call(Endpoint.GET_INTERNAL_DOMAIN, "{}");
        client.post(Endpoint.GET_MESSAGE_DETAIL, "{\"data\":[{\"id\":\"eNoBroken\"}]}");
        assertThat(server.calls(Endpoint.TOKEN)).isEqualTo(1);
        assertThat(server.calls(Endpoint.GET_INTERNAL_DOMAIN)).isEqualTo(1);
        assertThat(server.calls(Endpoint.GET_INTERNAL_DOMAIN, 200)).isEqualTo(1);
        assertThat(server.calls(Endpoint.GET_MESSAGE_DETAIL, 400)).isEqualTo(1);
        List<RecordedRequest> requests = server.requests();
        assertThat(requests).extracting(RecordedRequest::endpoint)
                .containsExactly(Endpoint.TOKEN, Endpoint.GET_INTERNAL_DOMAIN, Endpoint.GET_MESSAGE_DETAIL);
        assertThat(requests.get(0).authorization()).isEmpty();
        assertThat(requests.get(0).body()).contains("grant_type=client_credentials");
        assertThat(requests.get(1).authorization()).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer "));
        assertThat(requests.get(2).status()).isEqualTo(400);
        server.resetCounters();
        assertThat(server.calls(Endpoint.GET_INTERNAL_DOMAIN)).isZero();
        assertThat(server.requests()).isEmpty();
        assertThat(new ApiClient(server.baseUrl()).post(Endpoint.GET_FILE, "{}").statusCode()).isEqualTo(401);
        assertThat(server.requests(Endpoint.GET_FILE)).singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(401));
    }
}
