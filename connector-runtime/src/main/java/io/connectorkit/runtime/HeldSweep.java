package io.connectorkit.runtime;

import static java.util.Objects.requireNonNull;

/**
 * The sweep of one partition after a complete FULL listing that deleted nothing: the sweep
 * breaker ({@code crawl.sweep.max-share}) refused it, or the run was a dry run
 * ({@code crawl.deletions.dry-run}).
 *
 * @param partition the partition
 * @param wouldDelete the partition's documents not seen again, which the sweep would have deleted
 * @param documents all the partition's documents in the index
 * @param message what the sweep did not do and which key changes that
 */
public record HeldSweep(String partition, long wouldDelete, long documents, String message) {
    /**
     * Checks the arguments.
     *
     * @throws NullPointerException if a text is {@code null}
     */
    public HeldSweep {
        requireNonNull(partition, "partition");
        requireNonNull(message, "message");
    }
}
