package io.connectorkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import io.connectorkit.cli.console.ExitStatus;
import io.connectorkit.embedded.EmbeddedSearchNode;
import io.connectorkit.embedded.testing.SharedSearchNode;
import io.connectorkit.simulator.archive.ArchiveGenerator;
import io.connectorkit.simulator.mimecast.FakeMimecastServer;
import io.connectorkit.simulator.tls.ServerCertificate;
import io.connectorkit.simulator.tls.TestCa;
import io.connectorkit.simulator.tls.TlsProxy;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line against remote ends with certificates of a private CA: the fake Mimecast
 * server over HTTPS and the embedded index shared by the integration tests, behind a
 * TLS-terminating proxy. What the user reads and the exit status, for an untrusted certificate, a
 * bad bundle path and a working bundle.
 */
@ExtendWith(SharedSearchNode.class)
class TlsCommandsIT {
    private static final String SECRET = "tls-Secret-40417";
    private static final FakeTenant TENANT = new FakeTenant(TlsCommandsIT.class, "tls-client", SECRET);
    private static TestCa ca;
    private static ServerCertificate loopback;
    private EmbeddedSearchNode node;

    @TempDir
    Path dir;

    @BeforeAll
    static void start(@TempDir Path data) throws IOException {
        ca = TestCa.create(data.resolve("ca"));
        loopback = ca.issueForLoopback();
    }

    @BeforeEach
    void useIndex(EmbeddedSearchNode shared) {
        node = shared;
    }

    private static FakeMimecastServer httpsServer() {
        return TENANT.server(ArchiveGenerator.seed(17).domains(1).usersPerDomain(2).messagesPerView(4).generate())
                .https(loopback.sslContext()).start();
    }

    private Path config(FakeMimecastServer server, String id, String indexUrl, String... overrides) throws IOException {
        CrawlConfig config = TENANT.config(id, server, indexUrl);
        for (int i = 0; i < overrides.length; i += 2) {
            config.with(overrides[i], overrides[i + 1]);
        }
        return config.write(dir);
    }

    @Test
    void checkAgainstAnUntrustedMimecastCertificateExitsThreeAndNamesTheCaBundle() throws IOException {
        try (FakeMimecastServer server = httpsServer()) {
            CliRun run = TENANT.run("check", "--config", config(server, "tls-untrusted", node.url()).toString());
            assertThat(run.status).as(run.toString()).isEqualTo(ExitStatus.AUTHENTICATION.code()).isEqualTo(3);
            assertThat(run.out).contains("FAILED", "not trusted", "fix:", "mimecast.tls.ca-bundle")
                    .doesNotContain(SECRET);
            assertThat(server.requests()).isEmpty();

            CliRun trusted = TENANT.run("check", "--config", config(server, "tls-trusted", node.url(),
                    "mimecast.tls.ca-bundle", ca.pem().toString()).toString());
            assertThat(trusted.status).as(trusted.toString()).isZero();
            assertThat(trusted.out).contains("Check passed");
        }
    }

    @Test
    void aCaBundleThatIsNotAPemFileExitsTwoNamingTheKeyTheValueAndTheFix() throws IOException {
        Path notPem = Files.writeString(dir.resolve("notes.txt"), "ask IT for the proxy CA\n");
        Path missing = dir.resolve("missing.pem");
        try (FakeMimecastServer server = httpsServer()) {
            CliRun run = TENANT.run("check", "--config", config(server, "tls-bad-bundle", node.url(),
                    "mimecast.tls.ca-bundle", notPem.toString(),
                    "sink.elasticsearch.ca-bundle", missing.toString()).toString());
            assertThat(run.status).as(run.toString()).isEqualTo(2);
            assertThat(run.err).contains("error: invalid configuration: mimecast.tls.ca-bundle = '" + notPem
                    + "': the file holds no PEM certificate")
                    .contains("error: invalid configuration: sink.elasticsearch.ca-bundle = '" + missing
                    + "': no such file; give the path of a PEM file");
            assertThat(server.requests()).isEmpty();
        }
    }

    @Test
    void anIndexBehindAnUntrustedCertificateExitsThreeAndWithBothBundlesACrawlSucceeds() throws IOException {
        try (FakeMimecastServer server = httpsServer();
                TlsProxy proxy = TlsProxy.start(loopback.sslContext(), "127.0.0.1", URI.create(node.url()).getPort())) {
            CliRun refused = TENANT.run("status", "--config",
                    config(server, "tls-index-untrusted", proxy.url()).toString());
            assertThat(refused.status).as(refused.toString()).isEqualTo(3);
            assertThat(refused.err).contains("error: The TLS certificate of the index at " + proxy.url(),
                    "sink.elasticsearch.ca-bundle");
            assertThat(proxy.handshakes()).isZero();

            String both = config(server, "tls-both", proxy.url(), "mimecast.tls.ca-bundle", ca.pem().toString(),
                    "sink.elasticsearch.ca-bundle", ca.pem().toString()).toString();
            CliRun crawl = TENANT.run("crawl", "--config", both);
            assertThat(crawl.status).as(crawl.toString()).isZero();
            assertThat(crawl.out).contains("Crawl finished in");
            CliRun search = TENANT.run("search", "--json", "--config", both, "*");
            assertThat(search.status).as(search.toString()).isZero();
            assertThat(JsonParser.parseString(search.out).getAsJsonObject().get("total").getAsInt())
                    .isPositive();
            assertThat(proxy.handshakes()).isPositive();
        }
    }
}
