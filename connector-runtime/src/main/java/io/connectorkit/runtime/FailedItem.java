package io.connectorkit.runtime;

import static java.util.Objects.requireNonNull;

import io.connectorkit.api.ItemFailure;

/**
 * An item failure with the partition it was reported in. A connector reports a failure to the
 * emitter of its partition, so the failure itself names none; the host pairs them here.
 *
 * @param partition the id of the partition whose emitter received the failure
 * @param failure what failed and why
 */
public record FailedItem(String partition, ItemFailure failure) {
    /**
     * Validates the components.
     *
     * @throws NullPointerException if a component is {@code null}
     */
    public FailedItem {
        requireNonNull(partition, "partition");
        requireNonNull(failure, "failure");
    }
}
