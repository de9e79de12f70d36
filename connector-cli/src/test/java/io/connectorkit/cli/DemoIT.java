package io.connectorkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command, run as a user would: it ends by itself with a summary and hits. The
 * demo starts an embedded node of its own, so the class runs in a JVM without the shared one.
 */
@Tag(SharedSearchNode.OWN_NODE)
class DemoIT {
    @TempDir
    Path dir;

    @Test
    void demoCrawlsTheSimulatorAndShowsSummaryHitsAndHowToQuery() throws Exception {
        Path data = dir.resolve("demo");
        CliRun run = CliRun.run("demo", "--data-dir", data.toString(), "--messages", "480");
        // Every generated attachment is a real file of its type, so nothing may fail.
        assertThat(run.status).as(run.toString()).isZero();
        assertThat(run.out).contains("Starting the Mimecast simulator and the embedded index",
                "Crawl finished in", "mailboxes    24 crawled, 0 failed, 24 in scope", "API calls",
                "indexed      ",
                "Sample search for 'invoice':", "matching documents", " 1. ",
                "Query the index yourself:", "./connector search --config " + data.toAbsolutePath().resolve("demo.properties"));
        assertThat(run.out).containsPattern("documents +[1-9][0-9,]* indexed")
                .containsPattern("indexed +[1-9][0-9,]* messages and [1-9][0-9,]* attachments");
        assertThat(run.err).contains("mailboxes 24/24").doesNotContain("unexpected failure");
        assertThat(data.resolve("demo.properties")).isRegularFile();

        // The demo's index stays on disk: its configuration answers status without the simulator.
        CliRun status = CliRun.run("status", "--config", data.resolve("demo.properties").toString());
        assertThat(status.out).contains("24 mailboxes");

        // Running it again starts from scratch in its own directory, and refuses a foreign one.
        Path foreign = Files.createDirectories(dir.resolve("mine"));
        Files.writeString(foreign.resolve("keep.txt"), "mine");
        CliRun refused = CliRun.run("demo", "--data-dir", foreign.toString());
        assertThat(refused.status).isEqualTo(2);
        assertThat(refused.err).contains(foreign.toAbsolutePath().toString(), "did not create");
        assertThat(foreign.resolve("keep.txt")).exists();
    }
}
