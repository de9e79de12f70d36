package io.connectorkit.simulator.mimecast;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import io.connectorkit.simulator.archive.Archive;
import io.connectorkit.simulator.archive.ArchiveGenerator;
import io.connectorkit.simulator.archive.corpus.ArchivedMessage;
import io.connectorkit.simulator.archive.corpus.Attachment;
import io.connectorkit.simulator.archive.corpus.View;
import io.connectorkit.simulator.mimecast.faults.Fault;
import io.connectorkit.simulator.mimecast.faults.FaultRule;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.SingleBody;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.apache.james.mime4j.stream.MimeConfig;
import org.junit.jupiter.api.Test;

class DownloadsTest {
    private final Archive archive = ArchiveGenerator.seed(31).domains(1).localDomains(0).usersPerDomain(2)
            .messagesPerView(40).maxAttachmentBytes(50_000).generate();
    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));

    private ArchivedMessage messageWithAttachments() {
        return archive.messages(archive.mailboxes().get(0), View.INBOX, FakeMimecastServerTest.FROM,
                        FakeMimecastServerTest.TO).filter(h -> h.attachmentCount() >= 2)
                .map(h -> archive.message(h.id()).orElseThrow()).findFirst().orElseThrow();
    }

    private FakeMimecastServer start(FakeMimecastServerBuilder builder) {
        return builder.archive(archive).clientCredentials("id", "secret").clock(clock).start();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void getFileWithAMessageIdHandsOutAUrlToTheWholeEml() throws Exception {
        ArchivedMessage expected = messageWithAttachments();
        try (FakeMimecastServer server = start(FakeMimecastServer.builder())) {
            ApiClient client = new ApiClient(server.baseUrl()).login("id", "secret");
            JsonObject body = client.call(Endpoint.GET_FILE, "{\"data\":[{\"id\":\"" + expected.id() + "\"}]}");
            String url = ApiClient.data0(body).getAsJsonObject().getAsJsonArray("urls").get(0).getAsString();
            assertThat(url).startsWith(server.baseUrl() + "/download/");
            HttpResponse<byte[]> download = client.get(url);
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.headers().firstValue("Content-Type")).hasValue("message/rfc822");
            assertThat(server.requests(Endpoint.DOWNLOAD).get(0).authorization()).isEmpty();

            DefaultMessageBuilder builder = new DefaultMessageBuilder();
            builder.setMimeEntityConfig(MimeConfig.PERMISSIVE);
            Message eml = builder.parseMessage(new ByteArrayInputStream(download.body()));
            assertThat(eml.getSubject() == null ? "" : eml.getSubject()).isEqualTo(expected.subject());
            List<Entity> parts = ((Multipart) eml.getBody()).getBodyParts();
            assertThat(parts).hasSize(1 + expected.attachments().size());
            for (int i = 0; i < expected.attachments().size(); i++) {
                Attachment a = expected.attachments().get(i);
                Entity part = parts.get(i + 1);
                assertThat(part.getFilename()).isEqualTo(a.filename().isEmpty() ? null : a.filename());
                byte[] bytes = ((SingleBody) part.getBody()).getInputStream().readAllBytes();
                assertThat(sha256(bytes)).isEqualTo(a.sha256());
            }
        }
    }

    @Test
    void getFileWithAnAttachmentIdServesItsBytes() throws Exception {
        Attachment attachment = messageWithAttachments().attachments().get(0);
        try (FakeMimecastServer server = start(FakeMimecastServer.builder())) {
            ApiClient client = new ApiClient(server.baseUrl()).login("id", "secret");
            JsonObject body = client.call(Endpoint.GET_FILE, "{\"data\":[{\"id\":\"" + attachment.id() + "\"}]}");
            String url = ApiClient.data0(body).getAsJsonObject().getAsJsonArray("urls").get(0).getAsString();
            HttpResponse<byte[]> download = client.get(url);
            assertThat(download.body()).hasSize((int) attachment.size());
            assertThat(sha256(download.body())).isEqualTo(attachment.sha256());
        }
    }

    @Test
    void singularUrlAndBinaryStylesAreAvailable() throws Exception {
        ArchivedMessage message = messageWithAttachments();
        try (FakeMimecastServer server = start(FakeMimecastServer.builder().fileStyle(DownloadStyle.URL))) {
            ApiClient client = new ApiClient(server.baseUrl()).login("id", "secret");
            JsonObject body = client.call(Endpoint.GET_FILE, "{\"data\":[{\"id\":\"" + message.id() + "\"}]}");
            String url = ApiClient.data0(body).getAsJsonObject().get("url").getAsString();
            assertThat(client.get(url).body()).hasSize((int) archive.emlSize(message));
        }
        try (FakeMimecastServer server = start(FakeMimecastServer.builder().fileStyle(DownloadStyle.BINARY)
                .partStyle(DownloadStyle.BINARY))) {
            ApiClient client = new ApiClient(server.baseUrl()).login("id", "secret");
            HttpResponse<String> file = client.post(Endpoint.GET_FILE, "{\"data\":[{\"id\":\"" + message.id() + "\"}]}");
            assertThat(file.headers().firstValue("Content-Type")).hasValue("message/rfc822");
            assertThat(file.body()).startsWith("Date: ").contains("MIME-Version: 1.0");
            HttpResponse<String> html = client.post(Endpoint.GET_MESSAGE_PART, "{\"data\":[{\"id\":\"" + message.id()
                    + "\",\"mailbox\":\"" + message.mailbox() + "\",\"context\":\"RECEIVED\",\"type\":\"HTML\"}]}");
            assertThat(html.body()).isEqualTo(message.htmlBody());
            HttpResponse<String> missing = client.post(Endpoint.GET_FILE, "{\"data\":[{\"id\":\"nope\"}]}");
            assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(FakeMimecastServerTest.failCode(FakeMimecastServerTest.json(missing))).isEqualTo("xdk_failure");
        }
    }

    @Test
    void messagePartHandsOutUrlsForEachType() {
        ArchivedMessage message = messageWithAttachments();
        try (FakeMimecastServer server = start(FakeMimecastServer.builder())) {
            ApiClient client = new ApiClient(server.baseUrl()).login("id", "secret");
            for (String type : List.of("RFC822", "PLAIN", "HTML")) {
                JsonObject body = client.call(Endpoint.GET_MESSAGE_PART, "{\"data\":[{\"id\":\"" + message.id()
                        + "\",\"mailbox\":\"" + message.mailbox() + "\",\"context\":\"RECEIVED\",\"type\":\"" + type
                        + "\"}]}");
                String url = ApiClient.data0(body).getAsJsonObject().get("url").getAsString();
                String content = new String(client.get(url).body(), StandardCharsets.UTF_8);
                assertThat(content).isEqualTo(switch (type) {
                    case "PLAIN" -> message.textBody();
                    case "HTML" -> message.htmlBody();
                    default -> content;
                });
                if (type.equals("RFC822")) {
                    assertThat(content).contains("Message-ID: " + message.mimeMessageId());
                }
            }
            JsonObject badType = client.call(Endpoint.GET_MESSAGE_PART,
                    "{\"data\":[{\"id\":\"" + message.id() + "\",\"type\":\"PDF\"}]}");
            assertThat(FakeMimecastServerTest.failCode(badType)).isEqualTo("err_validation_value_not_allowed");
        }
    }

    @Test
    void aScriptedExpiryHitsOnlyTheNamedDownload() {
        ArchivedMessage message = messageWithAttachments();
        Attachment first = message.attachments().get(0);
        try (FakeMimecastServer server = start(FakeMimecastServer.builder()
                .fault(FaultRule.forId(Endpoint.DOWNLOAD, first.id(), Fault.downloadExpired())))) {
            ApiClient client = new ApiClient(server.baseUrl()).login("id", "secret");
            for (Attachment a : message.attachments()) {
                JsonObject body = client.call(Endpoint.GET_FILE, "{\"data\":[{\"id\":\"" + a.id() + "\"}]}");
                String url = ApiClient.data0(body).getAsJsonObject().getAsJsonArray("urls").get(0).getAsString();
                assertThat(client.get(url).statusCode()).as(a.filename()).isEqualTo(a == first ? 403 : 200);
            }
        }
    }

    @Test
    void downloadUrlsExpireAndCannotBeForged() {
        ArchivedMessage message = messageWithAttachments();
        try (FakeMimecastServer server = start(FakeMimecastServer.builder().downloadUrlTtl(Duration.ofMinutes(5)))) {
            ApiClient client = new ApiClient(server.baseUrl()).login("id", "secret");
            JsonObject body = client.call(Endpoint.GET_FILE, "{\"data\":[{\"id\":\"" + message.id() + "\"}]}");
            String url = ApiClient.data0(body).getAsJsonObject().getAsJsonArray("urls").get(0).getAsString();
            assertThat(client.get(url).statusCode()).isEqualTo(200);
            String other = messageWithAttachments().attachments().get(0).id();
            assertThat(client.get(url.replace(message.id(), other)).statusCode()).isEqualTo(403);
            clock.advance(Duration.ofMinutes(5));
            HttpResponse<byte[]> expired = client.get(url);
            assertThat(expired.statusCode()).isEqualTo(403);
            assertThat(new String(expired.body(), StandardCharsets.UTF_8)).contains("Request has expired");
            assertThat(server.calls(Endpoint.DOWNLOAD, 403)).isEqualTo(2);
        }
    }
}
