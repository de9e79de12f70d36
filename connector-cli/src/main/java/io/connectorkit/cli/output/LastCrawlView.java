package io.connectorkit.cli.output;

import static io.connectorkit.cli.output.ProgressLine.count;
import static io.connectorkit.cli.output.ProgressLine.duration;

import io.connectorkit.api.ConnectorMetrics;
import io.connectorkit.cli.console.ExitStatus;
import io.connectorkit.runtime.FailedRemoval;
import io.connectorkit.runtime.state.LastCrawl;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/** {@code status}'s view of the source's last crawl: a section for people, a map for {@code --json}. */
public final class LastCrawlView {
    /** The connector's counter of messages the index already held, unchanged. */
    static final String UNCHANGED = "messages_unchanged";

    private LastCrawlView() {
    }

    /** Messages the index already held, when the connector counted any (the Mimecast connector's counter). */
    private static Long unchanged(Map<String, Long> m) {
        return m.get(UNCHANGED);
    }

    /**
     * The exit status the crawl ended with, as {@code crawl} returned it (a crawl stopped by Ctrl-C
     * ends with the signal's status in the shell).
     *
     * @param crawl the record
     * @return the status
     */
    static ExitStatus exitStatus(LastCrawl crawl) {
        switch (crawl.outcome()) {
            case LastCrawl.OK:
                return ExitStatus.OK;
            case LastCrawl.ITEM_FAILURES:
            case LastCrawl.REMOVALS_FAILED:
            case LastCrawl.DELETIONS_REFUSED:
                return ExitStatus.ITEM_FAILURES;
            case LastCrawl.FAILED:
                return crawl.errorKind() == null ? ExitStatus.FATAL : ExitStatus.of(crawl.errorKind());
            default:
                return ExitStatus.FATAL;
        }
    }

    private static String meaning(LastCrawl crawl, PartitionNoun noun) {
        switch (crawl.outcome()) {
            case LastCrawl.OK:
                return "finished";
            case LastCrawl.ITEM_FAILURES:
                return "finished, but items failed";
            case LastCrawl.REMOVALS_FAILED:
                return "finished, but removing " + noun.many() + " no longer listed failed";
            case LastCrawl.DELETIONS_REFUSED:
                return "finished, but a deletion breaker kept documents";
            case LastCrawl.CANCELLED:
                return "stopped by request";
            default:
                return "ended by an error";
        }
    }

    /**
     * Prints the section.
     *
     * @param out where to print
     * @param crawl the record
     * @param redact masks secrets in the error message
     */
    public static void print(PrintWriter out, LastCrawl crawl, UnaryOperator<String> redact) {
        print(out, crawl, redact, PartitionNoun.DEFAULT);
    }

    /**
     * Prints the section in the connector's word for its partitions.
     *
     * @param out where to print
     * @param crawl the record
     * @param redact masks secrets in the error message
     * @param noun what the connector calls its partitions
     */
    public static void print(PrintWriter out, LastCrawl crawl, UnaryOperator<String> redact, PartitionNoun noun) {
        Map<String, Long> m = crawl.metrics();
        out.printf("last crawl%n");
        out.printf("  when          %s to %s (%s)%n", crawl.startedAt(), crawl.endedAt(), duration(crawl.duration()));
        out.printf("  mode          %s%n", crawl.mode());
        out.printf("  outcome       %s: %s (exit %d)%s%n", crawl.outcome(), meaning(crawl, noun), exitStatus(crawl).code(),
                crawl.message() == null ? "" : ": " + redact.apply(crawl.message()));
        out.printf("  %-13s %s crawled, %s failed, %s in scope%n", noun.many(), count(crawl.partitionsCrawled()),
                count(crawl.partitionsFailed()), count(crawl.partitionsTotal()));
        // "unchanged" only when the connector counted some: a connector that does not count them says nothing.
        out.printf("  documents     %s indexed%s, %s deleted, %s failed%n", count(crawl.documentsIndexed()),
                unchanged(m) == null ? "" : ", " + count(unchanged(m)) + " unchanged",
                count(crawl.deletions()), count(crawl.itemFailures()));
        for (FailedRemoval failed : crawl.failedRemovals()) {
            out.printf("  not removed   %s: the removal failed (%s); the next crawl tries again%n",
                    redact.apply(failed.partition()), redact.apply(failed.reason()));
        }
        if (m.containsKey(ConnectorMetrics.CALLS)) {
            out.printf("  API calls     %s (%s answered 429)%n", count(CrawlSummary.metric(m, ConnectorMetrics.CALLS)),
                    count(CrawlSummary.metric(m, ConnectorMetrics.RATE_LIMITED)));
        }
        QuotaView quota = QuotaView.of(m, crawl.endedAt());
        if (quota != null) {
            Instant reset = quota.resetAt().truncatedTo(ChronoUnit.SECONDS);
            out.printf("  API quota     %s; %s left at the end of the last crawl, window %s at %s%n",
                    quota.advertised(), count(quota.remaining()), reset.isAfter(Instant.now()) ? "resets" : "reset",
                    reset);
        }
    }

    /**
     * The record as plain values for {@code --json}.
     *
     * @param crawl the record
     * @return field name to value
     */
    public static Map<String, Object> json(LastCrawl crawl) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("startedAt", crawl.startedAt());
        j.put("endedAt", crawl.endedAt());
        j.put("duration", crawl.duration());
        j.put("mode", crawl.mode());
        j.put("outcome", crawl.outcome());
        j.put("exitStatus", exitStatus(crawl).code());
        j.put("errorKind", crawl.errorKind());
        j.put("message", crawl.message());
        j.put("partitionsTotal", crawl.partitionsTotal());
        j.put("partitionsCrawled", crawl.partitionsCrawled());
        j.put("partitionsFailed", crawl.partitionsFailed());
        j.put("documentsIndexed", crawl.documentsIndexed());
        j.put("documentsUnchanged", unchanged(crawl.metrics()));
        j.put("deletions", crawl.deletions());
        j.put("itemFailures", crawl.itemFailures());
        j.put("failedRemovals", crawl.failedRemovals());
        QuotaView quota = QuotaView.of(crawl.metrics(), crawl.endedAt());
        Map<String, Object> q = null;
        if (quota != null) {
            q = new LinkedHashMap<>();
            q.put("limit", quota.limit());
            q.put("remaining", quota.remaining());
            q.put("resetAt", quota.resetAt());
            q.put("window", quota.window());
        }
        j.put("quota", q);
        j.put("metrics", crawl.sortedMetrics());
        return j;
    }
}
