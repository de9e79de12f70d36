package io.connectorkit.runtime;

import static java.util.Objects.requireNonNull;

import io.connectorkit.api.ErrorKind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of one crawl run.
 *
 * @param partitionsTotal partitions listed by the source
 * @param partitionsCrawled partitions whose crawl finished without error
 * @param partitionsFailed partitions whose crawl ended with an error (after retries)
 * @param documentsUpserted documents acknowledged by the index
 * @param deletions documents deleted on the connector's request or by sweeps
 * @param itemFailures items recorded as failed (by the connector or rejected by the index)
 * @param partitionsRemoved partitions no longer listed whose documents were deleted
 * @param deletionRefusal why vanished partitions were not deleted (the mass-deletion breaker),
 *     or {@code null}
 * @param dryRunDeletions partitions that would have been deleted in dry-run mode
 * @param sweepRefusals FULL sweeps the sweep breaker refused: nothing was deleted in those
 *     partitions
 * @param dryRunSweeps FULL sweeps that would have deleted documents in dry-run mode
 * @param cancelled whether the run was cancelled
 * @param fatalKind the kind of the error that ended the run, or {@code null}
 * @param fatalMessage the message of the error that ended the run, or {@code null}
 * @param duration how long the run took
 * @param metrics the connector's counters ({@link io.connectorkit.api.ConnectorMetrics})
 * @param failedItems the first item failures of the run by name (partition, item, reason), at most
 *     a bounded number; {@link #itemFailures} is the exact count
 * @param failedRemovals removals of partitions no longer listed that the index or the state store
 *     refused: their documents are still searchable, and the next crawl tries again
 * @param failedPartitions the partitions whose crawl failed, by name with the reason, in the order
 *     they were listed; {@link #partitionsFailed} counts them
 */
public record CrawlReport(int partitionsTotal, int partitionsCrawled, int partitionsFailed, long documentsUpserted,
        long deletions, long itemFailures, int partitionsRemoved, String deletionRefusal, List<String> dryRunDeletions,
        List<HeldSweep> sweepRefusals, List<HeldSweep> dryRunSweeps, boolean cancelled, ErrorKind fatalKind,
        String fatalMessage, Duration duration, Map<String, Long> metrics, List<FailedItem> failedItems,
        List<FailedRemoval> failedRemovals, List<FailedPartition> failedPartitions) {
    /**
     * Copies the lists.
     *
     * @throws NullPointerException if a list, the duration or the metrics are {@code null}
     */
    public CrawlReport {
        dryRunDeletions = List.copyOf(requireNonNull(dryRunDeletions, "dryRunDeletions"));
        sweepRefusals = List.copyOf(requireNonNull(sweepRefusals, "sweepRefusals"));
        dryRunSweeps = List.copyOf(requireNonNull(dryRunSweeps, "dryRunSweeps"));
        requireNonNull(duration, "duration");
        metrics = Map.copyOf(requireNonNull(metrics, "metrics"));
        failedItems = List.copyOf(requireNonNull(failedItems, "failedItems"));
        failedRemovals = List.copyOf(requireNonNull(failedRemovals, "failedRemovals"));
        failedPartitions = List.copyOf(requireNonNull(failedPartitions, "failedPartitions"));
    }

    /**
     * A report without failed partitions by name.
     *
     * @throws NullPointerException as the canonical constructor
     */
    public CrawlReport(int partitionsTotal, int partitionsCrawled, int partitionsFailed, long documentsUpserted,
            long deletions, long itemFailures, int partitionsRemoved, String deletionRefusal, List<String> dryRunDeletions,
            List<HeldSweep> sweepRefusals, List<HeldSweep> dryRunSweeps, boolean cancelled, ErrorKind fatalKind,
            String fatalMessage, Duration duration, Map<String, Long> metrics, List<FailedItem> failedItems,
            List<FailedRemoval> failedRemovals) {
        this(partitionsTotal, partitionsCrawled, partitionsFailed, documentsUpserted, deletions, itemFailures,
                partitionsRemoved, deletionRefusal, dryRunDeletions, sweepRefusals, dryRunSweeps, cancelled, fatalKind,
                fatalMessage, duration, metrics, failedItems, failedRemovals, List.of());
    }

    /**
     * A report without failed removals.
     *
     * @throws NullPointerException as the canonical constructor
     */
    public CrawlReport(int partitionsTotal, int partitionsCrawled, int partitionsFailed, long documentsUpserted,
            long deletions, long itemFailures, int partitionsRemoved, String deletionRefusal, List<String> dryRunDeletions,
            List<HeldSweep> sweepRefusals, List<HeldSweep> dryRunSweeps, boolean cancelled, ErrorKind fatalKind,
            String fatalMessage, Duration duration, Map<String, Long> metrics, List<FailedItem> failedItems) {
        this(partitionsTotal, partitionsCrawled, partitionsFailed, documentsUpserted, deletions, itemFailures,
                partitionsRemoved, deletionRefusal, dryRunDeletions, sweepRefusals, dryRunSweeps, cancelled, fatalKind,
                fatalMessage, duration, metrics, failedItems, List.of());
    }

    /**
     * A report without failures by name (as before they were kept).
     *
     * @throws NullPointerException as the canonical constructor
     */
    public CrawlReport(int partitionsTotal, int partitionsCrawled, int partitionsFailed, long documentsUpserted,
            long deletions, long itemFailures, int partitionsRemoved, String deletionRefusal, List<String> dryRunDeletions,
            List<HeldSweep> sweepRefusals, List<HeldSweep> dryRunSweeps, boolean cancelled, ErrorKind fatalKind,
            String fatalMessage, Duration duration, Map<String, Long> metrics) {
        this(partitionsTotal, partitionsCrawled, partitionsFailed, documentsUpserted, deletions, itemFailures,
                partitionsRemoved, deletionRefusal, dryRunDeletions, sweepRefusals, dryRunSweeps, cancelled, fatalKind,
                fatalMessage, duration, metrics, List.of());
    }

    /**
     * The error that ended the run, if one did.
     *
     * @return the kind, or empty
     */
    public Optional<ErrorKind> fatal() {
        return Optional.ofNullable(fatalKind);
    }

    /**
     * Whether a deletion breaker kept documents the run would otherwise have deleted: partitions
     * no longer listed, or the documents a FULL sweep did not see again.
     *
     * @return {@code true} when something was refused
     */
    public boolean deletionsRefused() {
        return deletionRefusal != null || !sweepRefusals.isEmpty();
    }

    /**
     * Whether anything went wrong: a fatal error, a failed partition, a failed item or a failed
     * removal of a partition no longer listed.
     *
     * @return {@code true} when the run was clean
     */
    public boolean clean() {
        return fatalKind == null && partitionsFailed == 0 && itemFailures == 0 && failedRemovals.isEmpty();
    }
}
