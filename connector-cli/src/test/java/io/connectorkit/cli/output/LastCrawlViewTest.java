package io.connectorkit.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectorkit.api.ConnectorMetrics;
import io.connectorkit.api.CrawlMode;
import io.connectorkit.api.ErrorKind;
import io.connectorkit.runtime.state.LastCrawl;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LastCrawlViewTest {
    private static final Instant START = Instant.parse("2026-12-02T10:00:00Z");
    private static final Instant END = Instant.parse("2026-12-02T10:00:07.500Z");

    private static String print(LastCrawl crawl) {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        LastCrawlView.print(out, crawl, s -> s.replace("hunter2", "****"), PartitionNoun.of("mailbox"));
        out.flush();
        return text.toString();
    }

    @Test
    void aCrawlEndedByAnErrorShowsItsExitStatusAndMessageMaskedAndNoQuotaWhenNoneWasAdvertised() {
        LastCrawl failed = LastCrawl.failed(CrawlMode.FULL, START, END, ErrorKind.AUTHENTICATION,
                "The client secret hunter2 was rejected", Map.of(ConnectorMetrics.CALLS, 1L));
        assertThat(print(failed)).isEqualTo("""
                last crawl
                  when          2026-12-02T10:00:00Z to 2026-12-02T10:00:07.500Z (7.5s)
                  mode          FULL
                  outcome       failed: ended by an error (exit 3): The client secret **** was rejected
                  mailboxes     0 crawled, 0 failed, 0 in scope
                  documents     0 indexed, 0 deleted, 0 failed
                  API calls     1 (0 answered 429)
                """);
        assertThat(LastCrawlView.json(failed)).containsEntry("exitStatus", 3).containsEntry("quota", null)
                .containsEntry("documentsUnchanged", null).containsEntry("errorKind", ErrorKind.AUTHENTICATION);
    }

    @Test
    void eachOutcomeHasTheExitStatusTheCrawlEndedWith() {
        Map<String, Integer> expected = Map.of(LastCrawl.OK, 0, LastCrawl.ITEM_FAILURES, 1,
                LastCrawl.REMOVALS_FAILED, 1, LastCrawl.DELETIONS_REFUSED, 1, LastCrawl.CANCELLED, 4);
        expected.forEach((outcome, code) -> assertThat(LastCrawlView.exitStatus(new LastCrawl(START, END,
                CrawlMode.INCREMENTAL, outcome, null, null, 1, 1, 0, 5, 0, 0, Map.of())).code()).as(outcome)
                .isEqualTo(code));
        assertThat(LastCrawlView.exitStatus(LastCrawl.failed(CrawlMode.FULL, START, END, ErrorKind.TRANSIENT, "down",
                Map.of())).code()).isEqualTo(4);
    }

    @Test
    void theQuotaIsShownAsTheLastAnswersAdvertisedIt() {
        long reset = Instant.parse("2026-12-02T10:00:09.250Z").toEpochMilli();
        LastCrawl crawl = new LastCrawl(START, END, CrawlMode.INCREMENTAL, LastCrawl.OK, null, null, 2, 2, 0, 1200, 3,
                0, Map.of(ConnectorMetrics.CALLS, 512L, ConnectorMetrics.QUOTA_LIMIT, 500L,
                        ConnectorMetrics.QUOTA_REMAINING, 0L, ConnectorMetrics.QUOTA_RESET_AT_MILLIS, reset,
                        ConnectorMetrics.QUOTA_WINDOW_MILLIS, 9_900L, LastCrawlView.UNCHANGED, 40L));
        assertThat(print(crawl)).contains("  documents     1,200 indexed, 40 unchanged, 3 deleted, 0 failed\n",
                "  API calls     512 (0 answered 429)\n",
                "  API quota     500 calls per window of 10.0s as advertised; 0 left at the end of the last crawl,"
                        + " window reset at 2026-12-02T10:00:09Z\n");
        @SuppressWarnings("unchecked")
        Map<String, Object> quota = (Map<String, Object>) LastCrawlView.json(crawl).get("quota");
        assertThat(quota).containsEntry("limit", 500L).containsEntry("remaining", 0L)
                .containsEntry("resetAt", Instant.ofEpochMilli(reset));
    }
}
