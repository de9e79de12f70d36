package io.connectorkit.api;

import java.util.Objects;

/**
 * A connector-owned position within a partition, opaque to the host. The host stores it as
 * given (it is usually a small JSON document) and hands it back to the next
 * {@link ConnectorSession#crawl} of the same partition.
 *
 * <p>A checkpoint covers every document emitted before it in the same partition; the host
 * persists it only once all of those are acknowledged by the index.
 *
 * @param value the serialised position, at most {@link #MAX_LENGTH} characters
 */
public record Checkpoint(String value) {
    /** The largest checkpoint a host must accept, in characters. */
    public static final int MAX_LENGTH = 65_536;

    /**
     * Validates the value. Each component is described once, in the record's description.
     *
     * @param value the {@linkplain #value() value}
     * @throws NullPointerException if {@code value} is {@code null}
     * @throws IllegalArgumentException if it is longer than {@link #MAX_LENGTH}
     */
    public Checkpoint {
        Objects.requireNonNull(value, "value");
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "A checkpoint is " + value.length() + " characters; the limit is " + MAX_LENGTH
                            + ": keep positions, not data, in a checkpoint");
        }
    }
}
