package io.connectorkit.runtime.state;

import static java.util.Objects.requireNonNull;

/**
 * One item failure kept in a partition's state.
 *
 * @param itemId the failed item
 * @param kind the error kind name
 * @param reason one sentence on what went wrong
 * @param retries how many later runs failed on the same item again
 */
public record FailureRecord(String itemId, String kind, String reason, int retries) {
    /**
     * Checks the arguments.
     *
     * @throws NullPointerException if a text is {@code null}
     */
    public FailureRecord {
        requireNonNull(itemId, "itemId");
        requireNonNull(kind, "kind");
        requireNonNull(reason, "reason");
    }
}
