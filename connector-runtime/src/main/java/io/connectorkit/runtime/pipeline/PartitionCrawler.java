package io.connectorkit.runtime.pipeline;

import static java.util.Objects.requireNonNull;

import io.connectorkit.api.CancelledException;
import io.connectorkit.api.Checkpoint;
import io.connectorkit.api.ConnectorException;
import io.connectorkit.api.ConnectorSession;
import io.connectorkit.api.CrawlMode;
import io.connectorkit.api.ErrorKind;
import io.connectorkit.api.Partition;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.Semaphore;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Crawls one partition: runs the connector's crawl, waits until its writes are acknowledged,
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
        for (int attempt = 1; ; attempt++) {
            if (control.cancelled()) {
                return Outcome.CANCELLED;
            }
            run.startAttempt();
            String committed = run.committedCheckpoint();
            Exception error = null;
            boolean cancelled = false;
            try {
                session.crawl(partition, committed == null ? null : new Checkpoint(committed), mode, emitter);
            } catch (CancelledException e) {
                cancelled = true;
            } catch (ConnectorException | RuntimeException e) {
                error = e;
            }
            emitter.flush();
            // A connector that saw the cancellation returns normally; only a complete listing
            // makes that a finished crawl.
            cancelled = cancelled || (error == null && control.cancelled() && !run.complete());
            if (error == null && run.writeFailure() != null) {
                error = run.writeFailure();
            }
            ErrorKind kind = kindOf(error);
            if (error == null && !cancelled) {
                try {
                    if (mode == CrawlMode.FULL && run.complete()) {
                        sweep();
                    }
                    run.finish(true, mode == CrawlMode.FULL && run.complete(), clock.instant());
                    return Outcome.CRAWLED;
                } catch (Exception e) {
                    error = e;
                    kind = ErrorKind.TRANSIENT;
                }
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

    private void sweep() throws Exception {
        Semaphore permits = services.indexQueries();
        permits.acquire();
        try {
            totals.deletions.add(services.sink().sweep(partition.id(), run.generation(), run.sweepExceptions()));
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
        return e instanceof IndexWriteFailedException || e instanceof io.connectorkit.runtime.sink.SinkException
                || (e instanceof io.connectorkit.runtime.state.StateStoreException
                        && !(e instanceof io.connectorkit.runtime.state.StateConflictException))
                ? ErrorKind.TRANSIENT : ErrorKind.PERMANENT;
    }
}
