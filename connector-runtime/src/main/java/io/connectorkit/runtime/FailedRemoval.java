package io.connectorkit.runtime;

import static java.util.Objects.requireNonNull;

/**
 * A partition no longer listed whose removal failed: its documents (or its state) are still in the
 * index, and the next crawl, which finds it vanished again, tries once more.
 *
 * @param partition the partition
 * @param reason why the index refused, as it said it
 */
public record FailedRemoval(String partition, String reason) {
    /** @throws NullPointerException if an argument is {@code null} */
    public FailedRemoval {
        requireNonNull(partition, "partition");
        requireNonNull(reason, "reason");
    }
}
