package io.connectorkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonParser;
import io.connectorkit.compat.ElasticsearchCompatibility;
import io.connectorkit.compat.ElasticsearchServer;
import io.connectorkit.simulator.archive.ArchiveGenerator;
import io.connectorkit.simulator.mimecast.FakeMimecastServer;
import io.connectorkit.simulator.tls.TestCa;
import io.connectorkit.simulator.tls.TlsProxy;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Elasticsearch 8.x with security on, as users meet it: the server itself checks basic
 * authentication (a user of its file realm with a connector role, added with its own
 * {@code elasticsearch-users} tool)
 * and refuses a wrong password, behind HTTPS whose certificate comes from a private CA given in
 * {@code sink.elasticsearch.ca-bundle}. The HTTPS is a TLS proxy's in front of the server's HTTP
 * port: the test CA keeps its keys in memory, and the server wants them in files.
 */
class ElasticsearchSecurityIT {
    private static final String SECRET = "secured-Secret-20577";
    private static final FakeTenant TENANT = new FakeTenant(ElasticsearchSecurityIT.class, "secured-client", SECRET);
    private static final String USER = "indexer";
    private static final String PASSWORD = "ix-Secured-Pass-4471";
    /** A superuser, for what the connector's role may not do: issuing an API key. */
    private static final String ADMIN = "admin";
    private static final String ADMIN_PASSWORD = "ad-Secured-Pass-5583";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static ElasticsearchServer server;
    private static TestCa ca;
    private static TlsProxy tls;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSecuredServer(@TempDir Path caDir) throws IOException {
        server = ElasticsearchServer.start(ElasticsearchCompatibility.version(8), "es8-secured",
                Map.of("xpack.security.enabled", "true"), ElasticsearchSecurityIT::addUser);
        ca = TestCa.create(caDir);
        tls = TlsProxy.start(ca.issueForLoopback().sslContext(), "127.0.0.1", server.port());
    }

    @AfterAll
    static void stopSecuredServer() {
        if (tls != null) {
            tls.close();
        }
        if (server != null) {
            server.close();
        }
    }

    /**
     * A file-realm user with the role docs/security.md suggests for the connector (monitor on the
     * cluster, all on connector-* indices), not a superuser: the crawl proves the role is enough.
     */
    private static void addUser(Path home, Path javaHome) throws IOException {
        Files.writeString(home.resolve("config/roles.yml"), String.join("\n",
                "connector_writer:",
                "  cluster: [\"monitor\"]",
                "  indices:",
                "    - names: [\"connector-*\"]",
                "      privileges: [\"all\"]", ""), StandardCharsets.UTF_8);
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/elasticsearch-users").toString(), "useradd", USER,
                "-p", PASSWORD, "-r", "connector_writer").redirectErrorStream(true);
        users(pb, javaHome);
        users(new ProcessBuilder(home.resolve("bin/elasticsearch-users").toString(), "useradd", ADMIN, "-p",
                ADMIN_PASSWORD, "-r", "superuser").redirectErrorStream(true), javaHome);
    }

    private static void users(ProcessBuilder pb, Path javaHome) throws IOException {
        pb.environment().put("ES_JAVA_HOME", javaHome.toString());
        pb.environment().remove("JAVA_HOME");
        try {
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor()).as("elasticsearch-users useradd: %s", out).isZero();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A request straight to the server, with the right credentials: what the crawl left there. */
    private static HttpResponse<String> direct(String method, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + path))
                .header("Authorization", basic(USER, PASSWORD)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private CrawlConfig config(String name, FakeMimecastServer mimecast, String password) {
        return TENANT.config(name, mimecast, tls.url()).with(Map.of("sink.elasticsearch.username", USER,
                "sink.elasticsearch.password", password, "sink.elasticsearch.ca-bundle", ca.pem().toString(),
                "sink.retry.max-wait-seconds", "0"));
    }

    private static CliRun expect(int status, CliRun run) {
        assertThat(run.status).as(run.toString()).isEqualTo(status);
        return run;
    }

    @Test
    void basicAuthOverHttpsWithAPrivateCaCrawlsAndAWrongPasswordIsRefused() throws Exception {
        assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "/_cluster/health")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).as("the server refuses a request without credentials")
                .isEqualTo(401);
        var archive = ArchiveGenerator.seed(9).domains(1).localDomains(1).usersPerDomain(2).messagesPerView(2).generate();
        try (FakeMimecastServer mimecast = TENANT.serve(archive)) {
            CrawlConfig good = config("basic", mimecast, PASSWORD);
            String file = good.write(dir).toString();
            CliRun crawl = expect(0, TENANT.process(dir, "crawl", "--json", "--config", file));
            assertThat(crawl.out).contains("\"outcome\": \"ok\"").containsPattern("\"documentsUpserted\": [1-9]");
            assertThat(direct("POST", "/" + good.index() + "/_refresh").statusCode()).isEqualTo(200);
            HttpResponse<String> count = direct("POST", "/" + good.index() + "/_count");
            assertThat(count.statusCode()).as(count.body()).isEqualTo(200);
            assertThat(JsonParser.parseString(count.body()).getAsJsonObject().get("count").getAsLong())
                    .as("the documents are in the secured server").isPositive();
            assertThat(expect(0, TENANT.process(dir, "status", "--config", file)).out).contains("last success");
            CliRun partitions = expect(0, TENANT.process(dir, "status", "--json", "--config", file));
            String mailbox = JsonParser.parseString(partitions.out).getAsJsonArray().get(0).getAsJsonObject()
                    .get("partition").getAsString();
            CliRun mine = expect(0, TENANT.process(dir, "search", "--json", "--as", mailbox, "--config", file, "*"));
            assertThat(JsonParser.parseString(mine.out).getAsJsonObject().get("total").getAsLong())
                    .as("search --as reads through the role\n%s", mine).isPositive();

            String wrong = config("basic-wrong", mimecast, "wrong-Pass-9902").write(dir).toString();
            CliRun refused = expect(3, TENANT.process(dir, "crawl", "--config", wrong));
            assertThat(refused.err).contains("The index at " + tls.url() + " rejected the credentials",
                    "sink.elasticsearch.username/password").doesNotContain("wrong-Pass-9902");

            String noCa = config("basic-no-ca", mimecast, PASSWORD).with("sink.elasticsearch.ca-bundle", null)
                    .write(dir).toString();
            CliRun untrusted = TENANT.process(dir, "crawl", "--config", noCa);
            assertThat(untrusted.status).as("without the CA bundle the certificate is not trusted\n%s", untrusted)
                    .isEqualTo(3);
            assertThat(untrusted.err).as(untrusted.toString()).contains("The TLS certificate of the index at " + tls.url(),
                    "is not trusted", "sink.elasticsearch.ca-bundle");
        }
    }

    @Test
    void anApiKeyTheServerIssuedCrawls() throws Exception {
        // The integ-test distribution lacks the analysis-common module, and the security index's mapping needs
        // its pattern_capture filter: such a server cannot store an API key. CrawlMatrix proves the API key
        // against a proxy instead; this test runs wherever the server can issue one.
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "/_security/api_key"))
                .header("Authorization", basic(ADMIN, ADMIN_PASSWORD)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"compat\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assumeTrue(created.statusCode() == 200, () -> "Elasticsearch " + server.version()
                + " (integ-test distribution) cannot issue API keys: " + created.body());
        String apiKey = JsonParser.parseString(created.body()).getAsJsonObject().get("encoded").getAsString();
        var archive = ArchiveGenerator.seed(10).domains(1).localDomains(1).usersPerDomain(2).messagesPerView(2).generate();
        try (FakeMimecastServer mimecast = TENANT.serve(archive)) {
            String file = TENANT.config("apikey", mimecast, tls.url()).with(Map.of("sink.elasticsearch.api-key", apiKey,
                    "sink.elasticsearch.ca-bundle", ca.pem().toString(), "sink.retry.max-wait-seconds", "0"))
                    .write(dir).toString();
            expect(0, TENANT.process(dir, "crawl", "--config", file));
            assertThat(expect(0, TENANT.process(dir, "status", "--config", file)).out).contains("last success");
        }
    }
}
