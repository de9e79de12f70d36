package io.connectorkit.runtime.pipeline;

import static java.util.Objects.requireNonNull;

import io.connectorkit.api.Checkpoint;
import io.connectorkit.api.CrawlMode;
import io.connectorkit.api.ItemFailure;
import io.connectorkit.runtime.state.FailureRecord;
import io.connectorkit.runtime.state.PartitionState;
import io.connectorkit.runtime.state.StateStore;
import io.connectorkit.runtime.state.StateStoreException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ledger of one partition during one crawl: its committed state, the failures recorded so
 * far, and whether a write of its documents failed. The crawl thread and the bulk writer both use
 * it, so every method is synchronised; state writes for the partition go through here only.
 *
 * <p>It also remembers the unchanged documents of a FULL crawl, up to a bound, so that the sweep
 * spares them without re-stamping each one in the index (a re-stamp rewrites the whole document).
 * An INCREMENTAL crawl remembers none: it sweeps nothing, and every later FULL crawl has a larger
 * generation, so a stamp written now could never spare a document from a later sweep.
 */
final class PartitionLedger {
    /**
     * How many failures the state keeps per partition (the latest ones). Those beyond are only
     * counted: they are not fetched again by an incremental crawl, only by a FULL crawl.
     */
    static final int KEPT_FAILURES = 1000;
    /** The item id under which a failed crawl of the whole partition is kept, until a crawl succeeds. */
    static final String PARTITION_ITEM = FailureRecord.PARTITION;

    private final String partition;
    private final StateStore store;
    private final long generation;
    private final boolean sweeps;
    private final int unchangedLimit;
    private final Set<String> unchanged = new HashSet<>();
    private PartitionState state;
    private final Map<String, FailureRecord> carried = new LinkedHashMap<>();
    private final Map<String, FailureRecord> current = new LinkedHashMap<>();
    private final Set<String> failedIds = new HashSet<>();
    private long carriedBeyondKept;
    private Exception writeFailure;
    private boolean complete;
    private String sweepNote;

    /** The ledger of a FULL crawl that re-stamps every unchanged document in the index. */
    PartitionLedger(String partition, PartitionState stored, StateStore store, long generation) {
        this(partition, stored, store, generation, CrawlMode.FULL, 0);
    }

    /**
     * @param mode the crawl's mode: only a FULL crawl sweeps, so only its unchanged documents matter
     * @param unchangedLimit how many unchanged documents a FULL crawl remembers; beyond it they are
     *     re-stamped
     */
    PartitionLedger(String partition, PartitionState stored, StateStore store, long generation, CrawlMode mode,
            int unchangedLimit) {
        this.partition = requireNonNull(partition, "partition");
        this.state = requireNonNull(stored, "stored");
        this.store = requireNonNull(store, "store");
        this.generation = generation;
        this.sweeps = requireNonNull(mode, "mode") == CrawlMode.FULL;
        this.unchangedLimit = unchangedLimit;
        stored.failures().forEach(f -> carried.put(f.itemId(), f));
        carriedBeyondKept = Math.max(0, stored.failureCount() - stored.failures().size());
        sweepNote = stored.sweepNote();
    }

    String partition() {
        return partition;
    }

    long generation() {
        return generation;
    }

    synchronized Checkpoint committedCheckpoint() {
        return state.checkpoint();
    }

    /** Starts a crawl attempt: forgets the previous attempt's write failure and completeness. */
    synchronized void startAttempt() {
        writeFailure = null;
        complete = false;
    }

    synchronized void markComplete() {
        complete = true;
    }

    synchronized boolean complete() {
        return complete;
    }

    synchronized void writeFailed(Exception e) {
        if (writeFailure == null) {
            writeFailure = e;
        }
    }

    synchronized Exception writeFailure() {
        return writeFailure;
    }

    /**
     * Records a failure of this crawl. One carried over from an earlier crawl counts as another try;
     * after {@link FailureRecord#ITEM_TRIES} tries the item is permanent and no longer fetched again.
     */
    synchronized void recordFailure(ItemFailure f) {
        FailureRecord before = carried.remove(f.itemId());
        FailureRecord prior = before != null ? before : current.get(f.itemId());
        int retries = prior == null ? 0 : prior.retries() + (before != null ? 1 : 0);
        String ref = f.sourceRef() != null ? f.sourceRef() : prior == null ? null : prior.sourceRef();
        boolean permanent = (prior != null && prior.permanent()) || retries + 1 >= FailureRecord.ITEM_TRIES;
        current.put(f.itemId(), new FailureRecord(f.itemId(), f.kind().name(), f.reason(), retries, ref, permanent));
        failedIds.add(f.itemId());
    }

    /**
     * The source references of the failures carried from earlier crawls that are to be fetched again:
     * those with a reference that are not permanent, distinct, in the order they were recorded.
     */
    synchronized List<String> refetchRefs() {
        Set<String> refs = new LinkedHashSet<>();
        carried.values().stream().filter(FailureRecord::retrying).forEach(f -> refs.add(f.sourceRef()));
        return List.copyOf(refs);
    }

    /**
     * The failures carried from earlier crawls whose source reference is one of {@code refs}: after
     * those were fetched again and every write was processed, the items still failed (no document
     * of theirs was acknowledged, and they did not fail again under their own id).
     */
    synchronized List<FailureRecord> stillCarried(List<String> refs) {
        Set<String> wanted = Set.copyOf(refs);
        return carried.values().stream().filter(f -> f.retrying() && wanted.contains(f.sourceRef())).toList();
    }

    /** The crawl of the whole partition failed; kept in the state until a crawl succeeds. */
    synchronized void partitionFailed(String kind, String reason) {
        FailureRecord before = carried.remove(PARTITION_ITEM);
        current.put(PARTITION_ITEM, new FailureRecord(PARTITION_ITEM, kind, reason, before == null ? 0 : before.retries() + 1));
    }

    /** @return why this crawl of the partition failed, as {@link #partitionFailed} noted it, or a placeholder */
    synchronized String partitionFailure() {
        FailureRecord f = current.get(PARTITION_ITEM);
        return f == null ? "the crawl of the partition failed" : f.reason();
    }

    /** An item landed: a failure carried over from an earlier crawl is resolved. */
    synchronized void acknowledged(String id) {
        carried.remove(id);
    }

    synchronized Set<String> failedIds() {
        return Set.copyOf(failedIds);
    }

    /**
     * Notes an unchanged document, unless the bound of remembered documents is reached.
     *
     * @return {@code true} if nothing more is needed for the sweep to spare the document (it is
     *     also acknowledged), {@code false} if it must be re-stamped in the index
     */
    synchronized boolean unchanged(String id) {
        if (sweeps) {
            if (unchanged.size() >= unchangedLimit && !unchanged.contains(id)) {
                return false;
            }
            unchanged.add(id);
        }
        acknowledged(id);
        return true;
    }

    /**
     * The ids the sweep spares with their children: this crawl's failures and its remembered
     * unchanged documents.
     */
    synchronized Set<String> sweepExceptions() {
        Set<String> out = new HashSet<>(failedIds);
        out.addAll(unchanged);
        return out;
    }

    /** Persists a checkpoint; every write before it has been acknowledged. */
    synchronized void commit(Checkpoint checkpoint) throws StateStoreException {
        if (writeFailure != null) {
            return;
        }
        save(state.withCheckpoint(checkpoint), state.lastSuccess());
    }

    /** Persists the end of a crawl attempt; with {@code success}, stamps the last success. */
    synchronized void finish(boolean success, boolean forgetCarried, Instant now) throws StateStoreException {
        if (success) {
            carried.remove(PARTITION_ITEM);
        }
        if (forgetCarried) {
            carried.clear();
            carriedBeyondKept = 0;
        }
        save(state, success ? now : state.lastSuccess());
    }

    /**
     * Notes how this crawl's FULL sweep ended, saved with the end of the attempt.
     *
     * @param note why it deleted nothing, or {@code null} when it ran
     */
    synchronized void sweepNote(String note) {
        sweepNote = note;
    }

    synchronized PartitionState state() {
        return state;
    }

    private void save(PartitionState base, Instant lastSuccess) throws StateStoreException {
        List<FailureRecord> all = new ArrayList<>(carried.values());
        all.addAll(current.values());
        List<FailureRecord> kept = all.size() > KEPT_FAILURES ? all.subList(all.size() - KEPT_FAILURES, all.size()) : all;
        PartitionState next = new PartitionState(partition, base.checkpoint(), generation, lastSuccess, kept,
                all.size() + carriedBeyondKept, base.seqNo(), base.primaryTerm(), sweepNote);
        state = store.save(next);
    }
}
