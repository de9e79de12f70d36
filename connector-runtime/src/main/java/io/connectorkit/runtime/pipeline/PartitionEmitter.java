package io.connectorkit.runtime.pipeline;

import static java.util.Objects.requireNonNull;

import io.connectorkit.api.CancelledException;
import io.connectorkit.api.Checkpoint;
import io.connectorkit.api.Document;
import io.connectorkit.api.Emitter;
import io.connectorkit.api.ErrorKind;
import io.connectorkit.api.ItemFailure;
import io.connectorkit.runtime.extract.ContentExtractor;
import io.connectorkit.runtime.extract.Extraction;
import io.connectorkit.runtime.index.SinkAction;
import io.connectorkit.runtime.index.documents.DocumentJson;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The emitter of one partition: extracts binary content before {@link #upsert} returns, then
 * queues writes and checkpoints in emission order for the bulk writer.
 *
 * <p>A document and the documents emitted right after it whose parent it is (an email and its
 * attachments) form a {@link DocumentUnit}. The children are queued as they come; the root is
 * held back until the unit ends (the next document outside it, an {@link #unchanged}, a
 * {@link #delete}, a {@link #checkpoint}, or the connector returning normally) and queued after
 * them, so that every checkpoint comes after whole units. A unit cut short (the run was cancelled
 * or the crawl failed before the unit ended) drops its root: the root is not in the index, so the
 * next crawl finds the item changed and emits it again, whole. Checkpoints emitted after a cut in
 * the same attempt are not committed, since they would cover the partial unit.
 */
final class PartitionEmitter implements Emitter {
    private final PartitionRun run;
    private final ByteBoundedQueue<WriteEntry> queue;
    private final ContentExtractor extractor;
    private final String connectorId;
    private final Clock clock;
    private final RunTotals totals;
    private final RunControl control;
    // The unit being emitted and its root's write, held back until the unit ends.
    private DocumentUnit unit;
    private WriteEntry.Write held;
    // A unit of this attempt was cut short: later checkpoints are not committed.
    private boolean cut;

    PartitionEmitter(PartitionRun run, ByteBoundedQueue<WriteEntry> queue, ContentExtractor extractor,
            String connectorId, Clock clock, RunTotals totals, RunControl control) {
        this.run = requireNonNull(run, "run");
        this.queue = requireNonNull(queue, "queue");
        this.extractor = requireNonNull(extractor, "extractor");
        this.connectorId = requireNonNull(connectorId, "connectorId");
        this.clock = requireNonNull(clock, "clock");
        this.totals = requireNonNull(totals, "totals");
        this.control = requireNonNull(control, "control");
    }

    @Override
    public void upsert(Document document) {
        requireNonNull(document, "document");
        if (!document.partition().equals(run.partition())) {
            throw new IllegalArgumentException("Document " + document.id() + " belongs to partition '"
                    + document.partition() + "' but was emitted while crawling '" + run.partition()
                    + "'; emit each document from its own partition's crawl");
        }
        boolean joins = unit != null && unit.join(document.id(), document.parentId());
        try {
            write(document, joins);
        } catch (CancelledException e) {
            if (joins) {
                dropUnit();
            }
            throw e;
        }
    }

    private void write(Document document, boolean child) {
        checkRunning();
        if (!child) {
            endUnit();
        }
        Extraction extraction = null;
        if (document.binary() != null) {
            extraction = extractor.extract(document.id(), document.binary());
            if (extraction.failed()) {
                // The document is still indexed (without its text), so its unit stays complete.
                recordFailure(new ItemFailure(document.id(), run.partition(), ErrorKind.PERMANENT,
                        extraction.failure()));
            }
        }
        String json = DocumentJson.toJson(document, connectorId, run.generation(), extraction, clock.instant());
        SinkAction action = SinkAction.upsert(document.id(), run.partition(), json);
        if (child) {
            enqueue(new WriteEntry.Write(run, action, unit, false));
        } else {
            unit = new DocumentUnit(document.id());
            held = new WriteEntry.Write(run, action, unit, true);
        }
    }

    @Override
    public void unchanged(String documentId) {
        requireNonNull(documentId, "documentId");
        checkRunning();
        endUnit();
        enqueue(new WriteEntry.Keep(run, documentId));
    }

    @Override
    public void delete(String documentId) {
        requireNonNull(documentId, "documentId");
        checkRunning();
        endUnit();
        enqueue(new WriteEntry.Write(run, SinkAction.delete(documentId, run.partition())));
    }

    @Override
    public void failure(ItemFailure failure) {
        requireNonNull(failure, "failure");
        if (unit != null) {
            // Reported while a unit is open: one of its children is not indexed, so the next crawl
            // must not take the unit for unchanged.
            unit.childMissing();
        }
        recordFailure(failure);
    }

    private void recordFailure(ItemFailure failure) {
        run.recordFailure(failure);
        totals.failure(failure);
    }

    @Override
    public void checkpoint(Checkpoint checkpoint) {
        requireNonNull(checkpoint, "checkpoint");
        checkWrites();
        try {
            endUnit();
        } catch (CancelledException e) {
            // The unit's root could not be queued: the checkpoint would cover a unit not in the index.
            return;
        }
        if (cut) {
            return;
        }
        // Accepted even after cancellation: a connector checkpoints what it did before returning.
        enqueue(new WriteEntry.Mark(run, checkpoint));
    }

    @Override
    public void partitionComplete() {
        run.markComplete();
    }

    @Override
    public boolean cancelled() {
        return control.cancelled();
    }

    /**
     * Ends the crawl attempt's last unit and waits until every entry queued so far has been
     * processed by the writer.
     *
     * @param returned whether the connector's crawl returned normally; the last unit is whole
     *     only then, and only if the run was not cancelled (a cancelled connector may have
     *     stopped between a document and its children) or its listing was complete
     */
    void flush(boolean returned) throws InterruptedException {
        if (held != null) {
            if (returned && !cut && (!control.cancelled() || run.complete())) {
                queue.put(held, held.action().bytes(), () -> false);
            }
            held = null;
            unit = null;
        }
        cut = false;
        CompletableFuture<Void> done = new CompletableFuture<>();
        queue.put(new WriteEntry.Flush(run, done), 0, () -> false);
        try {
            done.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Flush failed", e.getCause());
        }
    }

    /** Queues the root of the open unit, after its children. */
    private void endUnit() {
        if (held == null) {
            return;
        }
        WriteEntry.Write root = held;
        held = null;
        unit = null;
        try {
            enqueue(root);
        } catch (CancelledException e) {
            cut = true;
            throw e;
        }
    }

    /** The open unit was cut short: its root is not written, and later checkpoints are not committed. */
    private void dropUnit() {
        held = null;
        unit = null;
        cut = true;
    }

    private void checkRunning() {
        if (control.cancelled()) {
            throw new CancelledException("The crawl of partition '" + run.partition() + "' was cancelled");
        }
        checkWrites();
    }

    private void checkWrites() {
        Exception e = run.writeFailure();
        if (e != null) {
            throw new IndexWriteFailedException(run.partition(), e);
        }
    }

    private void enqueue(WriteEntry entry) {
        long bytes = entry instanceof WriteEntry.Write w ? w.action().bytes()
                : entry instanceof WriteEntry.Keep k ? 64L + k.id().length() * 2L : 0;
        try {
            if (!queue.put(entry, bytes, control::cancelled)) {
                throw new CancelledException("The crawl of partition '" + run.partition() + "' was cancelled");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException("Interrupted while queueing a write for partition '" + run.partition() + "'");
        }
    }
}
