package io.connectorkit.kafka;

import io.connectorkit.api.CancelledException;
import io.connectorkit.api.Checkpoint;
import io.connectorkit.api.CrawlMode;
import io.connectorkit.api.Document;
import io.connectorkit.api.Emitter;
import io.connectorkit.api.ItemFailure;
import io.connectorkit.runtime.extract.Extraction;
import io.connectorkit.runtime.index.documents.DocumentJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The emitter of one partition's crawl in a task: turns each call into a record. Text is extracted
 * here, before {@link #upsert} returns, as the CLI host does; the document becomes the index source
 * with the run's generation, cut to the record size if it must be. Every record carries the offset
 * of the last checkpoint before it, and a checkpoint is a record of its own whose offset is the new
 * checkpoint: Connect commits it only after Kafka has every earlier record of the partition.
 */
final class RecordEmitter implements Emitter {
    private static final Logger LOG = LoggerFactory.getLogger(RecordEmitter.class);
    private static final int KEEP_BATCH = 500;

    private final CrawlSourceTask task;
    private final String source;
    private final String partition;
    private final long generation;
    private final int maxBytes;
    private final Map<String, String> sourcePartition;
    private final List<String> keeps = new ArrayList<>();
    private final Set<String> spared = new LinkedHashSet<>();
    private String checkpoint;
    private boolean listed;
    private long upserts;
    private long deletes;
    private long kept;

    RecordEmitter(CrawlSourceTask task, String partition, long generation, String checkpoint, int maxBytes) {
        this.task = task;
        this.source = task.settings().connectorId();
        this.partition = partition;
        this.generation = generation;
        this.checkpoint = checkpoint;
        this.maxBytes = maxBytes;
        this.sourcePartition = Records.sourcePartition(source, partition);
    }

    private void cancelledCheck() {
        if (task.crawlContext().cancelled()) {
            throw new CancelledException("the task is stopping");
        }
    }

    private void send(String value) {
        task.offer(new SourceRecord(sourcePartition, CrawlSourceTask.offset(checkpoint, generation),
                task.settings().topic(), null, null, partition, null, value));
    }

    @Override
    public void upsert(Document document) {
        cancelledCheck();
        flushKeeps();
        Extraction extraction = null;
        if (document.binary() != null) {
            extraction = task.extractor().extract(document.id(), document.binary());
            if (extraction.failed()) {
                spared.add(document.id());
                LOG.warn("Text of document '{}' of partition '{}' not extracted: {}", document.id(), partition,
                        extraction.failure());
            }
        }
        String json = DocumentJson.toJson(document, partition, source, generation, extraction, Instant.now());
        send(Records.fit(Records.upsert(source, partition, document.id(), json), maxBytes));
        upserts++;
    }

    @Override
    public void unchanged(String documentId) {
        cancelledCheck();
        keeps.add(documentId);
        if (keeps.size() >= KEEP_BATCH) {
            flushKeeps();
        }
    }

    @Override
    public void delete(String documentId) {
        cancelledCheck();
        flushKeeps();
        send(Records.delete(source, partition, documentId));
        deletes++;
    }

    @Override
    public void failure(ItemFailure failure) {
        // The item stays as the index has it: a FULL crawl's sweep spares it.
        spared.add(failure.itemId());
        LOG.warn("Item '{}' of partition '{}' of source '{}' failed ({}): {}", failure.itemId(), partition, source,
                failure.kind(), failure.reason());
    }

    @Override
    public void checkpoint(Checkpoint next) {
        if (task.crawlContext().cancelled()) {
            // Nothing more is sent once the task stops: the committed offset stays at the last sent one.
            return;
        }
        flushKeeps();
        checkpoint = next.value();
        send(Records.checkpoint(source, partition));
    }

    @Override
    public void partitionComplete() {
        listed = true;
    }

    void flushKeeps() {
        if (!keeps.isEmpty()) {
            send(Records.keep(source, partition, generation, keeps));
            kept += keeps.size();
            keeps.clear();
        }
    }

    /** Ends the pass: the marker that lets the sink sweep after a complete FULL listing. */
    void finish(CrawlMode mode) {
        flushKeeps();
        send(Records.complete(source, partition, generation, mode.name(), listed, spared));
        if (mode == CrawlMode.FULL || upserts > 0 || deletes > 0) {
            LOG.info("{} crawl of partition '{}' of source '{}': {} upserts, {} deletes, {} unchanged, {} failed{}",
                    mode, partition, source, upserts, deletes, kept, spared.size(),
                    listed ? "" : " (listing not complete)");
        } else {
            LOG.debug("{} crawl of partition '{}' of source '{}': nothing new", mode, partition, source);
        }
    }

    String lastCheckpoint() {
        return checkpoint;
    }
}
