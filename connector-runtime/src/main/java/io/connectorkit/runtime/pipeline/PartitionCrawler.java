package io.connectorkit.runtime.pipeline;

import static java.util.Objects.requireNonNull;

import io.connectorkit.api.CancelledException;
import io.connectorkit.api.ConnectorException;
import io.connectorkit.api.ConnectorSession;
import io.connectorkit.api.CrawlMode;
import io.connectorkit.api.ErrorKind;
import io.connectorkit.api.Partition;
import io.connectorkit.runtime.index.IndexDiskFullException;
import io.connectorkit.runtime.index.SinkException;
import io.connectorkit.runtime.state.StateConflictException;
import io.connectorkit.runtime.state.StateStoreException;
import java.time.Clock;
import java.util.concurrent.Callable;
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
    private final PartitionLedger ledger;
    private final PartitionEmitter emitter;
    private final Deletions deletions;
    private final PipelineOptions options;
    private final CrawlStop stop;
    private final Clock clock;

    PartitionCrawler(ConnectorSession session, Partition partition, CrawlMode mode, PartitionLedger ledger,
            PartitionEmitter emitter, Deletions deletions, PipelineOptions options, CrawlStop stop, Clock clock) {
        this.session = requireNonNull(session, "session");
        this.partition = requireNonNull(partition, "partition");
        this.mode = requireNonNull(mode, "mode");
        this.ledger = requireNonNull(ledger, "ledger");
        this.emitter = requireNonNull(emitter, "emitter");
        this.deletions = requireNonNull(deletions, "deletions");
        this.options = requireNonNull(options, "options");
        this.stop = requireNonNull(stop, "stop");
        this.clock = requireNonNull(clock, "clock");
    }

    @Override
    public Outcome call() throws InterruptedException {
        FailedItemRetry retry = new FailedItemRetry(session, partition, mode, ledger, emitter);
        for (int attempt = 1; ; attempt++) {
            if (stop.cancelled()) {
                return Outcome.CANCELLED;
            }
            ledger.startAttempt();
            Exception error = null;
            boolean cancelled = false;
            try {
                retry.refetchOnce();
                session.crawl(partition, ledger.committedCheckpoint(), mode, emitter);
            } catch (CancelledException e) {
                cancelled = true;
            } catch (ConnectorException | RuntimeException e) {
                error = e;
            }
            emitter.flush(error == null && !cancelled);
            // A connector that saw the cancellation returns normally; only a complete listing
            // makes that a finished crawl.
            cancelled = cancelled || (error == null && stop.cancelled() && !ledger.complete());
            if (error == null && ledger.writeFailure() != null) {
                error = ledger.writeFailure();
            }
            ErrorKind kind = kindOf(error);
            if (error == null && !cancelled) {
                try {
                    boolean swept = mode == CrawlMode.FULL && ledger.complete() && deletions.sweep(ledger);
                    // Failures carried from earlier crawls are forgotten only when the sweep ran: a
                    // refused sweep suspects the listing, and a dry run changes nothing.
                    ledger.finish(true, swept, clock.instant());
                    return Outcome.CRAWLED;
                } catch (Exception e) {
                    error = e;
                    kind = ErrorKind.TRANSIENT;
                }
            }
            // The index's disk is full: every partition writes to it, so the whole crawl stops.
            IndexDiskFullException disk = IndexDiskFullException.in(error);
            if (disk != null) {
                stop.abort(ErrorKind.TRANSIENT, disk.getMessage());
                ledger.partitionFailed(ErrorKind.TRANSIENT.name(), "Crawl stopped: " + disk.getMessage());
                saveQuietly();
                return Outcome.FAILED;
            }
            if (cancelled || (error != null && stop.cancelled() && !kind.isFatal())) {
                saveQuietly();
                return Outcome.CANCELLED;
            }
            if (kind.isFatal()) {
                stop.abort(kind, error.getMessage());
                ledger.partitionFailed(kind.name(), "Crawl failed: " + error.getMessage());
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
            ledger.partitionFailed(kind.name(), "Crawl failed after " + attempt + " attempt(s): " + error.getMessage());
            saveQuietly();
            return Outcome.FAILED;
        }
    }

    private void saveQuietly() {
        try {
            ledger.finish(false, false, clock.instant());
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
        return e instanceof PartitionEmitter.WriteFailedException || e instanceof SinkException
                || (e instanceof StateStoreException && !(e instanceof StateConflictException))
                ? ErrorKind.TRANSIENT : ErrorKind.PERMANENT;
    }
}
