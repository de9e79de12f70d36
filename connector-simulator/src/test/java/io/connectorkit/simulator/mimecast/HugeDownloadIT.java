package io.connectorkit.simulator.mimecast;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import io.connectorkit.simulator.archive.Archive;
import io.connectorkit.simulator.archive.ArchiveGenerator;
import io.connectorkit.simulator.archive.corpus.ArchivedMessage;
import io.connectorkit.simulator.archive.corpus.Attachment;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class HugeDownloadIT {
    @Test
    void streamsA500MegabyteAttachmentGeneratedOnTheFly() throws Exception {
        long size = 500L << 20;
        Archive archive = ArchiveGenerator.seed(500).domains(1).localDomains(0).usersPerDomain(1).messagesPerView(3)
                .hugeAttachmentBytes(size).generate();
        ArchivedMessage message = archive.message(archive.hugeAttachmentMessageId().orElseThrow()).orElseThrow();
        Attachment huge = message.attachments().get(message.attachments().size() - 1);
        try (FakeMimecastServer server = FakeMimecastServer.builder().archive(archive).clientCredentials("id", "s")
                .start()) {
            ApiClient client = new ApiClient(server.baseUrl()).login("id", "s");
            JsonObject body = client.call(Endpoint.GET_FILE, "{\"data\":[{\"id\":\"" + huge.id() + "\"}]}");
            String url = ApiClient.data0(body).getAsJsonObject().getAsJsonArray("urls").get(0).getAsString();
            long started = System.nanoTime();
            HttpResponse<InputStream> response = client.http().send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(size);
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            long received = 0;
            try (InputStream in = response.body()) {
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    digest.update(buffer, 0, n);
                    received += n;
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("downloaded %d MB in %.1f s (%.0f MB/s)%n", received >> 20, seconds,
                    (received >> 20) / seconds);
            assertThat(received).isEqualTo(size);
            assertThat(HexFormat.of().formatHex(digest.digest())).isEqualTo(archive.sha256(huge));
        }
    }
}
