package io.connectorkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectorkit.embedded.EmbeddedSearchNode;
import io.connectorkit.embedded.testing.SharedSearchNode;
import io.connectorkit.simulator.archive.ArchiveGenerator;
import io.connectorkit.simulator.mimecast.FakeMimecastServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.logging.log4j.core.config.Configurator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user name and password written inside {@code sink.elasticsearch.url} reach the index as basic
 * authentication (seen by a proxy in front of the embedded node) and never reach standard output,
 * standard error, {@code --json} output or the log; a wrong one ends as an authentication failure.
 */
@ExtendWith(SharedSearchNode.class)
class UrlCredentialsIT {
    private static final String CLIENT_ID = "url-client";
    private static final String CLIENT_SECRET = "cs-Url-Secret-60412";
    private static final String USER = "indexer";
    /** Percent-encoded in the URL: the index must receive the decoded form. */
    private static final String PASSWORD_IN_URL = "ix-Url%2FPass-7731";
    private static final String PASSWORD = "ix-Url/Pass-7731";
    private static final String WRONG_PASSWORD = "ix-Wrong-Pass-3306";
    private static IndexProxy proxy;

    @TempDir
    Path dir;

    @BeforeAll
    static void startProxy(EmbeddedSearchNode node) throws IOException {
        proxy = IndexProxy.start(node.url());
    }

    @AfterAll
    static void stopProxy() {
        Configurator.reconfigure();
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    void credentialsInsideTheUrlAreSentAsBasicAuthAndNeverShown() throws IOException {
        Path log = dir.resolve("connector.log");
        String[] logging = {"--log-config", LogCapture.config(dir, log).toString(), "--log-level", "TRACE"};
        String basic = "Basic " + base64(USER + ":" + PASSWORD);
        var archive = ArchiveGenerator.seed(7).domains(1).localDomains(1).usersPerDomain(2).messagesPerView(2).generate();
        List<CliRun> runs = new ArrayList<>();
        try (FakeMimecastServer server = FakeMimecastServer.builder().archive(archive)
                .clientCredentials(CLIENT_ID, CLIENT_SECRET).start()) {
            proxy.requireAuthorization(basic);
            String file = config(server, "url-creds", PASSWORD_IN_URL).toString();
            runs.add(expect(0, run(logging, "check", "--config", file)));
            CliRun json = expect(0, run(logging, "crawl", "--json", "--config", file));
            runs.add(json);
            assertThat(json.out).as("the crawl wrote through the proxy").contains("\"outcome\": \"ok\"")
                    .containsPattern("\"documentsUpserted\": [1-9]");
            runs.add(expect(0, run(logging, "crawl", "--full", "--config", file)));
            runs.add(expect(0, run(logging, "status", "--config", file)));
            CliRun status = expect(0, run(logging, "status", "--json", "--config", file));
            runs.add(status);
            assertThat(status.out).containsPattern("\"documents\": [1-9]");

            // The proxy now refuses anything but the right password: a wrong one inside the URL fails as authentication.
            String wrongFile = config(server, "url-creds-wrong", WRONG_PASSWORD).toString();
            CliRun wrongCheck = expect(3, run(logging, "check", "--config", wrongFile));
            CliRun wrongCrawl = expect(3, run(logging, "crawl", "--config", wrongFile));
            assertThat(wrongCrawl.err).as("the URL is named without its credentials")
                    .contains("The index at " + proxy.url() + " rejected the credentials").contains("sink.elasticsearch.url");
            runs.add(wrongCheck);
            runs.add(wrongCrawl);
        } finally {
            proxy.requireAuthorization(null);
        }
        assertThat(proxy.authorizations()).as("the URL's credentials were sent, decoded").contains(basic)
                .contains("Basic " + base64(USER + ":" + WRONG_PASSWORD));
        String printed = runs.stream().map(CliRun::toString).collect(Collectors.joining("\n"));
        String logged = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(logged).as("the log was captured").contains("io.connectorkit");
        for (String secret : List.of(PASSWORD_IN_URL, PASSWORD, WRONG_PASSWORD, USER + ":" + PASSWORD,
                USER + ":" + PASSWORD_IN_URL, USER + ":" + WRONG_PASSWORD, base64(USER + ":" + PASSWORD),
                base64(USER + ":" + WRONG_PASSWORD), CLIENT_SECRET)) {
            assertThat(LogCapture.lineWith(printed, secret)).as("printed output shows " + secret).isEmpty();
            assertThat(LogCapture.lineWith(logged, secret)).as("the log shows " + secret).isEmpty();
        }
    }

    private static String base64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static CliRun expect(int status, CliRun run) {
        assertThat(run.status).as(run.toString()).isEqualTo(status);
        return run;
    }

    private Path config(FakeMimecastServer server, String name, String password) throws IOException {
        return CrawlConfig.mimecast(UrlCredentialsIT.class, name, server.baseUrl(), CLIENT_ID,
                        proxy.url().replace("http://", "http://" + USER + ":" + password + "@"))
                .with("sink.retry.max-wait-seconds", "0").write(dir);
    }

    private static CliRun run(String[] logging, String... args) {
        String[] all = Stream.concat(Stream.of(logging), Stream.of(args)).toArray(String[]::new);
        return CliRun.run(Map.of(CrawlConfig.SECRET_VARIABLE, CLIENT_SECRET), all);
    }
}
