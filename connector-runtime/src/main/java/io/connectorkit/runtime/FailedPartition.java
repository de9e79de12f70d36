package io.connectorkit.runtime;

import static java.util.Objects.requireNonNull;

/**
 * A partition whose crawl ended with an error after its retries, such as a sweep the index
 * refused: its checkpoint did not move, and the next crawl crawls it again.
 *
 * @param partition the partition
 * @param reason why its crawl failed, as recorded in its state
 */
public record FailedPartition(String partition, String reason) {
    /**
     * Checks the arguments.
     *
     * @throws NullPointerException if a text is {@code null}
     */
    public FailedPartition {
        requireNonNull(partition, "partition");
        requireNonNull(reason, "reason");
    }
}
