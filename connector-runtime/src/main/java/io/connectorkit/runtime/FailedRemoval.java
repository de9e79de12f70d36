package io.connectorkit.runtime;

import static java.util.Objects.requireNonNull;

/**
 * The removal of one partition that a complete listing no longer returned, which the index or the
 * state store refused. Its documents (or its state) are still there; the next crawl sees the
 * partition missing again and tries once more.
 *
 * @param partition the partition
 * @param reason why the removal failed
 */
public record FailedRemoval(String partition, String reason) {
    /**
     * Checks the arguments.
     *
     * @throws NullPointerException if a text is {@code null}
     */
    public FailedRemoval {
        requireNonNull(partition, "partition");
        requireNonNull(reason, "reason");
    }
}
