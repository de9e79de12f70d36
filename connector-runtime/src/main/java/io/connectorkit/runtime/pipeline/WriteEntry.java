package io.connectorkit.runtime.pipeline;

import io.connectorkit.api.Checkpoint;
import io.connectorkit.runtime.index.SinkAction;
import java.util.concurrent.CompletableFuture;

/** What a partition puts in the write queue, in emission order. */
sealed interface WriteEntry {
    /** The partition it came from. */
    PartitionRun run();

    /**
     * A document write or delete.
     *
     * @param unit the unit the document belongs to, or {@code null} (deletes)
     * @param root whether the document is its unit's root, sent after the unit's children
     */
    record Write(PartitionRun run, SinkAction action, DocumentUnit unit, boolean root) implements WriteEntry {
        /** A write outside any unit. */
        Write(PartitionRun run, SinkAction action) {
            this(run, action, null, false);
        }

        /** Whether this is a unit's root that must follow its children's acknowledgement. */
        boolean followsChildren() {
            return root && unit != null;
        }

        /** Whether this is a child of a unit. */
        boolean child() {
            return !root && unit != null;
        }
    }

    /**
     * A document the index already holds, unchanged: a FULL run's sweep spares it and its children
     * (remembered by the {@link PartitionRun}, or re-stamped with the run's generation beyond its
     * bound), without re-sending it.
     */
    record Keep(PartitionRun run, String id) implements WriteEntry {
    }

    /** A checkpoint, to commit once every earlier write is acknowledged. */
    record Mark(PartitionRun run, Checkpoint checkpoint) implements WriteEntry {
    }

    /** Completed once every earlier write of the run is processed. */
    record Flush(PartitionRun run, CompletableFuture<Void> done) implements WriteEntry {
    }
}
