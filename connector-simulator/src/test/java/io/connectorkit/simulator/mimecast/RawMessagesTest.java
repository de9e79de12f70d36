package io.connectorkit.simulator.mimecast;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import io.connectorkit.simulator.archive.corpus.Address;
import io.connectorkit.simulator.archive.Archive;
import io.connectorkit.simulator.archive.ArchiveGenerator;
import io.connectorkit.simulator.archive.corpus.MessageHeader;
import io.connectorkit.simulator.archive.corpus.RawMessage;
import io.connectorkit.simulator.archive.corpus.View;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Hand-written raw messages: listed from their metadata, served byte for byte. */
class RawMessagesTest {
    private static final Instant RECEIVED = Instant.parse("2024-03-01T10:00:00.700Z");
    private static final byte[] BROKEN = "Subject: Gr\u00fc\u00dfe\r\nDate: garbage\r\nContent-Type: multipart/mixed\r\n\r\n\u00ff\u0000"
            .getBytes(StandardCharsets.ISO_8859_1);

    private static Archive archive() {
        return ArchiveGenerator.seed(3).domains(1).localDomains(0).usersPerDomain(2).messagesPerView(4).generate();
    }

    private static String fileRequest(String id) {
        return "{\"data\":[{\"id\":\"" + id + "\"}]}";
    }

    @Test
    void aRawMessageIsListedWithItsMetadataAndServedExactly() {
        Archive archive = archive();
        String mailbox = archive.mailboxes().get(0);
        RawMessage raw = new RawMessage(BROKEN, "listed subject", new Address("Eve", "eve@partner.net"),
                new Address("", mailbox), 2);
        MessageHeader added = archive.addRawMessage(mailbox, View.INBOX, RECEIVED, raw);
        assertThat(added.size()).isEqualTo(BROKEN.length);
        assertThat(added.attachmentCount()).isEqualTo(2);
        assertThat(added.received()).isEqualTo(Instant.parse("2024-03-01T10:00:00Z"));
        assertThat(archive.messages(mailbox, View.INBOX, RECEIVED.minusSeconds(5), RECEIVED.plusSeconds(5)))
                .singleElement().isEqualTo(added);
        assertThat(archive.raw(added.id())).contains(raw);
        assertThat(archive.emlSize(archive.message(added.id()).orElseThrow())).isEqualTo(BROKEN.length);

        // BINARY answers from the same content as the download host, so the two URL styles cover it.
        for (DownloadStyle style : new DownloadStyle[] {DownloadStyle.URL, DownloadStyle.URLS}) {
            try (FakeMimecastServer server = FakeMimecastServer.builder().archive(archive).fileStyle(style)
                    .clientCredentials("id", "secret").start()) {
                ApiClient client = new ApiClient(server.baseUrl()).login("id", "secret");
                JsonObject data = ApiClient.data0(client.call(Endpoint.GET_FILE, fileRequest(added.id())))
                        .getAsJsonObject();
                String url = style == DownloadStyle.URL ? data.get("url").getAsString()
                        : data.getAsJsonArray("urls").get(0).getAsString();
                assertThat(client.get(url).body()).as(style.name()).isEqualTo(BROKEN);
            }
        }
    }

    @Test
    void detailShowsOnlyWhatTheHeaderLinesSay() {
        Archive archive = archive();
        String mailbox = archive.mailboxes().get(1);
        MessageHeader added = archive.addRawMessage(mailbox, View.SENT, RECEIVED,
                RawMessage.of(BROKEN, "", new Address("", "eve@partner.net"), new Address("", mailbox)));
        try (FakeMimecastServer server = FakeMimecastServer.builder().archive(archive)
                .clientCredentials("id", "secret").start()) {
            ApiClient client = new ApiClient(server.baseUrl()).login("id", "secret");
            JsonObject detail = ApiClient.data0(client.call(Endpoint.GET_MESSAGE_DETAIL, fileRequest(added.id())))
                    .getAsJsonObject();
            assertThat(detail.get("subject").getAsString()).isEmpty();
            assertThat(detail.get("headerDate").getAsString()).isEqualTo("garbage");
            assertThat(detail.get("hasTextBody").getAsBoolean()).isFalse();
            assertThat(detail.get("hasHtmlBody").getAsBoolean()).isFalse();
            assertThat(detail.getAsJsonArray("attachments")).isEmpty();
            assertThat(detail.getAsJsonArray("headers")).hasSize(3);
            assertThat(detail.get("size").getAsLong()).isEqualTo(BROKEN.length);
            archive.deleteMessage(added.id());
            assertThat(archive.raw(added.id())).isEmpty();
            JsonObject gone = client.call(Endpoint.GET_FILE, fileRequest(added.id()));
            assertThat(FakeMimecastServerTest.failCode(gone)).isEqualTo("err_message_not_found");
        }
    }
}
