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
 */
public record PartitionStatus(String partition, String checkpoint, Instant lastSuccess, long documents,
        long failures, List<String> recentFailures, String sweepNote) {
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
}
