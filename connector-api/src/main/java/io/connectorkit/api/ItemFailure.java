package io.connectorkit.api;

import java.util.Objects;

/**
 * One item that could not be crawled or indexed. Failures are recorded by the host and shown in
 * its status; they never stop a partition. A failure belongs to the partition of the
 * {@link Emitter} it is reported to; the host records it there.
 *
 * <p>A failure that carries a {@link #sourceRef()} can be fetched again: the host keeps it in the
 * partition's state and, before the next {@link CrawlMode#INCREMENTAL} crawl of the partition,
 * passes the reference to {@link ConnectorSession#refetch}, a bounded number of times.
 *
 * <p><b>Building one.</b> Use {@link #of} and, for a failure that can be fetched again,
 * {@link #withSourceRef}: components added later get a default there, so such code keeps
 * compiling. The canonical constructor is public only because a record's must be.
 *
 * @param itemId the id of the document that failed, or the source's own id for the item when no
 *     document id could be made
 * @param kind the classification of the failure
 * @param reason one sentence naming the item, what went wrong and, where there is one, the fix
 * @param sourceRef a reference chosen by the connector by which {@link ConnectorSession#refetch}
 *     can fetch the item again (at most {@link #MAX_SOURCE_REF_CHARS} characters), or {@code null}
 *     when it cannot be fetched on its own; several failures (an item and its children) may share
 *     one reference
 */
public record ItemFailure(String itemId, ErrorKind kind, String reason, String sourceRef) {
    /** The longest {@link #sourceRef()} accepted. */
    public static final int MAX_SOURCE_REF_CHARS = 1000;

    /**
     * Validates the components; build failures with {@link #of} and {@link #withSourceRef}. Each
     * component is described once, in the record's description.
     *
     * @param itemId the {@linkplain #itemId() itemId}
     * @param kind the {@linkplain #kind() kind}
     * @param reason the {@linkplain #reason() reason}
     * @param sourceRef the {@linkplain #sourceRef() sourceRef}
     * @throws NullPointerException if {@code itemId}, {@code kind} or {@code reason} is {@code null}
     * @throws IllegalArgumentException if {@code sourceRef} is blank or longer than
     *     {@link #MAX_SOURCE_REF_CHARS}
     */
    public ItemFailure {
        Objects.requireNonNull(itemId, "itemId");
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
     * @param itemId the id of the document that failed, or the source's own id for the item
     * @param kind the classification of the failure
     * @param reason one sentence naming the item, what went wrong and, where there is one, the fix
     * @return the failure
     * @throws NullPointerException if an argument is {@code null}
     */
    public static ItemFailure of(String itemId, ErrorKind kind, String reason) {
        return new ItemFailure(itemId, kind, reason, null);
    }

    /**
     * This failure with a reference by which {@link ConnectorSession#refetch} fetches the item
     * again.
     *
     * @param ref the reference, or {@code null} for none
     * @return a copy of this failure with the reference
     * @throws IllegalArgumentException if {@code ref} is blank or longer than
     *     {@link #MAX_SOURCE_REF_CHARS}
     */
    public ItemFailure withSourceRef(String ref) {
        return new ItemFailure(itemId, kind, reason, ref);
    }
}
