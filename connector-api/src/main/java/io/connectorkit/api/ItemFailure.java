package io.connectorkit.api;

import java.util.Objects;

/**
 * One item that could not be crawled or indexed. Failures are recorded by the host and shown by
 * status commands; they never stop a partition.
 *
 * @param itemId the id of the document that failed, or the source's own id for the item when no
 *     document id could be made
 * @param partition the partition the item belongs to
 * @param kind the classification of the failure
 * @param reason one sentence naming the item, what went wrong and, where there is one, the fix
 */
public record ItemFailure(String itemId, String partition, ErrorKind kind, String reason) {
    /**
     * Validates and copies the components.
     *
     * @param itemId the id of the document that failed, or the source's own id for the item when no document id could be made
     * @param partition the partition the item belongs to
     * @param kind the classification of the failure
     * @param reason one sentence naming the item, what went wrong and, where there is one, the fix 
     */
    public ItemFailure {
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(partition, "partition");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
    }
}
