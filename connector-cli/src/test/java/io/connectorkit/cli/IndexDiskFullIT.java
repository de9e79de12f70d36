package io.connectorkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import io.connectorkit.embedded.EmbeddedSearchNode;
import io.connectorkit.embedded.testing.SharedSearchNode;
import io.connectorkit.simulator.archive.Archive;
import io.connectorkit.simulator.archive.ArchiveGenerator;
import io.connectorkit.simulator.mimecast.FakeMimecastServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code connector crawl} with the embedded index on a filesystem too small for the crawl (a
 * 12 MB tmpfs): the command says once that the disk is short, with the path and the fix, waits
 * {@code sink.retry.max-wait-seconds}, then stops with exit 4 and its summary, keeping what the
 * index acknowledged; stack traces and false messages stay out of its output. Once the filesystem
 * is larger, the next crawl completes the index. Mounting needs root: elsewhere the test is
 * skipped, saying why.
 */
@ExtendWith(SharedSearchNode.class)
class IndexDiskFullIT {
    private static final String SECRET = "disk-Secret-9091";
    private Path mount;
    private boolean mounted;
    private EmbeddedSearchNode node;

    @TempDir
    Path dir;

    // In @BeforeEach rather than @BeforeAll, so that a refused mount shows as the test skipped, with the reason.
    @BeforeEach
    void mountSmallFilesystem() throws Exception {
        mount = Files.createTempDirectory("connector-small-disk-");
        String failed = command("mount", "-t", "tmpfs", "-o", "size=12m", "tmpfs", mount.toString());
        mounted = failed == null;
        Assumptions.assumeTrue(mounted, () -> "a 12 MB tmpfs cannot be mounted at " + mount + " (" + failed
                + "); mounting needs root, so the full-disk crawl is not tested here");
    }

    @AfterEach
    void unmount() throws Exception {
        if (mount == null) {
            return;
        }
        try {
            if (mounted) {
                String failed = command("umount", mount.toString());
                assertThat(failed).as("unmounting " + mount).isNull();
                mounted = false;
            }
        } finally {
            Files.deleteIfExists(mount);
        }
    }

    /** Runs a system command; {@code null} when it succeeded, else what it said. */
    private static String command(String... args) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(args).redirectErrorStream(true).start();
        } catch (IOException e) {
            return e.getMessage();
        }
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return String.join(" ", args) + " did not end within 30 s";
        }
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        return p.exitValue() == 0 ? null : "exit " + p.exitValue() + ": " + said;
    }

    @BeforeEach
    void useIndex(EmbeddedSearchNode shared) {
        node = shared;
    }

    private CliRun connector(String... args) throws IOException, InterruptedException {
        return ConnectorProcess.run(dir, Map.of(CrawlConfig.SECRET_VARIABLE, SECRET), args);
    }

    private static TreeSet<String> ids(CliRun search) {
        assertThat(search.status).as(search.toString()).isZero();
        TreeSet<String> ids = new TreeSet<>();
        for (JsonElement hit : JsonParser.parseString(search.out).getAsJsonObject().getAsJsonArray("hits")) {
            ids.add(hit.getAsJsonObject().get("id").getAsString());
        }
        return ids;
    }

    @Test
    void aFullDiskStopsTheCrawlWithOneMessageAndExit4AndTheNextCrawlWithRoomCompletesTheIndex() throws Exception {
        Archive archive = ArchiveGenerator.seed(29).domains(2).localDomains(0).usersPerDomain(3).aliasEvery(0)
                .shareEvery(0).messagesPerView(40).generate();
        try (FakeMimecastServer server = FakeMimecastServer.builder().archive(archive)
                .clientCredentials("disk-client", SECRET).start()) {
            Map<String, String> crawl = Map.of("mimecast.attachments.extract", "true", "extract.text", "true");
            Path reference = CrawlConfig.mimecast(IndexDiskFullIT.class, "reference", server.baseUrl(), "disk-client",
                    node.url()).with(crawl).write(dir);
            CliRun referenceCrawl = CliRun.run(Map.of(CrawlConfig.SECRET_VARIABLE, SECRET), "crawl", "--config",
                    reference.toString());
            assertThat(referenceCrawl.status).as(referenceCrawl.toString()).isZero();
            TreeSet<String> expected = ids(CliRun.run(Map.of(CrawlConfig.SECRET_VARIABLE, SECRET), "search", "--json",
                    "--size", "10000", "--config", reference.toString(), "*"));
            assertThat(expected).hasSizeGreaterThan(100);

            Path data = mount.resolve("data");
            Path file = CrawlConfig.mimecast(IndexDiskFullIT.class, "small", server.baseUrl(), "disk-client", "")
                    .with(crawl).with("sink.embedded.data-dir", data.toString())
                    .with("sink.bulk.max-bytes", "262144").with("sink.retry.max-wait-seconds", "5").write(dir);
            CliRun full = connector("crawl", "--config", file.toString());
            assertThat(full.status).as(full.toString()).isEqualTo(4);
            assertThat(full.out).as(full.toString()).contains("Crawl ended by an error", "documents", "failures");
            List<String> lines = Arrays.asList(full.err.split("\n"));
            List<String> disk = new ArrayList<>(lines.stream().filter(l -> l.contains("short of disk space")).toList());
            assertThat(disk).as(full.toString()).hasSize(1);
            assertThat(disk.get(0)).contains(data.toString(), "sink.embedded.data-dir", "Free space there",
                    "sink.retry.max-wait-seconds");
            assertThat(full.err).as(full.toString())
                    .contains("error: The embedded index ran out of disk space", "on the filesystem of " + data)
                    .doesNotContain("\tat ", "Exception", "changed by another writer", "available again",
                            "Waiting for the index");
            assertThat(lines).as("stderr stays short: " + full).hasSizeLessThan(25);
            String indexed = full.out.lines().filter(l -> l.contains("indexed")).findFirst().orElse("");
            assertThat(indexed).as("some documents were acknowledged first: " + full.out).doesNotContain(" 0 indexed");

            String larger = command("mount", "-o", "remount,size=256m", mount.toString());
            assertThat(larger).as("remounting " + mount + " larger").isNull();
            CliRun again = connector("crawl", "--config", file.toString());
            assertThat(again.status).as(again.toString()).isZero();
            CliRun status = connector("status", "--config", file.toString());
            assertThat(status.status).as(status.toString()).isZero();
            assertThat(ids(connector("search", "--json", "--size", "10000", "--config", file.toString(), "*")))
                    .as("the index after the crawl with room equals the reference crawl's").isEqualTo(expected);
        }
    }
}
