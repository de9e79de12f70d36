package io.connectorkit.runtime.state;

import static java.util.Objects.requireNonNull;

/**
 * One item failure kept in a partition's state.
 *
 * @param itemId the failed item
 * @param kind the error kind name
 * @param reason one sentence on what went wrong
 * @param retries how many later tries failed on the same item again (so it was tried
 *     {@code retries + 1} times)
 * @param sourceRef the connector's reference to fetch the item again by, or {@code null} when it
 *     cannot be fetched on its own
 * @param permanent whether the item failed {@link #ITEM_TRIES} times and is no longer fetched again
 *     (a FULL crawl still lists it)
 */
public record FailureRecord(String itemId, String kind, String reason, int retries, String sourceRef,
        boolean permanent) {
    /** How many times an item is tried (its first crawl included) before it is declared permanent. */
    public static final int ITEM_TRIES = 5;
    /** The item id of a failure of the whole partition's crawl, which the next crawl resumes. */
    public static final String PARTITION = "(partition)";

    /**
     * Checks the arguments.
     *
     * @throws NullPointerException if a text other than {@code sourceRef} is {@code null}
     */
    public FailureRecord {
        requireNonNull(itemId, "itemId");
        requireNonNull(kind, "kind");
        requireNonNull(reason, "reason");
    }

    /**
     * A failure without a source reference, not permanent.
     *
     * @param itemId the failed item
     * @param kind the error kind name
     * @param reason one sentence on what went wrong
     * @param retries how many later tries failed on the same item again
     */
    public FailureRecord(String itemId, String kind, String reason, int retries) {
        this(itemId, kind, reason, retries, null, false);
    }

    /**
     * How many times the item was tried and failed.
     *
     * @return {@code retries + 1}
     */
    public int tries() {
        return retries + 1;
    }

    /**
     * Whether the next incremental crawl fetches the item again.
     *
     * @return {@code true} for a failure with a source reference that is not permanent
     */
    public boolean retrying() {
        return sourceRef != null && !permanent;
    }

    /**
     * Whether the next incremental crawl tries it again: a failure with a source reference that is
     * not permanent (fetched again by reference), or the failure of the whole partition's crawl
     * (which resumes from its checkpoint).
     *
     * @return {@code true} if the next crawl retries it
     */
    public boolean retriedByNextCrawl() {
        return retrying() || (PARTITION.equals(itemId) && !permanent);
    }
}
