package io.connectorkit.runtime;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * What the host knows about one partition, for status output.
 *
 * @param partition the partition id
 * @param checkpoint the persisted checkpoint described by the connector, or an empty string
 * @param lastSuccess when a crawl of the partition last finished without error, or {@code null}
 * @param documents documents of the partition in the index
 * @param failures items recorded as failed and not yet crawled successfully
 * @param recentFailures the latest failure reasons (a few)
 * @param sweepNote why the last FULL sweep deleted nothing (refused by {@code crawl.sweep.max-share},
 *     or a dry run) with what it would have deleted, or {@code null} when it ran or none was due
 * @param retrying of the failures, how many the next incremental crawl tries again: items it fetches again by
 *     reference, and a failed crawl of the partition, which it resumes
 * @param permanent of the failures, how many failed {@code FailureRecord.ITEM_TRIES} times and are
 *     no longer fetched again (a FULL crawl still lists them); the rest of the failures (neither
 *     retrying nor permanent) cannot be fetched on their own, or are beyond the kept list, and wait
 *     for a FULL crawl
 */
public record PartitionStatus(String partition, String checkpoint, Instant lastSuccess, long documents,
        long failures, List<String> recentFailures, String sweepNote, long retrying, long permanent) {
    /**
     * Copies the list.
     *
     * @throws NullPointerException if {@code partition}, {@code checkpoint} or the list is {@code null}
     */
    public PartitionStatus {
        requireNonNull(partition, "partition");
        requireNonNull(checkpoint, "checkpoint");
        recentFailures = List.copyOf(requireNonNull(recentFailures, "recentFailures"));
    }

    /**
     * A status without a breakdown of the failures.
     *
     * @param partition the partition id
     * @param checkpoint the persisted checkpoint described by the connector, or an empty string
     * @param lastSuccess when a crawl of the partition last finished without error, or {@code null}
     * @param documents documents of the partition in the index
     * @param failures items recorded as failed and not yet crawled successfully
     * @param recentFailures the latest failure reasons (a few)
     * @param sweepNote why the last FULL sweep deleted nothing, or {@code null}
     */
    public PartitionStatus(String partition, String checkpoint, Instant lastSuccess, long documents,
            long failures, List<String> recentFailures, String sweepNote) {
        this(partition, checkpoint, lastSuccess, documents, failures, recentFailures, sweepNote, 0, 0);
    }
}
