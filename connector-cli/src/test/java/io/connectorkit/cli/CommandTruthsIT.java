package io.connectorkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.connectorkit.embedded.EmbeddedSearchNode;
import io.connectorkit.embedded.testing.SharedSearchNode;
import io.connectorkit.simulator.archive.Archive;
import io.connectorkit.simulator.archive.ArchiveGenerator;
import io.connectorkit.simulator.mimecast.FakeMimecastServer;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the commands print is true: the packaged {@code connector} command run in a process of its
 * own against the fake Mimecast server and the embedded index shared by the integration tests.
 */
@ExtendWith(SharedSearchNode.class)
class CommandTruthsIT {
    private static final String SECRET = "truth-Secret-6610";
    private static final FakeTenant TENANT = new FakeTenant(CommandTruthsIT.class, "truth-client", SECRET);
    private EmbeddedSearchNode node;

    @TempDir
    Path dir;

    @BeforeEach
    void useIndex(EmbeddedSearchNode shared) {
        node = shared;
    }

    private static Archive archive() {
        return ArchiveGenerator.seed(13).domains(2).localDomains(0).usersPerDomain(3).aliasEvery(0).shareEvery(0)
                .messagesPerView(3).generate();
    }

    private Path config(FakeMimecastServer server, String name) throws IOException {
        return TENANT.config(name, server, node.url()).with("mimecast.attachments.extract", "true").write(dir);
    }

    private CliRun connector(String... args) throws IOException, InterruptedException {
        return TENANT.process(dir, args);
    }

    @Test
    void searchAsComparesAddressesIgnoringCaseAndRefusesAnEmptyAddress() throws Exception {
        Archive archive = archive();
        try (FakeMimecastServer server = TENANT.serve(archive)) {
            String file = config(server, "search-as").toString();
            CliRun crawl = connector("crawl", "--config", file);
            assertThat(crawl.status).as(crawl.toString()).isZero();
            String mailbox = archive.mailboxes().get(0);
            long lower = total(connector("search", "--json", "--as", mailbox.toLowerCase(Locale.ROOT), "--config", file, "*"));
            long upper = total(connector("search", "--json", "--as", mailbox.toUpperCase(Locale.ROOT), "--config", file, "*"));
            assertThat(lower).as("documents %s may see", mailbox).isPositive();
            assertThat(upper).as("the same address in capitals").isEqualTo(lower);
            CliRun empty = connector("search", "--as=", "--config", file, "*");
            assertThat(empty.status).as(empty.toString()).isEqualTo(2);
            assertThat(empty.err).contains("--as is empty");
        }
    }

    @Test
    void resetSaysWhichMailboxesWereRewoundAndWhichWereNot() throws Exception {
        try (FakeMimecastServer server = TENANT.serve(archive())) {
            String file = config(server, "reset").toString();
            assertThat(connector("crawl", "--config", file).status).isZero();
            CliRun future = connector("reset", "--config", file, "--to", "2099-01-01");
            assertThat(future.status).as(future.toString()).isZero();
            assertThat(future.out).contains("Rewound 0 mailboxes to 2099-01-01T00:00:00Z.",
                    "Left 6 mailboxes as they were: not read past 2099-01-01T00:00:00Z");
            CliRun past = connector("reset", "--config", file, "--to", "2020-01-01");
            assertThat(past.status).as(past.toString()).isZero();
            assertThat(past.out).contains("Rewound 6 mailboxes to 2020-01-01T00:00:00Z; the next crawl reads them again.")
                    .doesNotContain("Left");
        }
    }

    @Test
    void checkCreatesExactlyTheEmptyIndicesItsHelpNames() throws Exception {
        try (FakeMimecastServer server = TENANT.serve(archive())) {
            CrawlConfig crawlConfig = TENANT.config("check", server, node.url());
            String file = crawlConfig.write(dir).toString();
            IndexQueries queries = new IndexQueries(node.url());
            assertThat(queries.get("/" + crawlConfig.index()).statusCode()).as("no index before the check").isEqualTo(404);
            CliRun check = connector("check", "--config", file);
            assertThat(check.status).as(check.toString()).isZero();
            for (String index : List.of(crawlConfig.index(), crawlConfig.index() + "-state")) {
                HttpResponse<String> count = queries.get("/" + index + "/_count");
                assertThat(count.statusCode()).as("%s exists after the check", index).isEqualTo(200);
                assertThat(JsonParser.parseString(count.body()).getAsJsonObject().get("count").getAsLong())
                        .as("documents in %s", index).isZero();
            }
            CliRun help = connector("check", "--help");
            assertThat(help.out.replaceAll("\\s+", " ")).contains("creates the content index and the state index")
                    .doesNotContain("Writes nothing");
        }
    }

    @Test
    void theSummaryRepeatsTheProgressLinesMegabytesAndSaysRateLimitWaitsAreSummed() throws Exception {
        try (FakeMimecastServer server = TENANT.server(archive()).callsPerSecond(30).start()) {
            CliRun crawl = connector("crawl", "--config", config(server, "megabytes").toString());
            assertThat(crawl.status).as(crawl.toString()).isZero();
            List<String> progress = crawl.err.lines().filter(l -> l.startsWith("mailboxes ")).toList();
            assertThat(progress).as(crawl.toString()).isNotEmpty();
            String last = progress.get(progress.size() - 1);
            Matcher inProgress = Pattern.compile("\\| ([0-9.]+ MB) indexed \\|").matcher(last);
            assertThat(inProgress.find()).as(last).isTrue();
            Matcher inSummary = Pattern.compile("documents +[0-9,]+ indexed \\(([0-9.]+ MB)\\)").matcher(crawl.out);
            assertThat(inSummary.find()).as(crawl.out).isTrue();
            assertThat(inSummary.group(1)).as("the summary's MB vs the last progress line's").isEqualTo(inProgress.group(1));
            assertThat(crawl.out).contains("waited on rate limits summed over parallel mailboxes", "MB downloaded");
            if (last.contains("rate-limit waits 0")) {
                assertThat(last).doesNotContain("summed");
            } else {
                assertThat(last).containsPattern("rate-limit waits [0-9,]+ \\([^)]+ summed\\)");
            }
        }
    }

    private static long total(CliRun run) {
        assertThat(run.status).as(run.toString()).isZero();
        JsonObject results = JsonParser.parseString(run.out).getAsJsonObject();
        return results.get("total").getAsLong();
    }
}
