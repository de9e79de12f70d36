package io.connectorkit.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectorkit.simulator.mimecast.ManualClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProgressPrinterTest {
    private final StringWriter err = new StringWriter();
    private final ManualClock clock = new ManualClock(Instant.parse("2024-01-01T00:00:00Z"));

    private static ProgressView view(int done, long docs) {
        return new ProgressView(done, 4, docs, 3 * 1024 * 1024, 0, Duration.ofSeconds(10), 2, Duration.ofMillis(1500));
    }

    @Test
    void lineShowsMailboxesDocumentsSizeRateEtaAndRateLimitWaits() {
        String line = ProgressLine.render(new ProgressView(1, 4, 2500, 5 * 1024 * 1024, 3, Duration.ofSeconds(10), 2,
                Duration.ofMillis(1500)));
        assertThat(line).isEqualTo(
                "partitions 1/4 | 2,500 docs | 5.0 MB indexed | 250 docs/s | ETA 30.0s | 3 failed | rate-limit waits 2 (1.5s summed)");
    }

    @Test
    void aSpentQuotaShowsTheWaitAndTheEtaCountsTheWindowsStillNeeded() {
        Instant now = Instant.parse("2026-12-02T13:00:00Z");
        // 1 of 4 mailboxes in 10 s with 600 calls: 1,800 calls to go against 500 per minute, none left now.
        QuotaView quota = new QuotaView(500, 0, now.plusSeconds(40), Duration.ofMinutes(1), now.plusSeconds(40), 600,
                now);
        ProgressView view = new ProgressView(1, 4, 2500, 0, 0, Duration.ofSeconds(10), 0, Duration.ZERO, quota);
        assertThat(view.eta()).as("to the reset, then three more windows").isEqualTo(Duration.ofSeconds(40 + 180));
        assertThat(ProgressLine.render(view)).endsWith(" | waiting for the API quota until 2026-12-02T13:00:40Z");
        QuotaView ample = new QuotaView(100_000, 90_000, now.plusSeconds(40), Duration.ofHours(1), null, 600, now);
        ProgressView fast = new ProgressView(1, 4, 2500, 0, 0, Duration.ofSeconds(10), 0, Duration.ZERO, ample);
        assertThat(fast.eta()).as("an ample quota leaves the estimate by share").isEqualTo(Duration.ofSeconds(30));
        assertThat(ProgressLine.render(fast)).doesNotContain("waiting");
    }

    @Test
    void unknownTotalAndNothingDoneShowQuestionMarks() {
        String line = ProgressLine.render(new ProgressView(0, -1, 0, 0, 0, Duration.ZERO, 0, Duration.ZERO));
        assertThat(line).contains("partitions 0/?", "ETA ?", "rate-limit waits 0").doesNotContain("failed");
    }

    @Test
    void durationsReadNaturally() {
        assertThat(ProgressLine.duration(Duration.ofMillis(850))).isEqualTo("850ms");
        assertThat(ProgressLine.duration(Duration.ofSeconds(185))).isEqualTo("3m05s");
        assertThat(ProgressLine.duration(Duration.ofMinutes(124))).isEqualTo("2h04m");
    }

    @Test
    void plainOutputPrintsWholeLinesAtTheInterval() {
        ProgressPrinter printer = new ProgressPrinter(new PrintWriter(err), false, clock, Duration.ofSeconds(10));
        printer.update(view(0, 10));
        clock.advance(Duration.ofSeconds(5));
        printer.update(view(1, 20));
        clock.advance(Duration.ofSeconds(6));
        printer.update(view(2, 30));
        printer.finish();
        assertThat(err.toString()).doesNotContain("\r");
        assertThat(err.toString().lines()).hasSize(2);
        assertThat(err.toString().lines().toList().get(1)).startsWith("partitions 2/4 | 30 docs");
    }

    @Test
    void plainOutputAlwaysEndsWithTheFinalState() {
        ProgressPrinter printer = new ProgressPrinter(new PrintWriter(err), false, clock, Duration.ofSeconds(10));
        printer.update(view(0, 10));
        clock.advance(Duration.ofSeconds(1));
        printer.update(view(4, 99));
        printer.finish();
        assertThat(err.toString().lines().toList()).hasSize(2).last().asString().startsWith("partitions 4/4 | 99 docs");
    }

    @Test
    void terminalOutputRewritesOneLineAndEndsIt() {
        ProgressPrinter printer = new ProgressPrinter(new PrintWriter(err), true, clock, Duration.ofSeconds(10));
        printer.update(view(0, 1_000_000));
        clock.advance(Duration.ofSeconds(1));
        printer.update(view(1, 5));
        printer.finish();
        String text = err.toString();
        assertThat(text).startsWith("\rpartitions 0/4").endsWith("\n");
        assertThat(text.chars().filter(c -> c == '\n').count()).isEqualTo(1);
        String[] frames = text.substring(0, text.length() - 1).split("\r");
        // The shorter line is padded to cover the longer one before it.
        assertThat(frames[frames.length - 1].length()).isGreaterThanOrEqualTo(frames[1].length());
    }
}
