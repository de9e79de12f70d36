package io.connectorkit.runtime.pipeline;

import static java.util.Objects.requireNonNull;

import io.connectorkit.runtime.FailedRemoval;
import io.connectorkit.runtime.HeldSweep;
import io.connectorkit.runtime.config.CrawlConfig;
import io.connectorkit.runtime.config.ShareLimit;
import io.connectorkit.runtime.index.DocumentSink;
import io.connectorkit.runtime.index.SweepCount;
import io.connectorkit.runtime.state.StateStore;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The deletions of one crawl that no connector asked for, each behind its breaker and the dry-run
 * switch: the sweep of a partition's documents not seen again by a complete FULL listing, and the
 * removal of partitions a successful listing no longer returns. Thread-safe: partitions sweep
 * from their crawl threads.
 */
final class Deletions {
    private static final Logger LOG = LogManager.getLogger(Deletions.class);

    /** What the removal of partitions no longer listed did, and which removals failed. */
    record Removal(int removed, long documents, String refusal, List<String> dryRun, List<FailedRemoval> failed) {
        /** Nothing removed, nothing refused. */
        static final Removal NONE = new Removal(0, 0, null, List.of(), List.of());

        Removal(int removed, long documents, String refusal, List<String> dryRun) {
            this(removed, documents, refusal, dryRun, List.of());
        }
    }

    private final DocumentSink sink;
    private final StateStore store;
    private final CrawlConfig config;
    private final Semaphore indexQueries;
    private final Clock clock;
    private final CrawlTotals totals;
    // By partition: a partition retried after its sweep was held is reported once.
    private final Map<String, HeldSweep> sweepRefusals = new ConcurrentSkipListMap<>();
    private final Map<String, HeldSweep> dryRunSweeps = new ConcurrentSkipListMap<>();

    /**
     * @param indexQueries the bound on index look-ups and sweeps running at once
     * @param totals where the sweeps' deletions are counted
     */
    Deletions(DocumentSink sink, StateStore store, CrawlConfig config, Semaphore indexQueries, Clock clock,
            CrawlTotals totals) {
        this.sink = requireNonNull(sink, "sink");
        this.store = requireNonNull(store, "store");
        this.config = requireNonNull(config, "config");
        this.indexQueries = requireNonNull(indexQueries, "indexQueries");
        this.clock = requireNonNull(clock, "clock");
        this.totals = requireNonNull(totals, "totals");
    }

    /**
     * Sweeps the partition unless the sweep breaker refuses or the crawl is a dry run; both are
     * reported and noted in the partition's state.
     *
     * @param ledger the partition, after a complete FULL listing whose writes were all acknowledged
     * @return whether the sweep ran
     */
    boolean sweep(PartitionLedger ledger) throws Exception {
        String partition = ledger.partition();
        indexQueries.acquire();
        try {
            Set<String> spared = ledger.sweepExceptions();
            SweepCount count = sink.countSweep(partition, ledger.generation(), spared);
            ShareLimit limit = config.sweepLimit();
            String at = "FULL crawl of " + clock.instant().truncatedTo(ChronoUnit.SECONDS);
            if (limit.refuses(count.swept(), count.documents())) {
                String message = String.format(Locale.ROOT, "%d of %d documents of partition '%s' (%s) were not seen"
                        + " again by this FULL crawl, more than %s allows; nothing was deleted there. A listing that"
                        + " stopped early looks like this; if the documents really left the source, raise %s for"
                        + " one run", count.swept(), count.documents(), partition,
                        ShareLimit.percent(count.swept(), count.documents()), limit.setting(), limit.key());
                LOG.warn(message);
                sweepRefusals.put(partition, new HeldSweep(partition, count.swept(), count.documents(), message));
                ledger.sweepNote(at + ": refused: " + message);
                return false;
            }
            if (count.swept() > 0 && config.deletionsDryRun()) {
                String message = String.format(Locale.ROOT, "would delete %d of %d documents of partition '%s' not"
                        + " seen again (crawl.deletions.dry-run = true; set it to false to delete them)",
                        count.swept(), count.documents(), partition);
                LOG.info("Dry run: {}", message);
                dryRunSweeps.put(partition, new HeldSweep(partition, count.swept(), count.documents(), message));
                ledger.sweepNote(at + ": dry run: " + message);
                return false;
            }
            if (count.swept() > 0) {
                totals.deletions.add(sink.sweep(partition, ledger.generation(), spared));
            }
            ledger.sweepNote(null);
            return true;
        } finally {
            indexQueries.release();
        }
    }

    /** @return the refused sweeps, by partition */
    List<HeldSweep> sweepRefusals() {
        return List.copyOf(sweepRefusals.values());
    }

    /** @return the dry-run sweeps, by partition */
    List<HeldSweep> dryRunSweeps() {
        return List.copyOf(dryRunSweeps.values());
    }

    /**
     * Deletes the documents and state of the partitions no longer listed, unless the
     * mass-deletion breaker refuses or the crawl is a dry run.
     *
     * @param known partitions with stored state before this crawl
     * @param listed partitions the listing of this crawl returned
     * @param vanished the known partitions the listing no longer returned
     * @return what was removed, refused or held
     */
    Removal removeVanished(int known, int listed, List<String> vanished) throws InterruptedException {
        if (vanished.isEmpty()) {
            return Removal.NONE;
        }
        if (listed == 0) {
            // An empty listing is far likelier a broken answer or a lost permission than a source
            // that emptied: no share setting lets it delete everything.
            String refusal = String.format(Locale.ROOT, "the listing returned no partitions while %d are known;"
                    + " nothing was deleted, whatever crawl.deletions.max-share says. Check the scope settings and"
                    + " the source's permissions; if the source really is empty, delete the index to start over",
                    known);
            LOG.warn(refusal);
            return new Removal(0, 0, refusal, List.of());
        }
        ShareLimit limit = config.deletionLimit();
        if (limit.refuses(vanished.size(), known)) {
            String refusal = String.format(Locale.ROOT, "%d of %d known partitions (%s) are no longer listed, more than"
                    + " %s allows; nothing was deleted. If they really left the scope,"
                    + " raise %s for one run", vanished.size(), known, ShareLimit.percent(vanished.size(), known),
                    limit.setting(), limit.key());
            LOG.warn(refusal);
            return new Removal(0, 0, refusal, List.of());
        }
        if (config.deletionsDryRun()) {
            return new Removal(0, 0, null, vanished);
        }
        ExecutorService pool = Executors.newFixedThreadPool(config.parallelPartitionDeletions(),
                r -> new Thread(r, "partition-deletion"));
        try {
            List<Future<Long>> futures = new ArrayList<>();
            for (String partition : vanished) {
                futures.add(pool.submit(() -> {
                    long deleted = sink.deletePartition(partition);
                    store.delete(partition);
                    LOG.info("Partition '{}' is no longer listed: deleted its {} documents", partition, deleted);
                    return deleted;
                }));
            }
            int removed = 0;
            long documents = 0;
            List<FailedRemoval> failed = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                try {
                    documents += futures.get(i).get();
                    removed++;
                } catch (ExecutionException e) {
                    // Reported, never only logged: the partition's state stays (it is deleted last),
                    // so the next crawl finds it unlisted again and tries once more.
                    String reason = String.valueOf(e.getCause().getMessage());
                    LOG.error("Removing partition '{}' failed: {}; its documents are still in the index, and the"
                            + " next crawl tries again", vanished.get(i), reason);
                    failed.add(new FailedRemoval(vanished.get(i), reason));
                }
            }
            return new Removal(removed, documents, null, List.of(), failed);
        } finally {
            pool.shutdownNow();
        }
    }
}
