package io.connectorkit.runtime.pipeline;

import static java.util.Objects.requireNonNull;

import io.connectorkit.api.CancelledException;
import io.connectorkit.api.ConnectorException;
import io.connectorkit.api.ConnectorSession;
import io.connectorkit.api.CrawlMode;
import io.connectorkit.api.ErrorKind;
import io.connectorkit.api.Partition;
import io.connectorkit.runtime.HeldSweep;
import io.connectorkit.runtime.config.CrawlConfig;
import io.connectorkit.runtime.config.ShareLimit;
import io.connectorkit.runtime.index.DocumentSink;
import io.connectorkit.runtime.index.IndexDiskFullException;
import io.connectorkit.runtime.index.SinkException;
import io.connectorkit.runtime.index.SweepCount;
import io.connectorkit.runtime.state.StateConflictException;
import io.connectorkit.runtime.state.StateStoreException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Semaphore;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Crawls one partition: fetches again the items that failed in earlier runs ({@link FailedItemRetry}),
 * runs the connector's crawl, waits until its writes are acknowledged,
 * sweeps after a complete FULL listing, and retries transient failures from the last committed
 * checkpoint.
 */
final class PartitionCrawler implements Callable<PartitionCrawler.Outcome> {
    private static final Logger LOG = LogManager.getLogger(PartitionCrawler.class);

    /** How the partition's crawl ended. */
    enum Outcome { CRAWLED, FAILED, CANCELLED }

    private final ConnectorSession session;
    private final Partition partition;
    private final CrawlMode mode;
    private final PartitionRun run;
    private final PartitionEmitter emitter;
    private final RunServices services;
    private final RunTotals totals;
    private final RunControl control;
    private final Clock clock;

    PartitionCrawler(ConnectorSession session, Partition partition, CrawlMode mode, PartitionRun run,
            PartitionEmitter emitter, RunServices services, RunTotals totals, RunControl control, Clock clock) {
        this.session = requireNonNull(session, "session");
        this.partition = requireNonNull(partition, "partition");
        this.mode = requireNonNull(mode, "mode");
        this.run = requireNonNull(run, "run");
        this.emitter = requireNonNull(emitter, "emitter");
        this.services = requireNonNull(services, "services");
        this.totals = requireNonNull(totals, "totals");
        this.control = requireNonNull(control, "control");
        this.clock = requireNonNull(clock, "clock");
    }

    @Override
    public Outcome call() throws InterruptedException {
        PipelineOptions options = services.options();
        FailedItemRetry retry = new FailedItemRetry(session, partition, mode, run, emitter);
        for (int attempt = 1; ; attempt++) {
            if (control.cancelled()) {
                return Outcome.CANCELLED;
            }
            run.startAttempt();
            Exception error = null;
            boolean cancelled = false;
            try {
                retry.refetchOnce();
                session.crawl(partition, run.committedCheckpoint(), mode, emitter);
            } catch (CancelledException e) {
                cancelled = true;
            } catch (ConnectorException | RuntimeException e) {
                error = e;
            }
            emitter.flush(error == null && !cancelled);
            // A connector that saw the cancellation returns normally; only a complete listing
            // makes that a finished crawl.
            cancelled = cancelled || (error == null && control.cancelled() && !run.complete());
            if (error == null && run.writeFailure() != null) {
                error = run.writeFailure();
            }
            ErrorKind kind = kindOf(error);
            if (error == null && !cancelled) {
                try {
                    boolean swept = mode == CrawlMode.FULL && run.complete() && sweep();
                    // Failures carried from earlier runs are forgotten only when the sweep ran: a
                    // refused sweep suspects the listing, and a dry run changes nothing.
                    run.finish(true, swept, clock.instant());
                    return Outcome.CRAWLED;
                } catch (Exception e) {
                    error = e;
                    kind = ErrorKind.TRANSIENT;
                }
            }
            // The index's disk is full: every partition writes to it, so the whole crawl stops.
            IndexDiskFullException disk = IndexDiskFullException.in(error);
            if (disk != null) {
                services.fatal(ErrorKind.TRANSIENT, disk.getMessage());
                control.abort();
                run.partitionFailed(ErrorKind.TRANSIENT.name(), "Crawl stopped: " + disk.getMessage());
                saveQuietly();
                return Outcome.FAILED;
            }
            if (cancelled || (error != null && control.cancelled() && !kind.isFatal())) {
                saveQuietly();
                return Outcome.CANCELLED;
            }
            if (kind.isFatal()) {
                services.fatal(kind, error.getMessage());
                control.abort();
                run.partitionFailed(kind.name(), "Crawl failed: " + error.getMessage());
                saveQuietly();
                return Outcome.FAILED;
            }
            if (kind.isRetryable() && attempt < options.partitionAttempts()) {
                LOG.warn("Partition '{}' failed ({}); retrying from its last checkpoint", partition.id(), error.getMessage());
                long wait = options.retryBackoff().toMillis() << (attempt - 1);
                if (error instanceof ConnectorException c && c.retryAfter().isPresent()) {
                    wait = Math.max(wait, c.retryAfter().get().toMillis());
                }
                Thread.sleep(wait);
                continue;
            }
            LOG.warn("Partition '{}' failed: {}", partition.id(), error.getMessage());
            run.partitionFailed(kind.name(), "Crawl failed after " + attempt + " attempt(s): " + error.getMessage());
            saveQuietly();
            return Outcome.FAILED;
        }
    }

    /**
     * Sweeps the partition unless the sweep breaker refuses or the run is a dry run; both are
     * reported and noted in the partition's state.
     *
     * @return whether the sweep ran
     */
    private boolean sweep() throws Exception {
        Semaphore permits = services.indexQueries();
        permits.acquire();
        try {
            DocumentSink sink = services.sink();
            CrawlConfig crawl = services.crawl();
            Set<String> keep = run.sweepExceptions();
            SweepCount count = sink.countSweep(partition.id(), run.generation(), keep);
            ShareLimit limit = crawl.sweepLimit();
            String at = "FULL crawl of " + clock.instant().truncatedTo(ChronoUnit.SECONDS);
            if (limit.refuses(count.swept(), count.documents())) {
                String message = String.format(Locale.ROOT, "%d of %d documents of partition '%s' (%s) were not seen"
                        + " again by this FULL crawl, more than %s allows; nothing was deleted there. A listing that"
                        + " stopped early looks like this; if the documents really left the source, raise %s for"
                        + " one run", count.swept(), count.documents(), partition.id(),
                        ShareLimit.percent(count.swept(), count.documents()), limit.setting(), limit.key());
                LOG.warn(message);
                services.sweepRefused(new HeldSweep(partition.id(), count.swept(), count.documents(), message));
                run.sweepNote(at + ": refused: " + message);
                return false;
            }
            if (count.swept() > 0 && crawl.deletionsDryRun()) {
                String message = String.format(Locale.ROOT, "would delete %d of %d documents of partition '%s' not"
                        + " seen again (crawl.deletions.dry-run = true; set it to false to delete them)",
                        count.swept(), count.documents(), partition.id());
                LOG.info("Dry run: {}", message);
                services.sweepDryRun(new HeldSweep(partition.id(), count.swept(), count.documents(), message));
                run.sweepNote(at + ": dry run: " + message);
                return false;
            }
            if (count.swept() > 0) {
                totals.deletions.add(sink.sweep(partition.id(), run.generation(), keep));
            }
            run.sweepNote(null);
            return true;
        } finally {
            permits.release();
        }
    }

    private void saveQuietly() {
        try {
            run.finish(false, false, clock.instant());
        } catch (Exception e) {
            LOG.warn("State of partition '{}' not saved: {}", partition.id(), e.getMessage());
        }
    }

    private static ErrorKind kindOf(Exception e) {
        if (e == null) {
            return ErrorKind.TRANSIENT;
        }
        if (e instanceof ConnectorException c) {
            return c.kind();
        }
        // A failed index write may pass; any other runtime exception is a connector bug.
        return e instanceof IndexWriteFailedException || e instanceof SinkException
                || (e instanceof StateStoreException
                        && !(e instanceof StateConflictException))
                ? ErrorKind.TRANSIENT : ErrorKind.PERMANENT;
    }
}
