package io.connectorkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectorkit.embedded.EmbeddedSearchNode;
import io.connectorkit.embedded.testing.SharedSearchNode;
import io.connectorkit.simulator.archive.ArchiveGenerator;
import io.connectorkit.simulator.mimecast.FakeMimecastServer;
import io.connectorkit.simulator.mimecast.RecordingHost;
import io.connectorkit.simulator.mimecast.RedirectingProxy;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line against a Mimecast endpoint that redirects: a redirecting server in front of the
 * fake sends the token call or the API calls to another host, which must receive nothing, and the
 * user reads one sentence naming the endpoint and the other host.
 */
@ExtendWith(SharedSearchNode.class)
class RedirectCommandsIT {
    private static final String SECRET = "redirect-Secret-61733";
    private static final FakeTenant TENANT = new FakeTenant(RedirectCommandsIT.class, "redirect-client", SECRET);
    private EmbeddedSearchNode node;

    @TempDir
    Path dir;

    @BeforeEach
    void useIndex(EmbeddedSearchNode shared) {
        node = shared;
    }

    private static FakeMimecastServer server() {
        return TENANT.serve(ArchiveGenerator.seed(23).domains(1).usersPerDomain(2).messagesPerView(3).generate());
    }

    @Test
    void aRedirectedTokenCallExitsTwoNamingTheEndpointAndTheOtherHostWhichGetsNoSecret() throws IOException {
        try (FakeMimecastServer server = server();
                RecordingHost other = RecordingHost.start();
                RedirectingProxy front = RedirectingProxy.start(server.baseUrl())
                        .redirect("/oauth/token", 307, other.baseUrl(), "X-Amz-Signature=e3b0c4")) {
            String config = TENANT.config("token", server, node.url()).with("mimecast.auth-endpoint", front.baseUrl())
                    .write(dir).toString();
            for (String command : new String[] {"check", "crawl"}) {
                CliRun run = TENANT.run(command, "--config", config);
                assertThat(run.status).as(run.toString()).isEqualTo(2);
                assertThat(run.out + run.err).contains("The token service " + front.baseUrl()
                        + "/oauth/token answered HTTP 307 redirecting to " + other.baseUrl() + ";")
                        .contains("check mimecast.auth-endpoint").doesNotContain("X-Amz-Signature")
                        .doesNotContain(SECRET);
            }
            assertThat(other.requests()).as("requests that reached the other host").isEmpty();
            assertThat(server.requests()).isEmpty();
        }
    }

    @Test
    void aRedirectedApiCallExitsTwoNamingTheCallAndTheOtherHostWhichGetsNoBearer() throws IOException {
        try (FakeMimecastServer server = server();
                RecordingHost other = RecordingHost.start();
                RedirectingProxy front = RedirectingProxy.start(server.baseUrl())
                        .redirect("/api/", 302, other.baseUrl(), "")) {
            String config = TENANT.config("api", server, node.url()).with("mimecast.api-endpoint", front.baseUrl())
                    .write(dir).toString();
            CliRun run = TENANT.run("crawl", "--config", config);
            assertThat(run.status).as(run.toString()).isEqualTo(2);
            assertThat(run.err).contains("POST " + front.baseUrl() + "/api/")
                    .contains("answered HTTP 302 redirecting to " + other.baseUrl() + ";")
                    .contains("check mimecast.api-endpoint").doesNotContain(SECRET);
            assertThat(other.requests()).as("requests that reached the other host").isEmpty();
            assertThat(front.requests()).isNotEmpty().allSatisfy(r -> assertThat(r.status()).isEqualTo(302));
        }
    }
}
