package io.connectorkit.api;

import io.connectorkit.api.check.ScopeDecision;
import java.util.List;

/**
 * An open connection to a source for one run, created by {@link SourceConnector#open}.
 *
 * <p><b>Lifecycle.</b> The host calls {@link #partitions()} (once or more), then
 * {@link #crawl} for partitions (each {@link CrawlMode#INCREMENTAL} crawl preceded by
 * {@link #refetch} when the partition has failed items to fetch again), then {@link #close()}.
 * After {@code close()} no other method is called.
 *
 * <p><b>Threading.</b> {@link #crawl} is called from several threads at once, each call with a
 * different partition; implementations share connection pools, tokens and rate limiters
 * safely. {@link #partitions()} is not called concurrently with itself.
 */
public interface ConnectorSession extends AutoCloseable {
    /**
     * Lists the partitions in scope now.
     *
     * <p>The host deletes the documents of partitions that an earlier successful listing
     * returned and this one does not, so this method must throw rather than return a partial
     * or empty list when the source could not be listed completely. A {@link ErrorKind#TRANSIENT}
     * or {@link ErrorKind#RATE_LIMITED} failure is retried by the host a bounded number of times,
     * with backoff (at least {@link ConnectorException#retryAfter()} when given); any other kind,
     * and the last failure, end the run.
     *
     * @return every partition in scope, in a stable order
     * @throws ConnectorException if the listing failed or was incomplete
     */
    List<Partition> partitions() throws ConnectorException;

    /**
     * Lists every candidate the source offers (included or not) with the rule that decided it,
     * without crawling anything. Used by a host's preview command.
     *
     * @return one decision per candidate; by default, every partition as included
     * @throws ConnectorException if the listing failed
     */
    default List<ScopeDecision> preview() throws ConnectorException {
        return partitions().stream()
                .map(p -> ScopeDecision.included("partition", p.id(), "listed by the source"))
                .toList();
    }

    /**
     * Crawls one partition, emitting documents, deletions, failures and checkpoints, and
     * returns when the partition is done or the run is cancelled.
     *
     * <p><b>Cancellation.</b> Check {@link ConnectorContext#cancelled()} between items; once it is
     * {@code true}, emit a checkpoint covering what was emitted and return.
     *
     * <p>Problems with single items go to {@link Emitter#failure} and the crawl goes on.
     * Rate limits are waited out inside the call. A thrown exception ends this partition's
     * crawl (the host keeps its last acknowledged checkpoint); a fatal kind ends the run.
     *
     * @param partition the partition, one returned by {@link #partitions()}
     * @param checkpoint the last persisted checkpoint of this partition, or {@code null} on a
     *     first crawl (or after a reset)
     * @param mode {@link CrawlMode#INCREMENTAL} to read what changed since the checkpoint,
     *     {@link CrawlMode#FULL} to read everything that exists
     * @param emitter where the results go; bound to this partition
     * @throws ConnectorException if the partition cannot be crawled further
     * @throws CancelledException if the run was cancelled ({@link ConnectorContext#cancelled()})
     *     and the connector unwinds by letting the emitter's exception propagate
     */
    void crawl(Partition partition, Checkpoint checkpoint, CrawlMode mode, Emitter emitter)
            throws ConnectorException;

    /**
     * Fetches again items that failed in an earlier run, identified by the
     * {@link ItemFailure#sourceRef()} the connector gave them, and emits them as a crawl would:
     * {@link Emitter#upsert} for each document of the item (without the "unchanged" skip: the host
     * asks because the index lacks something of the item), {@link Emitter#delete} for an item the
     * source no longer has, and {@link Emitter#failure} (with the same reference) for one that fails
     * again. Do not emit checkpoints or call {@link Emitter#partitionComplete()}: the crawl that
     * follows does.
     *
     * <p><b>Lifecycle.</b> The host calls it at most once per partition and run, on the same
     * thread, right before an {@link CrawlMode#INCREMENTAL} {@link #crawl} of the partition (a
     * {@link CrawlMode#FULL} crawl lists every item anyway). An item stays on the host's list until
     * one of its documents is acknowledged by the index, or it has failed a bounded number of times
     * (then the host reports it as permanent). An item the source no longer has is best emitted
     * as a delete, which removes it from the list too.
     *
     * <p><b>Threading.</b> Called concurrently for different partitions, like {@link #crawl}.
     *
     * @param partition the partition, one returned by {@link #partitions()}
     * @param sourceRefs the references to fetch again, distinct, never {@code null} nor empty
     * @param emitter where the results go; bound to this partition
     * @return {@code true} if the items were fetched again (each emitted as a document, a delete or
     *     a failure); {@code false}, the default, if this connector cannot fetch items one by one:
     *     the host then keeps the failures, says so, and only a FULL crawl tries them again
     * @throws ConnectorException as {@link #crawl} does: the partition's crawl is then handled as a
     *     failed crawl attempt, and the failures stay on the list unchanged
     * @throws CancelledException if the run was cancelled ({@link ConnectorContext#cancelled()})
     *     and the connector unwinds by letting the emitter's exception propagate
     */
    default boolean refetch(Partition partition, List<String> sourceRefs, Emitter emitter) throws ConnectorException {
        return false;
    }

    /**
     * Releases connections, threads and temporary files. Idempotent: a second call does
     * nothing. Never throws.
     */
    @Override
    void close();
}
