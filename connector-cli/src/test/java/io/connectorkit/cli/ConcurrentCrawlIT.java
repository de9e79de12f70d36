package io.connectorkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectorkit.cli.bench.measure.ChildJvm;
import io.connectorkit.embedded.EmbeddedSearchNode;
import io.connectorkit.embedded.NodeRecord;
import io.connectorkit.embedded.testing.SharedSearchNode;
import io.connectorkit.simulator.archive.ArchiveGenerator;
import io.connectorkit.simulator.mimecast.Endpoint;
import io.connectorkit.simulator.mimecast.FakeMimecastServer;
import io.connectorkit.simulator.mimecast.faults.Fault;
import io.connectorkit.simulator.mimecast.faults.FaultRule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two runs on one configuration at once. The first is a {@code connector crawl} process from the
 * shaded jar, slowed down by the fake server; while it crawls, this JVM runs the commands a user
 * would type in a second terminal: a second crawl is refused naming the first (its pid and since
 * when), and {@code status} works. With a cluster (the shared node) the state index's lease says
 * who runs; with the embedded index, the second command uses the node the first runs on its data
 * directory, and a command that cannot reach that node says so in one sentence.
 */
@ExtendWith(SharedSearchNode.class)
class ConcurrentCrawlIT {
    private static final String SECRET = "twice-Secret-70215";
    private static final FakeTenant TENANT = new FakeTenant(ConcurrentCrawlIT.class, "twice-client", SECRET);
    private EmbeddedSearchNode node;

    @TempDir
    Path dir;

    @BeforeEach
    void useIndex(EmbeddedSearchNode shared) {
        node = shared;
    }

    private static FakeMimecastServer slowServer() {
        // The first 60 downloads take 300 ms each: the first crawl is still running while the test acts.
        return TENANT.server(ArchiveGenerator.seed(31).domains(1).usersPerDomain(3).messagesPerView(10).generate())
                .fault(FaultRule.onCalls(Endpoint.GET_FILE, 1, 60, Fault.slow(Duration.ofMillis(300)))).start();
    }

    private static Process child(Path log, String xmx, String... args) throws IOException {
        // In this JVM's working directory, not the data's parent: the command prints the data's absolute path.
        return TENANT.start(Path.of("").toAbsolutePath(), log, xmx, args);
    }

    private static void awaitDownloads(FakeMimecastServer server, Process first, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (server.calls(Endpoint.GET_FILE) < 3) {
            assertThat(first.isAlive()).as("the first crawl runs\n%s", Files.readString(log)).isTrue();
            assertThat(System.nanoTime()).as("the first crawl began downloading\n%s", Files.readString(log))
                    .isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static void stop(Process p) throws InterruptedException {
        p.destroyForcibly();
        p.waitFor(30, TimeUnit.SECONDS);
    }

    @Test
    void withAClusterASecondCrawlExitsFourNamingTheFirstAndStatusStillWorks() throws Exception {
        try (FakeMimecastServer server = slowServer()) {
            CrawlConfig config = TENANT.config("cluster", server, node.url());
            String file = config.write(dir).toString();
            Path log = dir.resolve("first.log");
            Process first = child(log, "-Xmx384m", "crawl", "--config", file);
            try {
                awaitDownloads(server, first, log);
                CliRun second = TENANT.run("crawl", "--config", file);
                assertThat(second.status).as(second.toString()).isEqualTo(4);
                assertThat(second.err).contains("error: A crawl of '" + config.id() + "' is already running (since ")
                        .contains(", pid " + first.pid() + ")").doesNotContain("Exception");
                assertThat(second.out).doesNotContain("Crawl finished");
                CliRun status = TENANT.run("status", "--config", file);
                assertThat(status.status).as(status.toString()).isZero();

                // The first run ends by itself and gives the lease up: the next crawl runs.
                assertThat(first.waitFor(3, TimeUnit.MINUTES)).as("the first crawl ended").isTrue();
                assertThat(first.exitValue()).as(Files.readString(log, StandardCharsets.UTF_8)).isZero();
            } finally {
                stop(first);
            }
            CliRun third = TENANT.run("crawl", "--config", file);
            assertThat(third.status).as(third.toString()).isZero();
        }
    }

    @Test
    void aCrawlKilledWithoutGivingTheLeaseUpDoesNotBlockTheNextRunOnThisHost() throws Exception {
        try (FakeMimecastServer server = slowServer()) {
            CrawlConfig config = TENANT.config("killed", server, node.url());
            String file = config.write(dir).toString();
            Path log = dir.resolve("killed.log");
            Process first = child(log, "-Xmx384m", "crawl", "--config", file);
            try {
                awaitDownloads(server, first, log);
            } finally {
                stop(first);
            }
            CliRun next = TENANT.run("crawl", "--config", file);
            assertThat(next.status).as(next.toString()).isZero();
            assertThat(next.out).contains("Crawl finished in");
        }
    }

    @Test
    void withTheEmbeddedIndexTheSecondCommandsUseTheRunningNode() throws Exception {
        try (FakeMimecastServer server = slowServer()) {
            Path data = dir.resolve("opensearch");
            CrawlConfig config = TENANT.config("embedded", server, "").with("sink.elasticsearch.url", null)
                    .with("sink.embedded.data-dir", data.toString());
            String file = config.write(dir).toString();
            Path log = dir.resolve("embedded.log");
            Process first = child(log, "-Xmx768m", "crawl", "--config", file);
            try {
                awaitDownloads(server, first, log);
                assertThat(Files.readString(log, StandardCharsets.UTF_8)).as("the first crawl's output")
                        .contains("Starting the embedded index (data in " + data.toAbsolutePath())
                        .doesNotContain("DanglingIndicesState");
                assertThat(NodeRecord.read(data)).as("the node's URL recorded beside its data").isPresent()
                        .get().satisfies(r -> assertThat(r.pid()).isEqualTo(first.pid()));

                CliRun status = TENANT.run("status", "--config", file);
                assertThat(status.status).as(status.toString()).isZero();
                assertThat(status.err).doesNotContain("failed to obtain node locks");

                CliRun search = TENANT.run("search", "--config", file, "*");
                assertThat(search.status).as(search.toString()).isZero();

                CliRun second = TENANT.run("crawl", "--config", file);
                assertThat(second.status).as(second.toString()).isEqualTo(4);
                assertThat(second.err).contains("error: A crawl of '" + config.id() + "' is already running (since ")
                        .contains(", pid " + first.pid() + ")").doesNotContain("node locks");

                // Without the record (as while the first process is still starting its node), a command
                // that needs the directory says so in one sentence with the fix, not in OpenSearch's words.
                Files.delete(data.resolve(NodeRecord.FILE_NAME));
                Path held = dir.resolve("held.log");
                Process blocked = child(held, "-Xmx384m", "status", "--config", file);
                assertThat(blocked.waitFor(2, TimeUnit.MINUTES)).isTrue();
                String said = Files.readString(held, StandardCharsets.UTF_8);
                assertThat(blocked.exitValue()).as(said).isEqualTo(4);
                assertThat(said).contains("error: The embedded index in " + data.toAbsolutePath()
                        + " is held by another process whose index cannot be reached")
                        .contains("or stop it, then run this again").doesNotContain("max_local_storage_nodes");
            } finally {
                stop(first);
            }
        }
    }
}
