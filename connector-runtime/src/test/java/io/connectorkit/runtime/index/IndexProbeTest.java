package io.connectorkit.runtime.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.connectorkit.api.ConnectorException;
import io.connectorkit.api.ErrorKind;
import io.connectorkit.runtime.config.SinkConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The probe turns an index's 401 and 403 into messages naming the key or the privilege to fix. */
class IndexProbeTest {
    private final AtomicInteger status = new AtomicInteger(200);
    private final AtomicInteger requests = new AtomicInteger();
    private HttpServer server;
    private IndexClient client;
    private String url;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = "{\"error\":{\"type\":\"security_exception\",\"reason\":\"no\"}}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status.get(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort();
        client = new IndexClient(List.of(url), new SinkConfig(List.of(url), "", "", "", "i", 1, 1, Path.of(".")),
                new RetryPolicy(1, Duration.ofMillis(5), Duration.ofMillis(20)));
    }

    @AfterEach
    void stop() {
        client.close();
        server.stop(0);
    }

    @Test
    void anIndexThatAnswersPassesWhateverItsAnswersBody() {
        status.set(200);
        assertThatCode(() -> IndexProbe.cluster().check(client)).doesNotThrowAnyException();
        status.set(404);
        assertThatCode(() -> IndexProbe.cluster().check(client)).as("only 401 and 403 are the probe's to explain")
                .doesNotThrowAnyException();
        assertThat(requests.get()).isEqualTo(2);
    }

    @Test
    void aRefusedCredentialOfAClusterNamesTheCredentialKeys() {
        status.set(401);
        assertThatThrownBy(() -> IndexProbe.cluster().check(client)).isInstanceOfSatisfying(ConnectorException.class,
                e -> assertThat(e.kind()).isEqualTo(ErrorKind.AUTHENTICATION))
                .hasMessage("The index at " + url + " rejected the credentials; check sink.elasticsearch.username/password,"
                        + " api-key or the user:password written in sink.elasticsearch.url");
    }

    @Test
    void aDeniedAccessNamesThePrivilegesToGrant() {
        status.set(403);
        assertThatThrownBy(() -> IndexProbe.cluster().check(client)).isInstanceOfSatisfying(ConnectorException.class,
                e -> assertThat(e.kind()).isEqualTo(ErrorKind.PERMISSION))
                .hasMessage("The index at " + url + " denied access; grant the user the monitor, create_index and"
                        + " write privileges");
    }

    @Test
    void aRefusedCredentialOfTheEmbeddedIndexNamesItsFileItsOwnerAndThePidThatRunsIt() {
        status.set(401);
        Path dataDir = Path.of("/var/lib/connector/opensearch");
        Path file = dataDir.resolve("credential");
        assertThatThrownBy(() -> IndexProbe.embedded(dataDir, file, true, 4242).check(client))
                .isInstanceOfSatisfying(ConnectorException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.AUTHENTICATION))
                .hasMessage("The embedded index at " + url + " rejected the credential in " + file + "; run this command"
                        + " as the user that owns sink.embedded.data-dir " + dataDir + ", or stop the process that runs"
                        + " the index (pid 4242) so that this command starts its own");
        assertThatThrownBy(() -> IndexProbe.embedded(dataDir, file, false, 4242).check(client))
                .hasMessageContaining("rejected the credential in " + file + " (which this user cannot read); run");
    }
}
