package io.connectorkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.connectorkit.cli.bench.measure.ChildJvm;
import io.connectorkit.embedded.EmbeddedSearchNode;
import io.connectorkit.embedded.testing.SharedSearchNode;
import io.connectorkit.simulator.archive.Archive;
import io.connectorkit.simulator.archive.ArchiveGenerator;
import io.connectorkit.simulator.archive.corpus.Domain;
import io.connectorkit.simulator.archive.corpus.MessageHeader;
import io.connectorkit.simulator.archive.corpus.User;
import io.connectorkit.simulator.archive.corpus.View;
import io.connectorkit.simulator.mimecast.Endpoint;
import io.connectorkit.simulator.mimecast.FakeMimecastServer;
import io.connectorkit.simulator.mimecast.faults.Fault;
import io.connectorkit.simulator.mimecast.faults.FaultRule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code connector crawl} process killed with SIGKILL at seeded random moments, then run again
 * to completion: the index ends with exactly the archive, each message once, and the run after a
 * kill resumes from the saved checkpoints instead of starting over. This JVM hosts the fake
 * Mimecast server and the index (the one shared by the integration tests; only the crawl is
 * killed); the crawl runs from the shaded jar in a child JVM.
 */
@ExtendWith(SharedSearchNode.class)
class CrawlCrashIT {
    private static final String SECRET = "crash-Secret-4471";
    private static final Instant START = Instant.parse("2019-01-01T00:00:00Z");
    private static final FakeTenant TENANT = new FakeTenant(CrawlCrashIT.class, "crash-client", SECRET);

    private static EmbeddedSearchNode node;
    private static IndexQueries index;
    private static FakeMimecastServer server;
    private static Set<String> expected;

    @TempDir
    Path dir;

    @BeforeAll
    static void start(EmbeddedSearchNode shared) {
        node = shared;
        index = new IndexQueries(node.url());
        Archive archive = ArchiveGenerator.seed(41).domains(1).localDomains(1).usersPerDomain(4).messagesPerView(15)
                .between(Instant.parse("2023-01-01T00:00:00Z"), Instant.parse("2024-01-01T00:00:00Z")).generate();
        // Slow downloads stretch the crawl over a few seconds, so that kills land mid-crawl.
        server = TENANT.server(archive).fault(FaultRule.always(Endpoint.GET_FILE, Fault.slow(Duration.ofMillis(40))))
                .start();
        expected = inScope(archive);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void crawlsKilledAtRandomMomentsEndWithTheArchiveOnceEach() throws Exception {
        long base = Long.getLong("crash.seed", 20_261_127L);
        for (long seed = base; seed < base + 3; seed++) {
            try {
                killAndResume(seed);
            } catch (AssertionError | Exception e) {
                throw new AssertionError("crash test failed with seed " + seed + " (rerun with -Dcrash.seed=" + seed
                        + "): " + e.getMessage(), e);
            }
        }
    }

    private void killAndResume(long seed) throws Exception {
        Random random = new Random(seed);
        CrawlConfig crawlConfig = TENANT.config("seed-" + seed, server, node.url()).with("mimecast.page-size", "10")
                .with("mimecast.attachments.extract", "false").with("crawl.parallel.partitions", "2")
                .with("sink.bulk.max-docs", "10");
        String id = crawlConfig.id();
        Path config = crawlConfig.write(dir);
        Path log = dir.resolve(id + ".log");
        int kills = 1 + random.nextInt(2);
        long firstCallsAtKill = 0;
        StringBuilder summary = new StringBuilder("seed " + seed + ": " + expected.size()
                + " messages; downloads before each kill:");
        for (int k = 0; k < kills; k++) {
            // Somewhere between a fifth and four fifths of the archive's downloads into this run.
            long target = expected.size() / 5 + random.nextInt(Math.max(1, expected.size() * 3 / 5));
            long before = server.calls(Endpoint.GET_FILE);
            Process child = crawl(config, log);
            try {
                while (child.isAlive() && server.calls(Endpoint.GET_FILE) - before < target) {
                    Thread.sleep(5);
                }
            } finally {
                child.destroyForcibly();
                child.waitFor(30, TimeUnit.SECONDS);
            }
            long done = server.calls(Endpoint.GET_FILE) - before;
            summary.append(' ').append(done);
            if (k == 0) {
                firstCallsAtKill = done;
            }
        }
        long before = server.calls(Endpoint.GET_FILE);
        Process last = crawl(config, log);
        boolean ended = last.waitFor(5, TimeUnit.MINUTES);
        if (!ended) {
            last.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(ended).as("the last crawl ended\n%s", output).isTrue();
        assertThat(last.exitValue()).as("exit status of the last crawl\n%s", output).isZero();
        long resumedCalls = server.calls(Endpoint.GET_FILE) - before;
        System.out.println(summary.append("; downloads of the run to completion: ").append(resumedCalls));

        index.refresh(crawlConfig.index() + "*");
        Map<String, Integer> indexed = index.indexedEmails(crawlConfig.index());
        assertThat(indexed.entrySet()).as("messages indexed more than once")
                .filteredOn(e -> e.getValue() > 1).isEmpty();
        assertThat(indexed.keySet()).as("indexed messages vs the archive").isEqualTo(expected);
        assertThat(index.count(crawlConfig.index())).as("documents in the index").isEqualTo(expected.size());
        // Partitions' states only: the state index also holds the record of the last crawl.
        List<JsonObject> states = index.sources(crawlConfig.index() + "-state",
                "{\"size\":1000,\"query\":{\"exists\":{\"field\":\"connector_id\"}}}");
        assertThat(states).as("partition states").isNotEmpty().allSatisfy(s -> {
            assertThat(s.get("failure_count").getAsLong()).as("failures of %s", s.get("partition")).isZero();
            assertThat(s.has("checkpoint")).as("checkpoint of %s", s.get("partition")).isTrue();
        });
        assertThat(firstCallsAtKill).as("the first kill came mid-crawl").isLessThan(expected.size());
        assertThat(resumedCalls).as("downloads of the resumed crawl: it starts from the saved checkpoints")
                .isLessThan(expected.size());
    }

    private Process crawl(Path config, Path log) throws IOException {
        return TENANT.start(dir, log, "-Xmx384m", "crawl", "--config", config.toString());
    }

    /** Mailbox and Mimecast id of every message in scope: non-local domains, no aliases, both views. */
    private static Set<String> inScope(Archive archive) {
        Set<String> domains = archive.domains().stream().filter(d -> !d.local()).map(Domain::domain)
                .map(d -> d.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        Set<String> out = new HashSet<>();
        archive.users().stream().filter(u -> !u.alias() && domains.contains(u.domain().toLowerCase(Locale.ROOT)))
                .map(User::emailAddress).distinct().forEach(mailbox -> Stream.of(View.INBOX, View.SENT)
                        .flatMap(v -> archive.messages(mailbox, v, START, Instant.now()))
                        .map(MessageHeader::id)
                        .forEach(mid -> out.add(mailbox.toLowerCase(Locale.ROOT) + " " + mid)));
        return out;
    }
}
