package io.connectorkit.runtime.state;

import static java.util.Objects.requireNonNull;

import io.connectorkit.api.Checkpoint;
import java.time.Instant;
import java.util.List;

/**
 * The persisted state of one partition of one source.
 *
 * @param partition the partition id
 * @param checkpoint the last committed checkpoint, or {@code null} for none
 * @param generation the generation of the last run that wrote the partition
 * @param lastSuccess when a crawl of the partition last finished without error, or {@code null}
 * @param failures the item failures not yet resolved (the latest ones, capped)
 * @param failureCount how many item failures are unresolved in total
 * @param seqNo the stored document's sequence number, or -1 when not stored yet
 * @param primaryTerm the stored document's primary term, or -1 when not stored yet
 * @param sweepNote why the last FULL sweep of the partition deleted nothing (the sweep breaker
 *     refused it, or a dry run), or {@code null} when it ran or none was due
 */
public record PartitionState(String partition, Checkpoint checkpoint, long generation, Instant lastSuccess,
        List<FailureRecord> failures, long failureCount, long seqNo, long primaryTerm, String sweepNote) {
    /**
     * Copies the failures.
     *
     * @throws NullPointerException if {@code partition} or {@code failures} is {@code null}
     */
    public PartitionState {
        requireNonNull(partition, "partition");
        failures = List.copyOf(requireNonNull(failures, "failures"));
    }

    /**
     * A state without a sweep note.
     *
     * @param partition the partition id
     * @param checkpoint the last committed checkpoint, or {@code null} for none
     * @param generation the generation of the last run that wrote the partition
     * @param lastSuccess when a crawl of the partition last finished without error, or {@code null}
     * @param failures the item failures not yet resolved (the latest ones, capped)
     * @param failureCount how many item failures are unresolved in total
     * @param seqNo the stored document's sequence number, or -1 when not stored yet
     * @param primaryTerm the stored document's primary term, or -1 when not stored yet
     */
    public PartitionState(String partition, Checkpoint checkpoint, long generation, Instant lastSuccess,
            List<FailureRecord> failures, long failureCount, long seqNo, long primaryTerm) {
        this(partition, checkpoint, generation, lastSuccess, failures, failureCount, seqNo, primaryTerm, null);
    }

    /**
     * The state of a partition never crawled.
     *
     * @param partition the partition id
     * @return the empty state
     */
    public static PartitionState initial(String partition) {
        return new PartitionState(partition, null, 0, null, List.of(), 0, -1, -1);
    }

    /**
     * A copy with another checkpoint.
     *
     * @param value the checkpoint, or {@code null}
     * @return the copy
     */
    public PartitionState withCheckpoint(Checkpoint value) {
        return new PartitionState(partition, value, generation, lastSuccess, failures, failureCount, seqNo, primaryTerm,
                sweepNote);
    }

    /**
     * A copy with the storage coordinates of a write.
     *
     * @param newSeqNo the sequence number
     * @param newPrimaryTerm the primary term
     * @return the copy
     */
    public PartitionState stored(long newSeqNo, long newPrimaryTerm) {
        return new PartitionState(partition, checkpoint, generation, lastSuccess, failures, failureCount, newSeqNo,
                newPrimaryTerm, sweepNote);
    }
}
