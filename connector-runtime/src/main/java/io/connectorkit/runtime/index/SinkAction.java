package io.connectorkit.runtime.index;

import static java.util.Objects.requireNonNull;

/**
 * One write to the content index: an upsert (with its JSON source) or a delete.
 *
 * @param id the document id
 * @param partition the partition the document belongs to
 * @param source the document as JSON for an upsert, or {@code null} for a delete
 */
public record SinkAction(String id, String partition, String source) {
    /**
     * Checks the arguments.
     *
     * @throws NullPointerException if {@code id} or {@code partition} is {@code null}
     */
    public SinkAction {
        requireNonNull(id, "id");
        requireNonNull(partition, "partition");
    }

    /**
     * An upsert.
     *
     * @param id the document id
     * @param partition the partition
     * @param json the document source
     * @return the action
     */
    public static SinkAction upsert(String id, String partition, String json) {
        return new SinkAction(id, partition, requireNonNull(json, "json"));
    }

    /**
     * A delete.
     *
     * @param id the document id
     * @param partition the partition
     * @return the action
     */
    public static SinkAction delete(String id, String partition) {
        return new SinkAction(id, partition, null);
    }

    /** @return whether this action deletes */
    public boolean isDelete() {
        return source == null;
    }

    /**
     * A size estimate for batching: the bytes this action adds to a bulk body.
     *
     * @return the estimate
     */
    public long bytes() {
        return 64L + id.length() * 2L + (source == null ? 0 : source.length() * 2L);
    }
}
