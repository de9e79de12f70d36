package io.connectorkit.runtime.pipeline;

import io.connectorkit.runtime.sink.SinkAction;
import java.util.concurrent.CompletableFuture;

/** What a partition puts in the write queue, in emission order. */
sealed interface WriteEntry {
    /** The partition it came from. */
    PartitionRun run();

    /** A document write or delete. */
    record Write(PartitionRun run, SinkAction action) implements WriteEntry {
    }

    /**
     * A document the index already holds, unchanged: a FULL run's sweep spares it and its children
     * (remembered by the {@link PartitionRun}, or re-stamped with the run's generation beyond its
     * bound), without re-sending it.
     */
    record Keep(PartitionRun run, String id) implements WriteEntry {
    }

    /** A checkpoint, to commit once every earlier write is acknowledged. */
    record Mark(PartitionRun run, String checkpoint) implements WriteEntry {
    }

    /** Completed once every earlier write of the run is processed. */
    record Flush(PartitionRun run, CompletableFuture<Void> done) implements WriteEntry {
    }
}
