package io.connectorkit.runtime.state;

import static java.util.Objects.requireNonNull;

import io.connectorkit.api.CrawlMode;
import io.connectorkit.api.ErrorKind;
import io.connectorkit.runtime.CrawlReport;
import io.connectorkit.runtime.FailedRemoval;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The record of a source's last crawl, whatever its outcome, as the host keeps it in the state
 * index ({@link LastCrawlStore}) for {@code status}.
 *
 * @param startedAt when the crawl started (after it took the crawl lease)
 * @param endedAt when it ended
 * @param mode INCREMENTAL or FULL
 * @param outcome {@link #OK}, {@link #ITEM_FAILURES}, {@link #REMOVALS_FAILED}, {@link #DELETIONS_REFUSED}, {@link #FAILED}
 *     or {@link #CANCELLED}: the words of {@code crawl --json}'s {@code outcome}
 * @param errorKind the kind of the error that ended the crawl, or {@code null}
 * @param message the message of the error that ended the crawl, or {@code null}
 * @param partitionsTotal partitions listed by the source
 * @param partitionsCrawled partitions whose crawl finished without error
 * @param partitionsFailed partitions whose crawl ended with an error
 * @param documentsIndexed documents acknowledged by the index
 * @param deletions documents deleted
 * @param itemFailures items recorded as failed
 * @param metrics the connector's counters and gauges as they stood at the end (the API quota among them)
 * @param failedRemovals the removals of partitions no longer listed that failed: their documents
 *     are still in the index, and the next crawl tries again
 */
public record LastCrawl(Instant startedAt, Instant endedAt, CrawlMode mode, String outcome, ErrorKind errorKind,
        String message, int partitionsTotal, int partitionsCrawled, int partitionsFailed, long documentsIndexed,
        long deletions, long itemFailures, Map<String, Long> metrics, List<FailedRemoval> failedRemovals) {
    /** Outcome: finished cleanly. */
    public static final String OK = "ok";
    /** Outcome: finished, but items or partitions failed. */
    public static final String ITEM_FAILURES = "item-failures";
    /**
     * Outcome: finished, but the removal of a partition no longer listed failed (its documents are
     * still searchable; the next crawl tries again).
     */
    public static final String REMOVALS_FAILED = "removals-failed";
    /** Outcome: finished, but a deletion breaker kept documents. */
    public static final String DELETIONS_REFUSED = "deletions-refused";
    /** Outcome: an error ended the crawl (the source, the index, an outage of either). */
    public static final String FAILED = "failed";
    /** Outcome: stopped by request. */
    public static final String CANCELLED = "cancelled";

    /**
     * Checks and copies the components.
     *
     * @throws NullPointerException if an instant, the mode, the outcome or the metrics are {@code null}
     */
    public LastCrawl {
        requireNonNull(startedAt, "startedAt");
        requireNonNull(endedAt, "endedAt");
        requireNonNull(mode, "mode");
        requireNonNull(outcome, "outcome");
        metrics = Map.copyOf(requireNonNull(metrics, "metrics"));
        failedRemovals = List.copyOf(requireNonNull(failedRemovals, "failedRemovals"));
    }

    /**
     * A record without failed removals, as crawls were recorded before removals could fail visibly.
     *
     * @throws NullPointerException as the canonical constructor
     */
    public LastCrawl(Instant startedAt, Instant endedAt, CrawlMode mode, String outcome, ErrorKind errorKind,
            String message, int partitionsTotal, int partitionsCrawled, int partitionsFailed, long documentsIndexed,
            long deletions, long itemFailures, Map<String, Long> metrics) {
        this(startedAt, endedAt, mode, outcome, errorKind, message, partitionsTotal, partitionsCrawled,
                partitionsFailed, documentsIndexed, deletions, itemFailures, metrics, List.of());
    }

    /**
     * The outcome of a crawl in one word, as {@code crawl --json} and {@code status} say it.
     *
     * @param report the report
     * @return one of the outcome constants
     */
    public static String outcomeOf(CrawlReport report) {
        return report.cancelled() ? CANCELLED : report.fatal().isPresent() ? FAILED
                : report.itemFailures() > 0 || report.partitionsFailed() > 0 ? ITEM_FAILURES
                : !report.failedRemovals().isEmpty() ? REMOVALS_FAILED
                : report.deletionsRefused() ? DELETIONS_REFUSED : OK;
    }

    /**
     * The record of a crawl that produced a report.
     *
     * @param report the report
     * @param mode the crawl's mode
     * @param startedAt when it started
     * @param endedAt when it ended
     * @return the record
     */
    public static LastCrawl of(CrawlReport report, CrawlMode mode, Instant startedAt, Instant endedAt) {
        return new LastCrawl(startedAt, endedAt, mode, outcomeOf(report), report.fatalKind(), report.fatalMessage(),
                report.partitionsTotal(), report.partitionsCrawled(), report.partitionsFailed(),
                report.documentsUpserted(), report.deletions(), report.itemFailures(), report.metrics(),
                report.failedRemovals());
    }

    /**
     * The record of a crawl that ended by an error before it had a report (the session did not open).
     *
     * @param mode the crawl's mode
     * @param startedAt when it started
     * @param endedAt when it ended
     * @param kind the error's kind
     * @param message the error's message
     * @param metrics the connector's counters so far
     * @return the record
     */
    public static LastCrawl failed(CrawlMode mode, Instant startedAt, Instant endedAt, ErrorKind kind, String message,
            Map<String, Long> metrics) {
        return new LastCrawl(startedAt, endedAt, mode, FAILED, kind, message, 0, 0, 0, 0, 0, 0, metrics);
    }

    /** @return how long the crawl took */
    public Duration duration() {
        return Duration.between(startedAt, endedAt);
    }

    /** @return the metrics sorted by name */
    public Map<String, Long> sortedMetrics() {
        return new TreeMap<>(metrics);
    }
}
