package io.connectorkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.connectorkit.cli.command.SimulatorOptions;
import io.connectorkit.embedded.EmbeddedSearchNode;
import io.connectorkit.embedded.testing.SharedSearchNode;
import io.connectorkit.simulator.archive.Archive;
import io.connectorkit.simulator.archive.ArchiveGenerator;
import io.connectorkit.simulator.archive.corpus.MessageHeader;
import io.connectorkit.simulator.archive.corpus.View;
import io.connectorkit.simulator.mimecast.Endpoint;
import io.connectorkit.simulator.mimecast.FakeMimecastServer;
import io.connectorkit.simulator.mimecast.FakeMimecastServerBuilder;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command run as a user would, in-process, against the fake Mimecast server and the
 * embedded index shared by the integration tests (each test crawls under its own connector.id,
 * so its own index).
 */
@ExtendWith(SharedSearchNode.class)
class CommandsIT {
    private static final String SECRET = "s3cret-Value-7781";
    private static final FakeTenant TENANT = new FakeTenant(CommandsIT.class, "cli-client", SECRET);
    private EmbeddedSearchNode node;

    @TempDir
    Path dir;

    @BeforeEach
    void useIndex(EmbeddedSearchNode shared) {
        node = shared;
    }

    private static Archive archive() {
        return ArchiveGenerator.seed(7).domains(1).localDomains(1).usersPerDomain(3).messagesPerView(6).generate();
    }

    private static FakeMimecastServerBuilder server(Archive archive) {
        return TENANT.server(archive);
    }

    private Path config(FakeMimecastServer server, String id, Map<String, String> overrides) throws IOException {
        return TENANT.config(id, server, node.url()).with(overrides).write(dir);
    }

    @Test
    void checkPassesAgainstAWorkingTenant() throws IOException {
        try (FakeMimecastServer server = server(archive()).start()) {
            CliRun run = TENANT.run("check", "--config", config(server, "check-ok", Map.of()).toString());
            assertThat(run.status).as(run.toString()).isZero();
            assertThat(run.out).contains("OK", "/api/archive/get-message-list", "Check passed");
            assertThat(run.err).isEmpty();
        }
    }

    @Test
    void checkFailsOnAnAccountWithoutTheArchiveAndWarnsOnAStartDateBeyondRetention() throws IOException {
        try (FakeMimecastServer server = server(archive()).account(false, 3650).start()) {
            CliRun run = TENANT.run("check", "--config", config(server, "check-no-archive", Map.of()).toString());
            assertThat(run.status).as(run.toString()).isEqualTo(3);
            assertThat(run.out).containsPattern("(?m)^FAILED +/api/account/get-account: Account .* has no archive")
                    .contains("fix: Have Mimecast enable the archive", "Check failed: 1 of ");
            assertThat(run.err).contains("error: /api/account/get-account: ");
        }
        try (FakeMimecastServer server = server(archive()).account(true, 365).start()) {
            CliRun run = TENANT.run("check", "--config", config(server, "check-retention", Map.of()).toString());
            assertThat(run.status).as(run.toString()).isZero();
            assertThat(run.out).contains("OK       /api/account/get-account: Account 'Fake Tenant' (CUSA00A00): archive on,"
                    + " messages kept up to 365 days (maxRetention)")
                    .containsPattern("(?m)^WARNING +/api/account/get-account: mimecast.messages.start-date ="
                            + " 2019-01-01T00:00:00\\+0000 lies before the account's retention of 365 days")
                    .contains("Check passed");
        }
    }

    @Test
    void invalidConfigurationNamesEveryProblemAndExitsTwo() throws IOException {
        try (FakeMimecastServer server = server(archive()).start()) {
            Map<String, String> bad = new LinkedHashMap<>();
            bad.put("mimecast.page-size", "900");
            bad.put("mimecast.messages.start-date", "last tuesday");
            bad.put("mimecast.mailboxes.exclude", "([a-z");
            bad.put("mimecast.client-id", null);
            bad.put("mimecast.pagesize", "10");
            CliRun run = TENANT.run("crawl", "--config", config(server, "bad-config", bad).toString());
            assertThat(run.status).as(run.toString()).isEqualTo(2);
            assertThat(run.err).contains("mimecast.page-size = '900'", "mimecast.messages.start-date = 'last tuesday'",
                    "mimecast.mailboxes.exclude", "mimecast.client-id: required", "mimecast.pagesize");
            assertThat(run.err.lines()).allMatch(l -> l.startsWith("error: "));
            assertThat(run.out).isEmpty();
            assertThat(server.requests()).as("no call before the configuration is valid").isEmpty();
        }
    }

    @Test
    void missingConfigurationFileIsNamed() {
        CliRun run = TENANT.run("status", "--config", dir.resolve("nope.properties").toString());
        assertThat(run.status).isEqualTo(2);
        assertThat(run.err).contains("nope.properties", "--config");
    }

    @Test
    void wrongSecretExitsThreeAndIsNeverPrinted() throws IOException {
        String wrong = "wrong-Secret-55123";
        try (FakeMimecastServer server = server(archive()).start()) {
            Path file = config(server, "bad-secret", Map.of("mimecast.client-secret", wrong));
            for (String command : new String[] {"check", "crawl", "preview"}) {
                CliRun run = TENANT.run(command, "--config", file.toString());
                assertThat(run.status).as(run.toString()).isEqualTo(3);
                assertThat(run.out + run.err).doesNotContain(wrong).doesNotContain(SECRET);
                assertThat(run.err).contains("error: ");
            }
        }
    }

    @Test
    void missingProductIsNamedAndExitsThree() throws IOException {
        try (FakeMimecastServer server = server(archive()).withoutProductFor(Endpoint.GET_MESSAGE_LIST).start()) {
            CliRun run = TENANT.run("check", "--config", config(server, "no-product", Map.of()).toString());
            assertThat(run.status).as(run.toString()).isEqualTo(3);
            assertThat(run.out).contains("FAILED", "/api/archive/get-message-list").containsIgnoringCase("product");
            assertThat(run.err).contains("/api/archive/get-message-list");
        }
    }

    @Test
    void previewShowsWhatIsInScopeAndTheRuleThatExcludedTheRest() throws IOException {
        Archive archive = archive();
        String excluded = archive.mailboxes().get(0);
        try (FakeMimecastServer server = server(archive).start()) {
            Path file = config(server, "preview", Map.of("mimecast.mailboxes.exclude", "^" + excluded.replace(".", "\\\\."),
                    "mimecast.messages.end-date", "2024-06-30"));
            CliRun run = TENANT.run("preview", "--config", file.toString());
            assertThat(run.status).as(run.toString()).isZero();
            assertThat(run.out).as("the effective message window: start, end and late-arrival window")
                    .containsPattern("include +window +messages received from \\S+ up to 2024-06-30T00:00:00Z"
                            + " inclusive; each incremental crawl also lists again the last 14 days");
            assertThat(run.out).containsPattern("exclude +mailbox +" + Pattern.quote(excluded) + " +\\(")
                    .containsPattern("include +mailbox ").contains("In scope:");
            CliRun json = TENANT.run("preview", "--json", "--config", file.toString());
            JsonArray decisions = JsonParser.parseString(json.out).getAsJsonArray();
            assertThat(decisions).isNotEmpty();
            assertThat(server.calls(Endpoint.GET_MESSAGE_LIST)).as("preview crawls nothing").isZero();
        }
    }

    @Test
    void crawlStatusSearchAndResetWorkTogether() throws IOException {
        Archive archive = archive();
        try (FakeMimecastServer server = server(archive).start()) {
            String file = config(server, "tour", Map.of()).toString();
            CliRun crawl = TENANT.run("crawl", "--config", file);
            assertThat(crawl.status).as(crawl.toString()).isZero();
            assertThat(crawl.out).contains("Crawl finished in", "mailboxes", "API calls");
            assertThat(crawl.err).contains("mailboxes ").doesNotContain("error:");

            CliRun incremental = TENANT.run("crawl", "--config", file);
            assertThat(incremental.out).as(incremental.toString()).contains("late mail    0 late arrivals indexed");
            assertThat(TENANT.run("status", "--config", file).out).contains("0 late arrivals found so far");

            CliRun again = TENANT.run("crawl", "--json", "--config", file);
            assertThat(again.status).as(again.toString()).isZero();
            JsonObject summary = JsonParser.parseString(again.out).getAsJsonObject();
            assertThat(summary.get("outcome").getAsString()).isEqualTo("ok");
            assertThat(summary.getAsJsonObject("report").get("partitionsTotal").getAsInt()).isPositive();

            CliRun status = TENANT.run("status", "--json", "--config", file);
            assertThat(status.status).as(status.toString()).isZero();
            JsonArray partitions = JsonParser.parseString(status.out).getAsJsonArray();
            assertThat(partitions).isNotEmpty();
            String mailbox = partitions.get(0).getAsJsonObject().get("partition").getAsString();
            assertThat(TENANT.run("status", "--config", file).out).contains(mailbox, "last success", "checkpoint");

            CliRun all = TENANT.run("search", "--json", "--config", file, "*");
            assertThat(all.status).as(all.toString()).isZero();
            assertThat(JsonParser.parseString(all.out).getAsJsonObject().get("total").getAsLong()).isPositive();
            CliRun mine = TENANT.run("search", "--json", "--as", mailbox, "--size", "100", "--config", file, "*");
            JsonArray hits = JsonParser.parseString(mine.out).getAsJsonObject().getAsJsonArray("hits");
            assertThat(hits).isNotEmpty();
            for (JsonElement hit : hits) {
                assertThat(hit.getAsJsonObject().getAsJsonArray("acl").toString()).contains(mailbox);
            }

            CliRun reset = TENANT.run("reset", "--config", file, "--mailbox", mailbox, "--to", "2020-01-01");
            assertThat(reset.status).as(reset.toString()).isZero();
            assertThat(reset.out).contains("Rewound 1 mailbox to 2020-01-01T00:00:00Z");
            CliRun unknown = TENANT.run("reset", "--config", file, "--mailbox", "nobody@nowhere.example");
            assertThat(unknown.status).isEqualTo(2);
            assertThat(unknown.err).contains("nobody@nowhere.example", "connector status");
            CliRun badDate = TENANT.run("reset", "--config", file, "--to", "soon");
            assertThat(badDate.status).isEqualTo(2);
            assertThat(badDate.err).contains("--to = 'soon'");
        }
    }

    @Test
    void itemFailuresExitOneAndStatusListsThem() throws IOException {
        Archive archive = archive();
        String mailbox = archive.mailboxes().get(0);
        MessageHeader failing = archive.messages(mailbox, View.INBOX, Instant.parse("2019-01-01T00:00:00Z"),
                Instant.parse("2030-01-01T00:00:00Z")).findFirst().orElseThrow();
        try (FakeMimecastServer server = server(archive).failingMessage(failing.id()).start()) {
            String file = config(server, "failures", Map.of()).toString();
            CliRun crawl = TENANT.run("crawl", "--config", file);
            assertThat(crawl.status).as(crawl.toString()).isEqualTo(1);
            assertThat(crawl.err).contains("1 items failed", "connector status --config");
            // The summary names the failed message on its own line: id, mailbox, reason.
            assertThat(crawl.out).containsPattern("(?m)^    mimecast-\\S+ in " + Pattern.quote(mailbox)
                    + ": Message " + Pattern.quote(failing.id()) + " .*could not be retrieved.*$");
            assertThat(crawl.out + crawl.err).doesNotContain(SECRET);
            CliRun status = TENANT.run("status", "--config", file);
            assertThat(status.status).as(status.toString()).isEqualTo(1);
            assertThat(status.out).contains(mailbox).containsPattern("failures +1");
        }
    }

    @Test
    void anAdvertisedQuotaIsWaitedForAndNeverAnswered429() throws IOException {
        // Some 40 API calls or more against 10 per 2-second window: the crawl spends the quota, waits for the reset,
        // and again, at least three times.
        try (FakeMimecastServer server = server(archive()).quota(10, Duration.ofSeconds(2)).start()) {
            CliRun crawl = TENANT.run("crawl", "--config", config(server, "quota", Map.of()).toString());
            assertThat(crawl.status).as(crawl.toString()).isZero();
            long throttled = Arrays.stream(Endpoint.values()).filter(Endpoint::isApi)
                    .mapToLong(e -> server.calls(e, 429)).sum();
            assertThat(throttled).as("429 answers").isZero();
            assertThat(server.quotaWindows()).as("the quota bound: the crawl spanned several windows").hasSizeGreaterThan(2);
            assertThat(crawl.out).contains("  API quota    10 calls per window of 2.0s as advertised; ",
                    "(0 answered 429");
        }
    }

    @Test
    void simulateServesTheArchiveOnTheChosenPortUntilStopped() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        CliRun run = TENANT.run("simulate", "--port", String.valueOf(port), "--messages", "40", "--stop-after", "1");
        assertThat(run.status).as(run.toString()).isZero();
        assertThat(run.out).contains("Simulated Mimecast API 2.0 at http://127.0.0.1:" + port,
                "mimecast.client-secret=${env:MIMECAST_CLIENT_SECRET}", "Simulator stopped");
        // The default secret is the simulator's test value and is printed; one given is the user's own.
        assertThat(run.out).contains("export MIMECAST_CLIENT_SECRET=" + SimulatorOptions.DEFAULT_CLIENT_SECRET);
        CliRun own = TENANT.run("simulate", "--port", String.valueOf(port), "--messages", "40", "--client-secret",
                "0wn-Secret-551", "--stop-after", "1");
        assertThat(own.status).as(own.toString()).isZero();
        assertThat(own.out).contains("the --client-secret value given to this simulator").doesNotContain("0wn-Secret-551");
        CliRun bad = TENANT.run("simulate", "--port", "0");
        assertThat(bad.status).isEqualTo(2);
        assertThat(bad.err).contains("--port 0");
        CliRun quota = TENANT.run("simulate", "--port", String.valueOf(port), "--messages", "40", "--quota", "100/10s",
                "--stop-after", "1");
        assertThat(quota.status).as(quota.toString()).isZero();
        assertThat(quota.out).contains("API quota: 100 calls per 10s window, advertised in X-RateLimit-* headers");
        CliRun badQuota = TENANT.run("simulate", "--port", String.valueOf(port), "--quota", "100");
        assertThat(badQuota.status).isEqualTo(2);
        assertThat(badQuota.err).contains("--quota 100 is out of range", "3000/60s");
    }
}
