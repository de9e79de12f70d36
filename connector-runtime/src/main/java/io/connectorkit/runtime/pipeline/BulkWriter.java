package io.connectorkit.runtime.pipeline;

import static java.util.Objects.requireNonNull;

import io.connectorkit.api.ErrorKind;
import io.connectorkit.api.ItemFailure;
import io.connectorkit.runtime.ProgressListener;
import io.connectorkit.runtime.index.DocumentSink;
import io.connectorkit.runtime.index.IndexDiskFullException;
import io.connectorkit.runtime.index.SinkAction;
import io.connectorkit.runtime.index.documents.DocumentJson;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The single consumer of the write queue: batches writes by count and bytes, sends them with
 * {@code _bulk}, records rejected items as failures, and commits the checkpoints of a batch only
 * after the batch is acknowledged. Because the queue is FIFO and there is one writer, a
 * checkpoint is committed only after every write emitted before it.
 *
 * <p>A batch with writes that is still below the limits when the queue runs dry waits up to the
 * linger for more entries: documents arrive at extraction's pace, and every {@code _bulk} request
 * pays a fixed cost in the index. The wait never exceeds the linger counted from the batch's
 * first entry, so a checkpoint is delayed by at most that much, and a flush (the end of a
 * partition's crawl, or a cancelled one) ends it at once.
 *
 * <p>The root of a {@link DocumentUnit} (an email) whose children (its attachments) are in the
 * same batch is carried to the next request, with the checkpoints and flushes queued after it,
 * so that the root lands only once its children are acknowledged: a crash between two requests
 * leaves children without their root, never a root without its children. A root is written
 * marked {@link DocumentJson#CHILDREN_INCOMPLETE} when a child of its unit was not indexed, and
 * not at all when a child's write failed.
 *
 * <p>After a batch of a partition failed, the writer sends nothing more of that partition's
 * attempt: its later writes and re-stamps are dropped with its checkpoints, and the attempt's
 * retry emits them again.
 */
final class BulkWriter implements Runnable {
    private static final Logger LOG = LogManager.getLogger(BulkWriter.class);
    /** Counter of {@code _bulk} requests (retries of one request not counted). */
    static final String BULK_REQUESTS = "bulk_requests";
    /**
     * Counter of requests that re-stamped unchanged documents in the index (its name is part of
     * the crawl's output, as it always was).
     */
    static final String UNCHANGED_REQUESTS = "keep_requests";

    /**
     * How a batch is cut.
     *
     * @param maxDocs documents (writes and unchanged documents) per batch at most
     * @param maxBytes bytes of writes per batch at most
     * @param lingerMillis how long a batch below the limits waits for more entries
     */
    record Limits(int maxDocs, long maxBytes, long lingerMillis) {
    }

    private final ByteBoundedQueue<WriteEntry> queue;
    private final DocumentSink sink;
    private final int maxDocs;
    private final long maxBytes;
    private final long lingerNanos;
    private final CrawlTotals totals;
    private final MetricCounters metrics;
    private final ProgressListener listener;
    private volatile boolean stopping;
    // Entries carried from the last batch to the next: roots whose children were in it, and what followed them.
    private List<WriteEntry> carried = List.of();

    BulkWriter(ByteBoundedQueue<WriteEntry> queue, DocumentSink sink, Limits limits, CrawlTotals totals,
            MetricCounters metrics, ProgressListener listener) {
        this.queue = requireNonNull(queue, "queue");
        this.sink = requireNonNull(sink, "sink");
        this.maxDocs = limits.maxDocs();
        this.maxBytes = limits.maxBytes();
        this.lingerNanos = TimeUnit.MILLISECONDS.toNanos(limits.lingerMillis());
        this.totals = requireNonNull(totals, "totals");
        this.metrics = requireNonNull(metrics, "metrics");
        this.listener = requireNonNull(listener, "listener");
    }

    /** Asks the writer to finish once the queue is empty. */
    void stop() {
        stopping = true;
    }

    @Override
    public void run() {
        try {
            while (true) {
                WriteEntry first = carried.isEmpty() ? queue.poll(100, TimeUnit.MILLISECONDS) : null;
                if (first == null && carried.isEmpty()) {
                    if (stopping) {
                        return;
                    }
                    continue;
                }
                process(collect(first));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The batch that starts with the carried entries and {@code first}: up to the limits, lingering
     * while it has writes.
     */
    private List<WriteEntry> collect(WriteEntry first) throws InterruptedException {
        long lingerEnd = System.nanoTime() + lingerNanos;
        List<WriteEntry> batch = new ArrayList<>();
        int docs = 0;
        long bytes = 0;
        boolean writes = false;
        boolean flush = false;
        List<WriteEntry> start = new ArrayList<>(carried);
        carried = List.of();
        if (first != null) {
            start.add(first);
        }
        WriteEntry next = start.remove(0);
        while (next != null) {
            batch.add(next);
            if (next instanceof WriteEntry.Write w) {
                docs++;
                bytes += w.action().bytes();
                writes = true;
            } else if (next instanceof WriteEntry.Unchanged) {
                docs++;
            } else if (next instanceof WriteEntry.Flush) {
                flush = true;
            }
            if (!start.isEmpty()) {
                next = start.remove(0);
                continue;
            }
            if (docs >= maxDocs || bytes >= maxBytes) {
                break;
            }
            next = queue.pollNow();
            if (next == null && writes && !flush && !stopping) {
                long left = lingerEnd - System.nanoTime();
                next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
            }
        }
        return batch;
    }

    private void process(List<WriteEntry> all) {
        List<WriteEntry> batch = new ArrayList<>();
        carried = carry(all, batch);
        List<SinkAction> actions = new ArrayList<>();
        List<PartitionLedger> owners = new ArrayList<>();
        List<DocumentUnit> children = new ArrayList<>();
        long bytes = 0;
        for (WriteEntry e : batch) {
            if (e instanceof WriteEntry.Write w) {
                if (w.ledger().writeFailure() != null) {
                    // An earlier batch of this attempt failed: none of its later writes is sent. The
                    // attempt fails, commits no checkpoint, and the next one emits them again from
                    // the last committed checkpoint, so nothing lands out of order or unaccounted.
                    if (w.child()) {
                        w.unit().childLost();
                    }
                    continue;
                }
                SinkAction action = w.action();
                if (w.followsChildren()) {
                    if (w.unit().lost()) {
                        // A child's write failed: this attempt fails, and the next one emits the unit again.
                        continue;
                    }
                    if (w.unit().incomplete()) {
                        action = SinkAction.upsert(action.id(), action.partition(),
                                DocumentJson.childrenIncomplete(action.source()));
                    }
                }
                actions.add(action);
                owners.add(w.ledger());
                children.add(w.child() ? w.unit() : null);
                bytes += action.bytes();
            }
        }
        Exception failure = null;
        if (!actions.isEmpty()) {
            try {
                long began = System.nanoTime();
                List<String> outcome = sink.write(actions);
                totals.bulkNanos.add(System.nanoTime() - began);
                totals.bulkRequests.increment();
                metrics.add(BULK_REQUESTS, 1);
                Set<String> deleted = new LinkedHashSet<>();
                for (int i = 0; i < actions.size(); i++) {
                    SinkAction a = actions.get(i);
                    PartitionLedger ledger = owners.get(i);
                    if (outcome.get(i) != null) {
                        if (children.get(i) != null) {
                            children.get(i).childMissing();
                        }
                        ItemFailure rejected = ItemFailure.of(a.id(), ErrorKind.PERMANENT,
                                "Document " + a.id() + " was " + outcome.get(i));
                        ledger.recordFailure(rejected);
                        totals.failure(a.partition(), rejected);
                    } else if (a.isDelete()) {
                        // An item the source no longer has is no longer a failure either.
                        ledger.acknowledged(a.id());
                        deleted.add(a.id());
                        totals.deletions.increment();
                    } else {
                        ledger.acknowledged(a.id());
                        totals.upserted.increment();
                    }
                }
                totals.bytes.add(bytes);
                if (!deleted.isEmpty()) {
                    totals.deletions.add(sink.deleteChildren(deleted));
                }
            } catch (Exception e) {
                failure = e;
                if (IndexDiskFullException.in(e) != null) {
                    // Said once where the disk ran short, and again by the crawl's end.
                    LOG.debug("A bulk write of {} documents failed: {}", actions.size(), e.getMessage());
                } else {
                    LOG.warn("A bulk write of {} documents failed: {}", actions.size(), e.getMessage());
                }
                owners.forEach(r -> r.writeFailed(e));
                children.stream().filter(u -> u != null).forEach(DocumentUnit::childLost);
            }
        }
        if (failure == null) {
            failure = restampUnchanged(batch);
        }
        for (WriteEntry e : batch) {
            if (e instanceof WriteEntry.Mark m) {
                try {
                    m.ledger().commit(m.checkpoint());
                } catch (Exception ex) {
                    LOG.warn("Checkpoint of partition '{}' not saved: {}", m.ledger().partition(), ex.getMessage());
                    m.ledger().writeFailed(ex);
                }
            } else if (e instanceof WriteEntry.Flush f) {
                f.done().complete(null);
            }
        }
        boolean unchanged = batch.stream().anyMatch(e -> e instanceof WriteEntry.Unchanged);
        if (failure == null && (!actions.isEmpty() || unchanged)) {
            try {
                listener.progress(totals.progress(metrics));
            } catch (RuntimeException ex) {
                LOG.debug("A progress listener failed", ex);
            }
        }
    }

    /**
     * Splits a batch: the roots whose children are in it, and every checkpoint, flush and entry for
     * the same id queued after the first of them, are carried to the next request (in order);
     * the rest goes into {@code now}.
     *
     * @return the entries carried
     */
    private static List<WriteEntry> carry(List<WriteEntry> batch, List<WriteEntry> now) {
        Set<DocumentUnit> withChildren = new HashSet<>();
        Set<String> carriedIds = new HashSet<>();
        List<WriteEntry> later = new ArrayList<>();
        for (WriteEntry e : batch) {
            boolean carry;
            if (e instanceof WriteEntry.Write w) {
                carry = (w.followsChildren() && withChildren.contains(w.unit())) || carriedIds.contains(w.action().id());
                if (carry) {
                    carriedIds.add(w.action().id());
                } else if (w.child()) {
                    withChildren.add(w.unit());
                }
            } else if (e instanceof WriteEntry.Unchanged u) {
                carry = carriedIds.contains(u.id());
            } else {
                carry = !later.isEmpty();
            }
            (carry ? later : now).add(e);
        }
        return later;
    }

    // Unchanged documents the crawl cannot just remember are re-stamped after the batch's writes and
    // before its checkpoints, so a checkpoint never covers a document that this crawl's sweep could
    // still remove.
    private Exception restampUnchanged(List<WriteEntry> batch) {
        Map<PartitionLedger, List<String>> byPartition = new LinkedHashMap<>();
        for (WriteEntry e : batch) {
            if (e instanceof WriteEntry.Unchanged u && u.ledger().writeFailure() == null
                    && !u.ledger().unchanged(u.id())) {
                byPartition.computeIfAbsent(u.ledger(), l -> new ArrayList<>()).add(u.id());
            }
        }
        for (Map.Entry<PartitionLedger, List<String>> e : byPartition.entrySet()) {
            PartitionLedger ledger = e.getKey();
            try {
                sink.stampUnchanged(ledger.partition(), ledger.generation(), e.getValue());
                metrics.add(UNCHANGED_REQUESTS, 1);
                e.getValue().forEach(ledger::acknowledged);
            } catch (Exception ex) {
                if (IndexDiskFullException.in(ex) == null) {
                    LOG.warn("Keeping {} unchanged documents of partition '{}' failed: {}", e.getValue().size(),
                            ledger.partition(), ex.getMessage());
                }
                byPartition.keySet().forEach(l -> l.writeFailed(ex));
                return ex;
            }
        }
        return null;
    }
}
