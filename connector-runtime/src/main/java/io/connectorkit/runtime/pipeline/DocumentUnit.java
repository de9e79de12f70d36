package io.connectorkit.runtime.pipeline;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.Set;

/**
 * A document and the documents emitted right after it as its children (an email and its
 * attachments): one unit for the index and for checkpoints. The emitter queues the children as
 * they come and the root only when the unit ends, and the bulk writer sends the root in a later
 * request than its children. So a root in the index means that its children were acknowledged
 * before it, and a connector that finds the root at its version there may skip the whole unit.
 *
 * <p>A unit whose child could not be indexed (reported as a failure, or refused by the index)
 * still writes its root, marked {@link io.connectorkit.runtime.index.documents.DocumentJson#CHILDREN_INCOMPLETE}
 * so that the next crawl does not take it for unchanged. A unit whose child write failed, or that
 * was cut short (cancelled, or the crawl failed mid-unit), writes no root at all.
 */
final class DocumentUnit {
    private final String rootId;
    // The emitter thread's only.
    private final Set<String> ids = new HashSet<>();
    private volatile boolean incomplete;
    private volatile boolean lost;

    DocumentUnit(String rootId) {
        this.rootId = requireNonNull(rootId, "rootId");
        ids.add(rootId);
    }

    String rootId() {
        return rootId;
    }

    /**
     * Adds a document to the unit if its parent is the root or one of the root's descendants
     * emitted so far.
     *
     * @return whether the document belongs to the unit
     */
    boolean join(String id, String parentId) {
        if (parentId == null || !ids.contains(parentId)) {
            return false;
        }
        ids.add(id);
        return true;
    }

    /** A child could not be indexed: the root is written, but not as complete. */
    void childMissing() {
        incomplete = true;
    }

    boolean incomplete() {
        return incomplete;
    }

    /** A child's write failed: the attempt fails, and the root is not written. */
    void childLost() {
        lost = true;
    }

    boolean lost() {
        return lost;
    }
}
