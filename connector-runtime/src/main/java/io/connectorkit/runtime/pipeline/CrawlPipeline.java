package io.connectorkit.runtime.pipeline;

import static java.util.Objects.requireNonNull;

import io.connectorkit.api.ConnectorContext;
import io.connectorkit.api.ConnectorException;
import io.connectorkit.api.ConnectorSession;
import io.connectorkit.api.CrawlMode;
import io.connectorkit.api.ErrorKind;
import io.connectorkit.api.KnownDocuments;
import io.connectorkit.api.Partition;
import io.connectorkit.runtime.CancellationSignal;
import io.connectorkit.runtime.CrawlReport;
import io.connectorkit.runtime.ProgressListener;
import io.connectorkit.runtime.config.CrawlConfig;
import io.connectorkit.runtime.config.RuntimeConfig;
import io.connectorkit.runtime.extract.ContentExtractor;
import io.connectorkit.runtime.index.DocumentReader;
import io.connectorkit.runtime.index.DocumentSink;
import io.connectorkit.runtime.index.IndexKnownDocuments;
import io.connectorkit.runtime.state.PartitionState;
import io.connectorkit.runtime.state.StateStore;
import io.connectorkit.runtime.state.StateStoreException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Runs a crawl: lists partitions, crawls them on a bounded pool into one bulk writer, sweeps
 * after complete FULL listings and removes partitions that are no longer listed. See
 * {@code docs/architecture.md} for the rules it keeps (checkpoints after acknowledgement,
 * sweeps only after complete listings, the mass-deletion breaker).
 *
 * <p>A crawl is one call, {@link #crawl}: the pipeline gives the connector its context (the
 * index look-up, counters, a private temporary directory, the stop signal), opens the session
 * through the caller, runs it and closes all of it before it returns the report.
 */
public final class CrawlPipeline {
    private static final Logger LOG = LogManager.getLogger(CrawlPipeline.class);

    /**
     * What the caller does with a connector in a context the pipeline provides: open a session,
     * run a check or a preview.
     *
     * @param <T> what it returns
     */
    @FunctionalInterface
    public interface ContextCall<T> {
        /**
         * Calls the connector.
         *
         * @param context the host's services for this call; valid until it returns
         * @return the result
         * @throws ConnectorException what the connector throws
         */
        T call(ConnectorContext context) throws ConnectorException;
    }

    /**
     * The connector's session did not open, so no crawl ran: the connector's error, and the
     * counters it kept while it tried (a record of the crawl shows them).
     */
    public static final class SessionNotOpenedException extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Map<String, Long> metrics;

        SessionNotOpenedException(ConnectorException error, Map<String, Long> metrics) {
            super(error.getMessage(), error);
            this.metrics = Map.copyOf(metrics);
        }

        /** @return the connector's error, as it threw it */
        public ConnectorException error() {
            return (ConnectorException) getCause();
        }

        /** @return the connector's counters when it failed, by name */
        public Map<String, Long> metrics() {
            return metrics;
        }
    }

    private final RuntimeConfig config;
    private final DocumentSink sink;
    private final StateStore store;
    private final ContentExtractor extractor;
    private final Clock clock;
    private final PipelineOptions options;
    private final Semaphore indexQueries;
    private final KnownDocuments knownDocuments;

    /**
     * Creates the pipeline.
     *
     * @param config the runtime configuration
     * @param extractor extracts text from binary content (with {@code extract.text=false}, one that
     *     records the content's declared metadata only)
     * @param sink the content index, written
     * @param documents the content index, read: the versions of known documents for connectors
     * @param store the partition state
     * @param clock the clock
     * @param options tuning
     */
    public CrawlPipeline(RuntimeConfig config, ContentExtractor extractor, DocumentSink sink,
            DocumentReader documents, StateStore store, Clock clock, PipelineOptions options) {
        this.config = requireNonNull(config, "config");
        this.extractor = requireNonNull(extractor, "extractor");
        this.sink = requireNonNull(sink, "sink");
        this.store = requireNonNull(store, "store");
        this.clock = requireNonNull(clock, "clock");
        this.options = requireNonNull(options, "options");
        this.indexQueries = new Semaphore(config.crawl().parallelIndexQueries());
        this.knownDocuments = new IndexKnownDocuments(requireNonNull(documents, "documents"), indexQueries);
    }

    /**
     * Calls the connector in a context of its own that is never cancelled (a check, a preview),
     * and deletes the context's temporary directory when the call returns.
     *
     * @param <T> what the call returns
     * @param call what to do with the context
     * @return what the call returned
     * @throws ConnectorException if the call fails, or the temporary directory cannot be created
     */
    public <T> T inContext(ContextCall<T> call) throws ConnectorException {
        try (HostContext context = HostContext.open(config.connectorId(), knownDocuments, clock, () -> false)) {
            return call.call(context);
        }
    }

    /**
     * Runs one crawl: opens the session in a context of the crawl's own, crawls, and closes the
     * session and the context.
     *
     * @param session opens the connector's session in the context given
     * @param mode FULL or INCREMENTAL
     * @param listener receives progress
     * @param cancel stops the crawl when cancelled
     * @return the report; errors of partitions and items are in it
     * @throws SessionNotOpenedException if the session did not open
     * @throws ConnectorException if the temporary directory cannot be created
     * @throws InterruptedException if the calling thread is interrupted
     */
    public CrawlReport crawl(ContextCall<ConnectorSession> session, CrawlMode mode, ProgressListener listener,
            CancellationSignal cancel) throws SessionNotOpenedException, ConnectorException, InterruptedException {
        requireNonNull(session, "session");
        requireNonNull(mode, "mode");
        requireNonNull(listener, "listener");
        CrawlStop stop = new CrawlStop(cancel);
        try (HostContext context = HostContext.open(config.connectorId(), knownDocuments, clock, stop::cancelled)) {
            ConnectorSession opened;
            try {
                opened = session.call(context);
            } catch (ConnectorException e) {
                throw new SessionNotOpenedException(e, context.counters().snapshot());
            }
            try (opened) {
                return crawl(opened, mode, listener, stop, context.counters());
            }
        }
    }

    private CrawlReport crawl(ConnectorSession session, CrawlMode mode, ProgressListener listener, CrawlStop stop,
            MetricCounters metrics) throws InterruptedException {
        CrawlTotals totals = new CrawlTotals();
        CrawlConfig crawl = config.crawl();
        Deletions deletions = new Deletions(sink, store, crawl, indexQueries, clock, totals);
        Map<String, Partition> listed = new LinkedHashMap<>();
        List<PartitionState> known;
        try {
            for (Partition p : listPartitions(session, stop)) {
                listed.putIfAbsent(p.id(), p);
            }
            known = store.list();
        } catch (ConnectorException e) {
            return report(totals, stop, e.kind(), "Listing partitions failed: " + e.getMessage(),
                    Deletions.Removal.NONE, deletions, metrics);
        } catch (StateStoreException e) {
            return report(totals, stop, ErrorKind.TRANSIENT, e.getMessage(), Deletions.Removal.NONE, deletions,
                    metrics);
        }
        totals.total(listed.size());
        Map<String, PartitionState> states = new LinkedHashMap<>();
        long generation = clock.millis();
        for (PartitionState s : known) {
            states.put(s.partition(), s);
            generation = Math.max(generation, s.generation() + 1);
        }
        List<String> vanished = states.keySet().stream().filter(id -> !listed.containsKey(id)).toList();

        ByteBoundedQueue<WriteEntry> queue = new ByteBoundedQueue<>(options.queueBytes());
        BulkWriter writer = new BulkWriter(queue, sink, new BulkWriter.Limits(config.sink().bulkMaxDocs(),
                config.sink().bulkMaxBytes(), config.sink().bulkLingerMillis()), totals, metrics, listener);
        Thread writerThread = new Thread(writer, "bulk-writer-" + config.connectorId());
        writerThread.start();
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(crawl.parallelPartitions(),
                r -> new Thread(r, "crawl-" + config.connectorId() + "-" + threads.incrementAndGet()));
        try {
            List<Future<PartitionCrawler.Outcome>> futures = new ArrayList<>();
            List<PartitionLedger> ledgers = new ArrayList<>();
            for (Partition p : listed.values()) {
                PartitionState stored = states.getOrDefault(p.id(), PartitionState.initial(p.id()));
                PartitionLedger ledger = new PartitionLedger(p.id(), stored, store, generation, mode,
                        options.unchangedInMemory());
                PartitionEmitter emitter = new PartitionEmitter(ledger, queue, extractor, config.connectorId(), clock,
                        totals, stop);
                futures.add(pool.submit(new PartitionCrawler(session, p, mode, ledger, emitter, deletions, options,
                        stop, clock)));
                ledgers.add(ledger);
            }
            for (int i = 0; i < futures.size(); i++) {
                Future<PartitionCrawler.Outcome> f = futures.get(i);
                PartitionCrawler.Outcome outcome;
                try {
                    outcome = f.get();
                } catch (ExecutionException e) {
                    stop.fatal(ErrorKind.PERMANENT, "A partition crawl failed unexpectedly: " + e.getCause());
                    outcome = PartitionCrawler.Outcome.FAILED;
                }
                if (outcome == PartitionCrawler.Outcome.CRAWLED) {
                    totals.crawled.incrementAndGet();
                } else if (outcome == PartitionCrawler.Outcome.FAILED) {
                    totals.failed.incrementAndGet();
                    totals.partitionFailed(ledgers.get(i).partition(), ledgers.get(i).partitionFailure());
                }
                safeProgress(listener, totals, metrics);
            }
        } finally {
            pool.shutdownNow();
            writer.stop();
            writerThread.join();
        }
        // Once more with what the writer sent last, so the last progress line and the summary agree.
        safeProgress(listener, totals, metrics);
        LOG.info("Crawl of '{}': {} documents in {} bulk requests ({} ms in bulk calls), {} ms in all",
                config.connectorId(), totals.upserted.sum(), totals.bulkRequests.sum(), totals.bulkNanos.sum() / 1_000_000,
                totals.elapsed().toMillis());
        Deletions.Removal removal = Deletions.Removal.NONE;
        if (!stop.cancelled() && stop.fatalKind() == null) {
            removal = deletions.removeVanished(states.size(), listed.size(), vanished);
            totals.removed.addAndGet(removal.removed());
            totals.deletions.add(removal.documents());
        }
        return report(totals, stop, stop.fatalKind(), stop.fatalMessage(), removal, deletions, metrics);
    }

    /**
     * Lists the partitions, retrying a listing that fails with a retryable kind (TRANSIENT,
     * RATE_LIMITED) as often as a partition's crawl is tried, with the same doubling backoff (or
     * the connector's retry hint, when longer). Any other kind, the last failure and a
     * cancellation during the wait end the listing.
     */
    private List<Partition> listPartitions(ConnectorSession session, CrawlStop stop)
            throws ConnectorException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return session.partitions();
            } catch (ConnectorException e) {
                boolean last = !e.kind().isRetryable() || attempt >= options.partitionAttempts();
                if (!last) {
                    long wait = options.retryBackoff().toMillis() << (attempt - 1);
                    if (e.retryAfter().isPresent()) {
                        wait = Math.max(wait, e.retryAfter().get().toMillis());
                    }
                    LOG.warn("Listing partitions failed ({}); trying again in {} ms", e.getMessage(), wait);
                    stop.await(wait);
                }
                if (last || stop.cancelled()) {
                    throw attempt == 1 ? e
                            : new ConnectorException(e.kind(), e.getMessage() + " (after " + attempt + " attempts)", e);
                }
            }
        }
    }

    private static CrawlReport report(CrawlTotals totals, CrawlStop stop, ErrorKind fatalKind, String fatalMessage,
            Deletions.Removal removal, Deletions deletions, MetricCounters metrics) {
        return new CrawlReport(totals.total(), totals.crawled.get(), totals.failed.get(), totals.upserted.sum(),
                totals.deletions.sum(), totals.failures.sum(), totals.removed.get(), removal.refusal(),
                removal.dryRun(), deletions.sweepRefusals(), deletions.dryRunSweeps(), stop.userCancelled(), fatalKind,
                fatalMessage, totals.elapsed(), metrics.snapshot(), totals.namedFailures(), removal.failed(),
                totals.failedPartitions());
    }

    private static void safeProgress(ProgressListener listener, CrawlTotals totals, MetricCounters metrics) {
        try {
            listener.progress(totals.progress(metrics));
        } catch (RuntimeException e) {
            // A broken progress display must not stop a crawl.
        }
    }
}
