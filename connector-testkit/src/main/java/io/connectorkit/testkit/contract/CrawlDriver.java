package io.connectorkit.testkit.contract;

import io.connectorkit.api.Checkpoint;
import io.connectorkit.api.ConnectorException;
import io.connectorkit.api.ConnectorSession;
import io.connectorkit.api.CrawlMode;
import io.connectorkit.api.Partition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Drives a {@link ConnectorSession} the way a host does, minus the index: lists partitions and
 * crawls them into {@link RecordingEmitter}s made by a {@link RecordingContext}, so that what
 * one crawl upserts is known to the next.
 *
 * <p><b>Threading.</b> Not thread-safe itself; {@link #crawlAllConcurrently} makes its own
 * threads.
 */
public final class CrawlDriver {
    private final ConnectorSession session;
    private final RecordingContext context;

    /**
     * Creates a driver.
     *
     * @param session an open session; the caller closes it
     * @param context the context the session was opened with
     */
    public CrawlDriver(ConnectorSession session, RecordingContext context) {
        this.session = Objects.requireNonNull(session, "session");
        this.context = Objects.requireNonNull(context, "context");
    }

    /**
     * Crawls one partition.
     *
     * @param partition the partition
     * @param checkpoint where to resume, or {@code null} for a first crawl
     * @param mode the crawl mode
     * @return what the crawl emitted
     * @throws ConnectorException as the session threw it
     */
    public RecordingEmitter crawl(Partition partition, Checkpoint checkpoint, CrawlMode mode)
            throws ConnectorException {
        RecordingEmitter emitter = context.emitter(partition);
        session.crawl(partition, checkpoint, mode, emitter);
        return emitter;
    }

    /**
     * Lists the partitions and crawls each in turn, from no checkpoint.
     *
     * @param mode the crawl mode
     * @return what each partition's crawl emitted
     * @throws ConnectorException as the session threw it
     */
    public CrawlResult crawlAll(CrawlMode mode) throws ConnectorException {
        return crawlAll(mode, Map.of());
    }

    /**
     * Lists the partitions and crawls each in turn from its checkpoint.
     *
     * @param mode the crawl mode
     * @param checkpoints partition id to checkpoint; a partition without one starts over
     * @return what each partition's crawl emitted
     * @throws ConnectorException as the session threw it
     */
    public CrawlResult crawlAll(CrawlMode mode, Map<String, Checkpoint> checkpoints) throws ConnectorException {
        Map<String, RecordingEmitter> out = new LinkedHashMap<>();
        for (Partition partition : session.partitions()) {
            out.put(partition.id(), crawl(partition, checkpoints.get(partition.id()), mode));
        }
        return new CrawlResult(out);
    }

    /**
     * Lists the partitions and crawls them all at once, one thread per partition up to a limit,
     * as a host does.
     *
     * @param mode the crawl mode
     * @param threads how many partitions to crawl at once
     * @return what each partition's crawl emitted, in listing order
     * @throws ConnectorException the first exception a crawl threw
     * @throws InterruptedException if the calling thread was interrupted while waiting
     */
    public CrawlResult crawlAllConcurrently(CrawlMode mode, int threads)
            throws ConnectorException, InterruptedException {
        List<Partition> partitions = session.partitions();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<RecordingEmitter>> futures = new ArrayList<>();
            for (Partition partition : partitions) {
                futures.add(pool.submit(() -> crawl(partition, null, mode)));
            }
            Map<String, RecordingEmitter> out = new LinkedHashMap<>();
            for (int i = 0; i < partitions.size(); i++) {
                out.put(partitions.get(i).id(), await(futures.get(i)));
            }
            return new CrawlResult(out);
        } finally {
            pool.shutdownNow();
        }
    }

    private static RecordingEmitter await(Future<RecordingEmitter> future)
            throws ConnectorException, InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ConnectorException ce) {
                throw ce;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("A partition crawl failed", cause);
        }
    }
}
