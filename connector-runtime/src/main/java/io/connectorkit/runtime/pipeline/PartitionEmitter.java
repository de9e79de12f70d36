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
import io.connectorkit.runtime.sink.DocumentJson;
import io.connectorkit.runtime.sink.SinkAction;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;

/**
 * The emitter of one partition: extracts binary content before {@link #upsert} returns, then
 * queues writes and checkpoints in emission order for the bulk writer.
 */
final class PartitionEmitter implements Emitter {
    private final PartitionRun run;
    private final ByteBoundedQueue<WriteEntry> queue;
    private final ContentExtractor extractor;
    private final String connectorId;
    private final Clock clock;
    private final RunTotals totals;
    private final RunControl control;

    PartitionEmitter(PartitionRun run, ByteBoundedQueue<WriteEntry> queue, ContentExtractor extractor,
            String connectorId, Clock clock, RunTotals totals, RunControl control) {
        this.run = requireNonNull(run, "run");
        this.queue = requireNonNull(queue, "queue");
        this.extractor = extractor;
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
        checkRunning();
        Extraction extraction = null;
        if (document.binary() != null) {
            if (extractor != null) {
                extraction = extractor.extract(document.id(), document.binary());
                if (extraction.failed()) {
                    failure(new ItemFailure(document.id(), run.partition(), ErrorKind.PERMANENT,
                            extraction.failure()));
                }
            } else {
                extraction = new Extraction("", document.binary().mediaType().orElse(null), null, false,
                        document.binary().sha256().orElse(null), Math.max(0, document.binary().length()), null);
            }
        }
        String json = DocumentJson.toJson(document, connectorId, run.generation(), extraction, clock.instant());
        enqueue(new WriteEntry.Write(run, SinkAction.upsert(document.id(), run.partition(), json)));
    }

    @Override
    public void unchanged(String documentId) {
        requireNonNull(documentId, "documentId");
        checkRunning();
        enqueue(new WriteEntry.Keep(run, documentId));
    }

    @Override
    public void delete(String documentId) {
        requireNonNull(documentId, "documentId");
        checkRunning();
        enqueue(new WriteEntry.Write(run, SinkAction.delete(documentId, run.partition())));
    }

    @Override
    public void failure(ItemFailure failure) {
        requireNonNull(failure, "failure");
        run.recordFailure(failure);
        totals.failure(failure);
    }

    @Override
    public void checkpoint(Checkpoint checkpoint) {
        requireNonNull(checkpoint, "checkpoint");
        checkWrites();
        // Accepted even after cancellation: a connector checkpoints what it did before returning.
        enqueue(new WriteEntry.Mark(run, checkpoint.value()));
    }

    @Override
    public void partitionComplete() {
        run.markComplete();
    }

    @Override
    public boolean cancelled() {
        return control.cancelled();
    }

    /** Waits until every entry queued so far has been processed by the writer. */
    void flush() throws InterruptedException {
        CompletableFuture<Void> done = new CompletableFuture<>();
        queue.put(new WriteEntry.Flush(run, done), 0, () -> false);
        try {
            done.get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("Flush failed", e.getCause());
        }
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
