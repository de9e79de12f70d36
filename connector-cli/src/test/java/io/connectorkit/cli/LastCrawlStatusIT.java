package io.connectorkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.connectorkit.cli.output.ProgressLine;
import io.connectorkit.embedded.EmbeddedSearchNode;
import io.connectorkit.embedded.testing.SharedSearchNode;
import io.connectorkit.simulator.archive.ArchiveGenerator;
import io.connectorkit.simulator.mimecast.FakeMimecastServer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code status} shows the last crawl and the API quota it saw, through the command against the
 * fake Mimecast server in its quota mode and the shared embedded index.
 */
@ExtendWith(SharedSearchNode.class)
class LastCrawlStatusIT {
    private static final String SECRET = "s3cret-Value-4417";
    private static final FakeTenant TENANT = new FakeTenant(LastCrawlStatusIT.class, "cli-client", SECRET);
    private EmbeddedSearchNode node;

    @TempDir
    Path dir;

    @BeforeEach
    void useIndex(EmbeddedSearchNode shared) {
        node = shared;
    }

    @Test
    void statusShowsTheLastCrawlAndTheQuotaItSaw() throws IOException {
        try (FakeMimecastServer server = TENANT.server(
                ArchiveGenerator.seed(11).domains(1).localDomains(1).usersPerDomain(2).messagesPerView(4)
                        .generate())
                .quota(500, Duration.ofSeconds(10)).start()) {
            String file = TENANT.config("last-crawl", server, node.url()).with(Map.of()).write(dir).toString();

            CliRun before = TENANT.run("status", "--config", file);
            assertThat(before.status).as(before.toString()).isZero();
            assertThat(before.out).as("nothing recorded: the output is as before").startsWith("Nothing crawled yet")
                    .doesNotContain("last crawl");
            assertThat(TENANT.run("status", "--json", "--config", file).out.trim()).isEqualTo("[]");

            Instant started = Instant.now();
            CliRun crawl = TENANT.run("crawl", "--json", "--config", file);
            assertThat(crawl.status).as(crawl.toString()).isZero();
            JsonObject report = JsonParser.parseString(crawl.out).getAsJsonObject().getAsJsonObject("report");
            JsonObject metrics = report.getAsJsonObject("metrics");
            long remaining = metrics.get("quota_remaining").getAsLong();
            long calls = metrics.get("calls").getAsLong();
            assertThat(remaining).as("calls left in the window").isBetween(0L, 500L - 1);

            CliRun status = TENANT.run("status", "--config", file);
            assertThat(status.status).as(status.toString()).isZero();
            assertThat(status.out).contains("\nlast crawl\n", "  mode          INCREMENTAL\n",
                    "  outcome       ok: finished (exit 0)\n",
                    "  documents     " + ProgressLine.count(report.get("documentsUpserted").getAsLong())
                            + " indexed, 0 deleted, 0 failed\n",
                    "  mailboxes     2 crawled, 0 failed, 2 in scope\n",
                    "  API calls     " + ProgressLine.count(calls) + " (0 answered 429)\n")
                    .containsPattern("  when          \\S+Z to \\S+Z \\(\\S+\\)\n")
                    .containsPattern("  API quota     500 calls per window of \\d+\\.\\ds as advertised; " + remaining
                            + " left at the end of the last crawl, window resets? at \\S+Z\n");

            CliRun json = TENANT.run("status", "--json", "--config", file);
            assertThat(json.status).as(json.toString()).isZero();
            JsonArray partitions = JsonParser.parseString(json.out).getAsJsonArray();
            assertThat(partitions).hasSize(report.get("partitionsTotal").getAsInt());
            for (JsonElement p : partitions) {
                JsonObject o = p.getAsJsonObject();
                assertThat(o.has("partition") && o.has("documents") && o.has("checkpoint")).as("fields kept").isTrue();
                JsonObject last = o.getAsJsonObject("lastCrawl");
                assertThat(last.get("mode").getAsString()).isEqualTo("INCREMENTAL");
                assertThat(last.get("outcome").getAsString()).isEqualTo("ok");
                assertThat(last.get("exitStatus").getAsInt()).isZero();
                assertThat(Instant.parse(last.get("startedAt").getAsString())).isAfterOrEqualTo(started)
                        .isBeforeOrEqualTo(Instant.parse(last.get("endedAt").getAsString()));
                assertThat(last.get("documentsIndexed").getAsLong()).isEqualTo(
                        report.get("documentsUpserted").getAsLong());
                assertThat(last.get("documentsUnchanged").isJsonNull()).as("none counted: all were new").isTrue();
                assertThat(last.get("itemFailures").getAsLong()).isZero();
                JsonObject quota = last.getAsJsonObject("quota");
                assertThat(quota.get("limit").getAsLong()).isEqualTo(500);
                assertThat(quota.get("remaining").getAsLong()).isEqualTo(remaining);
                assertThat(quota.get("resetAt").getAsString()).endsWith("Z");
                assertThat(last.getAsJsonObject("metrics")).isEqualTo(metrics);
            }

            // A FULL crawl of the unchanged archive replaces the record; the index already holds every message.
            CliRun full = TENANT.run("crawl", "--full", "--config", file);
            assertThat(full.status).as(full.toString()).isZero();
            CliRun after = TENANT.run("status", "--config", file);
            assertThat(after.out).as(after.toString()).contains("  mode          FULL\n").containsPattern(
                    "  documents     [\\d,]+ indexed, [1-9][\\d,]* unchanged, 0 deleted, 0 failed\n");
        }
    }
}
