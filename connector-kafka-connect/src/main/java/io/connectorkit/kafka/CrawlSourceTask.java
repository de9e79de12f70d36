package io.connectorkit.kafka;

import io.connectorkit.api.CancelledException;
import io.connectorkit.api.Checkpoint;
import io.connectorkit.api.ConnectorException;
import io.connectorkit.api.ConnectorSession;
import io.connectorkit.api.CrawlMode;
import io.connectorkit.api.Partition;
import io.connectorkit.api.config.InvalidConfigException;
import io.connectorkit.api.KnownDocuments;
import io.connectorkit.runtime.ConnectorRegistry;
import io.connectorkit.runtime.config.RuntimeConfig;
import io.connectorkit.runtime.index.IndexClient;
import io.connectorkit.runtime.index.IndexKnownDocuments;
import io.connectorkit.runtime.index.RetryPolicy;
import io.connectorkit.runtime.index.documents.ContentIndex;
import io.connectorkit.runtime.extract.ContentExtractor;
import io.connectorkit.runtime.extract.ContentExtractors;
import io.connectorkit.runtime.extract.ExtractionConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Crawls a share of a source's partitions, one after the other, and hands the records to
 * Connect: a FULL crawl for a partition without a committed offset, then INCREMENTAL passes every
 * {@value ConnectKeys#INTERVAL} seconds from the committed checkpoint. A crawl thread fills a
 * bounded queue that {@link #poll()} drains, so a slow producer slows the crawl.
 */
public final class CrawlSourceTask extends SourceTask {
    private static final Logger LOG = LoggerFactory.getLogger(CrawlSourceTask.class);
    private static final int QUEUE_RECORDS = 500;
    private static final int POLL_BATCH = 200;

    private SourceSettings settings;
    private TaskContext crawl;
    private ConnectorSession session;
    private ContentExtractor extractor;
    private List<Partition> partitions;
    private boolean lister;
    private BlockingQueue<SourceRecord> queue;
    private Thread crawler;
    private volatile RuntimeException failure;
    private IndexClient index;
    /**
     * What this task emitted last for each partition: the committed offset lags behind (Connect
     * commits on its own schedule), and a later pass resumes from what was emitted.
     */
    private final Map<String, Map<String, Object>> emitted = new HashMap<>();

    /** Creates the task; Connect calls it. */
    public CrawlSourceTask() {
    }

    @Override
    public String version() {
        return Version.VERSION;
    }

    @Override
    public void start(Map<String, String> props) {
        ConnectorRegistry registry = ConnectorRegistry.load(CrawlSourceTask.class.getClassLoader());
        try {
            settings = SourceSettings.from(registry, props);
        } catch (InvalidConfigException e) {
            throw new ConnectException("Invalid configuration: " + e.getMessage());
        }
        partitions = PartitionShares.decode(props.get(ConnectKeys.TASK_PARTITIONS));
        lister = Boolean.parseBoolean(props.getOrDefault(ConnectKeys.TASK_LISTER, "false"));
        int tasks = Math.max(1, Integer.parseInt(props.getOrDefault(ConnectKeys.TASK_COUNT, "1")));
        double share = settings.plugin().getDouble(ConnectKeys.MAX_RATE) / tasks;
        crawl = new TaskContext(settings.connectorId(), share, knownDocuments());
        extractor = ContentExtractors.create(ExtractionConfig.from(settings.source()));
        try {
            session = settings.connector().open(settings.source(), crawl);
        } catch (ConnectorException e) {
            extractor.close();
            crawl.close();
            throw new ConnectException("Source '" + settings.connectorId() + "' did not open: " + e.getMessage(), e);
        }
        queue = new ArrayBlockingQueue<>(QUEUE_RECORDS);
        crawler = new Thread(this::crawlLoop, "crawl-" + settings.connectorId() + "-" + Integer.toHexString(hashCode()));
        crawler.setDaemon(true);
        crawler.start();
        LOG.info("Task of source '{}': {} partitions{}{}", settings.connectorId(), partitions.size(),
                lister ? ", reports the listing" : "", share > 0 ? ", paced at " + share + " calls/s" : "");
    }

    /**
     * With {@code sink.elasticsearch.url} set in the source's configuration too, the task asks the
     * index (read only) which documents it holds at which version, as the CLI host does, so that
     * unchanged items are neither downloaded nor sent again but kept by a {@code keep} record.
     */
    private KnownDocuments knownDocuments() {
        RuntimeConfig runtime = RuntimeConfig.from(settings.source());
        if (runtime.sink().urls().isEmpty() || runtime.sink().embedded()) {
            return KnownDocuments.none();
        }
        index = new IndexClient(runtime.sink().urls(), runtime.sink(), RetryPolicy.standard());
        return new IndexKnownDocuments(new ContentIndex(index, runtime.sink().index(), runtime.connectorId()).reader(),
                new Semaphore(runtime.crawl().parallelIndexQueries()));
    }

    private void crawlLoop() {
        long interval = settings.plugin().getLong(ConnectKeys.INTERVAL);
        int fullEvery = settings.plugin().getInt(ConnectKeys.FULL_EVERY);
        try {
            for (int pass = 1; !crawl.cancelled(); pass++) {
                boolean full = fullEvery > 0 && pass % fullEvery == 0;
                if (lister) {
                    reportListing();
                }
                for (Partition p : partitions) {
                    if (crawl.cancelled()) {
                        return;
                    }
                    crawlPartition(p, full);
                }
                long until = System.currentTimeMillis() + interval * 1000;
                while (!crawl.cancelled() && System.currentTimeMillis() < until) {
                    TimeUnit.MILLISECONDS.sleep(Math.min(500, Math.max(1, until - System.currentTimeMillis())));
                }
            }
        } catch (CancelledException | InterruptedException e) {
            // The task is stopping.
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    /** Lists every partition of the source and tells the sink: what it no longer lists is removed there. */
    private void reportListing() throws InterruptedException {
        List<Partition> all;
        try {
            all = session.partitions();
        } catch (ConnectorException e) {
            // No listing, no removal: the sink removes only what a complete listing left out.
            LOG.warn("Listing the partitions of source '{}' failed; nothing is removed this pass: {}",
                    settings.connectorId(), e.getMessage());
            return;
        }
        List<String> ids = all.stream().map(Partition::id).toList();
        offer(new SourceRecord(Records.sourcePartition(settings.connectorId(), Records.LISTING),
                Map.of(Records.OFFSET_GENERATION, System.currentTimeMillis()), settings.topic(), null, null,
                settings.connectorId(), null, Records.partitions(settings.connectorId(), ids)));
    }

    private void crawlPartition(Partition p, boolean full) throws InterruptedException {
        Map<String, String> key = Records.sourcePartition(settings.connectorId(), p.id());
        Map<String, Object> stored = emitted.containsKey(p.id()) ? emitted.get(p.id())
                : context.offsetStorageReader().offset(key);
        String checkpoint = stored == null ? null : (String) stored.get(Records.OFFSET_CHECKPOINT);
        long storedGeneration = stored == null || stored.get(Records.OFFSET_GENERATION) == null ? 0
                : ((Number) stored.get(Records.OFFSET_GENERATION)).longValue();
        CrawlMode mode = checkpoint == null || full ? CrawlMode.FULL : CrawlMode.INCREMENTAL;
        long generation = Math.max(System.currentTimeMillis(), storedGeneration + 1);
        RecordEmitter emitter = new RecordEmitter(this, p.id(), generation, checkpoint,
                settings.plugin().getInt(ConnectKeys.MAX_RECORD_BYTES));
        try {
            // As the CLI host does: the committed checkpoint in either mode, the connector reads what FULL means.
            session.crawl(p, checkpoint == null ? null : new Checkpoint(checkpoint), mode, emitter);
            emitter.finish(mode);
            emitted.put(p.id(), offset(emitter.lastCheckpoint(), generation));
        } catch (ConnectorException e) {
            // The committed checkpoint stays; the next pass crawls the partition again from it.
            emitter.flushKeeps();
            if (emitter.lastCheckpoint() != null) {
                emitted.put(p.id(), offset(emitter.lastCheckpoint(), generation));
            }
            LOG.warn("Crawl of partition '{}' of source '{}' failed; the next pass tries it again: {}", p.id(),
                    settings.connectorId(), e.getMessage());
            if (e.kind().isFatal()) {
                throw new ConnectException("Source '" + settings.connectorId() + "' cannot be crawled: "
                        + e.getMessage(), e);
            }
        }
    }

    /** Queues a record for {@link #poll()}, waiting while the queue is full; stops when the task stops. */
    void offer(SourceRecord record) {
        try {
            while (!queue.offer(record, 200, TimeUnit.MILLISECONDS)) {
                if (crawl.cancelled()) {
                    throw new CancelledException("the task is stopping");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException("the task is stopping");
        }
    }

    SourceSettings settings() {
        return settings;
    }

    ContentExtractor extractor() {
        return extractor;
    }

    TaskContext crawlContext() {
        return crawl;
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        RuntimeException f = failure;
        if (f != null) {
            throw f instanceof ConnectException c ? c : new ConnectException(f.getMessage(), f);
        }
        SourceRecord first = queue.poll(500, TimeUnit.MILLISECONDS);
        if (first == null) {
            return null;
        }
        List<SourceRecord> out = new ArrayList<>();
        out.add(first);
        queue.drainTo(out, POLL_BATCH - 1);
        return out;
    }

    @Override
    public void stop() {
        if (crawl != null) {
            crawl.cancel();
        }
        if (crawler != null) {
            crawler.interrupt();
            try {
                crawler.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (session != null) {
            session.close();
        }
        if (extractor != null) {
            extractor.close();
        }
        if (index != null) {
            index.close();
        }
        if (crawl != null) {
            crawl.close();
        }
    }

    /** For the emitter: the offset every record of a partition carries until the next checkpoint. */
    static Map<String, Object> offset(String checkpoint, long generation) {
        Map<String, Object> o = new HashMap<>();
        if (checkpoint != null) {
            o.put(Records.OFFSET_CHECKPOINT, checkpoint);
        }
        o.put(Records.OFFSET_GENERATION, generation);
        return o;
    }
}
