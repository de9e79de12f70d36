package io.connectorkit.runtime.index;

/**
 * What a sweep of one partition would delete, counted before it deletes anything.
 *
 * @param swept the partition's documents the sweep would delete (not seen again by the run)
 * @param documents all the partition's documents in the index
 */
public record SweepCount(long swept, long documents) {
    /**
     * Checks the counts.
     *
     * @throws IllegalArgumentException if a count is negative
     */
    public SweepCount {
        if (swept < 0 || documents < 0) {
            throw new IllegalArgumentException("counts must not be negative: " + swept + " of " + documents);
        }
    }
}
