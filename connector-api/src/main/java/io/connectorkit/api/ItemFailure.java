package io.connectorkit.api;

import java.util.Objects;

/**
 * One item that could not be crawled or indexed. Failures are recorded by the host and shown by
 * status commands; they never stop a partition.
 *
 * <p>A failure that carries a {@link #sourceRef()} can be fetched again: the host keeps it in the
 * partition's state and, before the next {@link CrawlMode#INCREMENTAL} crawl of the partition,
 * passes the reference to {@link ConnectorSession#refetch}, a bounded number of times.
 *
 * @param itemId the id of the document that failed, or the source's own id for the item when no
 *     document id could be made
 * @param partition the partition the item belongs to
 * @param kind the classification of the failure
 * @param reason one sentence naming the item, what went wrong and, where there is one, the fix
 * @param sourceRef a reference chosen by the connector by which {@link ConnectorSession#refetch}
 *     can fetch the item again (at most 1,000 characters), or {@code null} when it cannot be fetched
 *     on its own; several failures (an item and its children) may share one reference
 */
public record ItemFailure(String itemId, String partition, ErrorKind kind, String reason, String sourceRef) {
    /** The longest {@link #sourceRef()} accepted. */
    public static final int MAX_SOURCE_REF_CHARS = 1000;

    /**
     * Validates and copies the components.
     *
     * @param itemId the id of the document that failed, or the source's own id for the item when no document id could be made
     * @param partition the partition the item belongs to
     * @param kind the classification of the failure
     * @param reason one sentence naming the item, what went wrong and, where there is one, the fix
     * @param sourceRef the reference {@link ConnectorSession#refetch} fetches the item again by, or {@code null}
     * @throws IllegalArgumentException if {@code sourceRef} is blank or longer than {@link #MAX_SOURCE_REF_CHARS}
     */
    public ItemFailure {
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(partition, "partition");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
        if (sourceRef != null && (sourceRef.isBlank() || sourceRef.length() > MAX_SOURCE_REF_CHARS)) {
            throw new IllegalArgumentException("The source reference of failed item " + itemId + " is "
                    + (sourceRef.isBlank() ? "blank" : sourceRef.length() + " characters long")
                    + "; give null, or a reference of 1 to " + MAX_SOURCE_REF_CHARS + " characters");
        }
    }

    /**
     * A failure that cannot be fetched again on its own (no source reference).
     *
     * @param itemId the id of the document that failed, or the source's own id for the item when no document id could be made
     * @param partition the partition the item belongs to
     * @param kind the classification of the failure
     * @param reason one sentence naming the item, what went wrong and, where there is one, the fix
     */
    public ItemFailure(String itemId, String partition, ErrorKind kind, String reason) {
        this(itemId, partition, kind, reason, null);
    }
}
