package io.connectorkit.runtime.pipeline;

/**
 * Thrown from an emitter once a write of the partition's documents failed for good: the crawl
 * ends, and is retried from the last committed checkpoint.
 */
final class IndexWriteFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    IndexWriteFailedException(String partition, Exception cause) {
        super("Writing documents of partition '" + partition + "' to the index failed: " + cause.getMessage(), cause);
    }
}
