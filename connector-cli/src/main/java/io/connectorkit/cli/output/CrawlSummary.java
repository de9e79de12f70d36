package io.connectorkit.cli.output;

import static io.connectorkit.cli.output.ProgressLine.count;
import static io.connectorkit.cli.output.ProgressLine.duration;

import io.connectorkit.api.ConnectorMetrics;
import io.connectorkit.runtime.CrawlProgress;
import io.connectorkit.runtime.CrawlReport;
import io.connectorkit.runtime.FailedItem;
import io.connectorkit.runtime.FailedPartition;
import io.connectorkit.runtime.FailedRemoval;
import io.connectorkit.runtime.HeldSweep;
import io.connectorkit.runtime.state.LastCrawl;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Prints a crawl report for people, or as a map for {@code --json}. */
public final class CrawlSummary {
    /** The connector's counter of messages found by listing again for late arrivals. */
    static final String LATE_ARRIVALS = "late_arrivals";

    private CrawlSummary() {
    }

    /**
     * The progress line's view of a progress snapshot.
     *
     * @param p the snapshot
     * @return the view
     */
    public static ProgressView view(CrawlProgress p) {
        return new ProgressView(p.partitionsDone(), p.partitionsTotal(), p.documents(), p.bytes(), p.failures(),
                p.elapsed(), metric(p.metrics(), ConnectorMetrics.RATE_LIMITED),
                Duration.ofMillis(metric(p.metrics(), ConnectorMetrics.RATE_LIMIT_WAIT_MILLIS)),
                QuotaView.of(p.metrics(), Instant.now()));
    }

    /**
     * Prints the summary lines.
     *
     * @param out where to print
     * @param report the report
     */
    public static void print(PrintWriter out, CrawlReport report) {
        print(out, report, -1);
    }

    /**
     * Prints the summary lines, with the megabytes sent to the index that the progress line showed.
     *
     * @param out where to print
     * @param report the report
     * @param indexedBytes bytes of documents sent to the index, or negative when not known
     */
    public static void print(PrintWriter out, CrawlReport report, long indexedBytes) {
        print(out, report, indexedBytes, UnaryOperator.identity(), "connector status");
    }

    /**
     * Prints the summary lines, naming the failed items with their reasons passed through
     * {@code redact}.
     *
     * @param out where to print
     * @param report the report
     * @param indexedBytes bytes of documents sent to the index, or negative when not known
     * @param redact masks secrets in the failure reasons
     * @param statusCommand the command that lists every failure, for the line after the named ones
     */
    public static void print(PrintWriter out, CrawlReport report, long indexedBytes, UnaryOperator<String> redact,
            String statusCommand) {
        print(out, report, indexedBytes, redact, statusCommand, PartitionNoun.DEFAULT);
    }

    /**
     * Prints the summary lines in the connector's word for its partitions, naming the failed
     * items with their reasons passed through {@code redact}.
     *
     * @param out where to print
     * @param report the report
     * @param indexedBytes bytes of documents sent to the index, or negative when not known
     * @param redact masks secrets in the failure reasons
     * @param statusCommand the command that lists every failure, for the line after the named ones
     * @param noun what the connector calls its partitions
     */
    public static void print(PrintWriter out, CrawlReport report, long indexedBytes, UnaryOperator<String> redact,
            String statusCommand, PartitionNoun noun) {
        Map<String, Long> m = report.metrics();
        String outcome = report.cancelled() ? "Crawl stopped by request after "
                : report.fatal().isPresent() ? "Crawl ended by an error after " : "Crawl finished in ";
        out.println(outcome + duration(report.duration()));
        out.printf("  %-12s %s crawled, %s failed, %s in scope%n", noun.many(), count(report.partitionsCrawled()),
                count(report.partitionsFailed()), count(report.partitionsTotal()));
        for (FailedPartition failed : report.failedPartitions()) {
            out.printf("    %s failed: %s%n", redact.apply(failed.partition()), redact.apply(oneLine(failed.reason())));
        }
        out.printf("  documents    %s indexed%s, %s deleted%n", count(report.documentsUpserted()),
                indexedBytes < 0 ? "" : " (" + ProgressLine.megabytes(indexedBytes) + ")", count(report.deletions()));
        if (m.containsKey("messages") || m.containsKey("attachments")) {
            out.printf("  messages     %s, attachments %s%n", count(metric(m, "messages")),
                    count(metric(m, "attachments")));
        }
        if (m.containsKey(LATE_ARRIVALS)) {
            out.printf("  late mail    %s late arrivals indexed (listed again for mail archived after its received"
                    + " time)%n", count(metric(m, LATE_ARRIVALS)));
        }
        out.printf("  failures     %s items%n", count(report.itemFailures()));
        for (FailedItem f : report.failedItems()) {
            out.printf("    %s in %s: %s%n", redact.apply(f.failure().itemId()), redact.apply(f.partition()),
                    redact.apply(oneLine(f.failure().reason())));
        }
        long unnamed = report.itemFailures() - report.failedItems().size();
        if (unnamed > 0 && !report.failedItems().isEmpty()) {
            out.printf("    and %s more; '%s' lists them%n", count(unnamed), redact.apply(statusCommand));
        }
        if (m.containsKey(ConnectorMetrics.CALLS)) {
            // The wait is summed over the partitions crawled in parallel: it can exceed the crawl's duration.
            out.printf("  API calls    %s (%s answered 429, %s waited on rate limits summed over parallel %s,"
                    + " %s downloaded)%n",
                    count(metric(m, ConnectorMetrics.CALLS)), count(metric(m, ConnectorMetrics.RATE_LIMITED)),
                    duration(Duration.ofMillis(metric(m, ConnectorMetrics.RATE_LIMIT_WAIT_MILLIS))), noun.many(),
                    ProgressLine.megabytes(metric(m, ConnectorMetrics.BYTES_DOWNLOADED)));
        }
        QuotaView quota = QuotaView.of(m, Instant.now());
        if (quota != null) {
            out.printf("  API quota    %s; %s left in the window that resets at %s%n", quota.advertised(),
                    count(quota.remaining()), quota.resetAt().truncatedTo(ChronoUnit.SECONDS));
        }
        if (report.partitionsRemoved() > 0) {
            out.printf("  removed      %s %s no longer in scope%n", count(report.partitionsRemoved()),
                    noun.count(report.partitionsRemoved()));
        }
        if (!report.dryRunDeletions().isEmpty()) {
            out.printf("  dry run      would remove %s (crawl.deletions.dry-run = true; set it to false to remove"
                    + " them)%n", String.join(", ", report.dryRunDeletions()));
        }
        if (report.deletionRefusal() != null) {
            out.printf("  not removed  %s%n", report.deletionRefusal());
        }
        for (FailedRemoval failed : report.failedRemovals()) {
            out.printf("  not removed  %s: the removal failed (%s); its documents are still in the index, and the"
                    + " next crawl tries again%n", redact.apply(failed.partition()),
                    redact.apply(oneLine(failed.reason())));
        }
        for (HeldSweep held : report.dryRunSweeps()) {
            out.printf("  dry run      %s%n", held.message());
        }
        for (HeldSweep held : report.sweepRefusals()) {
            out.printf("  not swept    %s%n", held.message());
        }
        out.flush();
    }

    /**
     * The report as plain values for {@code --json}.
     *
     * @param report the report
     * @return field name to value
     */
    public static Map<String, Object> json(CrawlReport report) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("outcome", LastCrawl.outcomeOf(report));
        j.put("report", report);
        return j;
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }

    static long metric(Map<String, Long> metrics, String name) {
        Long v = metrics.get(name);
        return v == null ? 0 : v;
    }
}
