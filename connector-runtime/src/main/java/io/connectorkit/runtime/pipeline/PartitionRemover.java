package io.connectorkit.runtime.pipeline;

import static java.util.Objects.requireNonNull;

import io.connectorkit.runtime.config.CrawlConfig;
import io.connectorkit.runtime.config.ShareLimit;
import io.connectorkit.runtime.index.DocumentSink;
import io.connectorkit.runtime.state.StateStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Deletes the documents and state of partitions that were crawled before but that a successful
 * listing no longer returns, guarded by the mass-deletion breaker and the dry-run switch.
 */
final class PartitionRemover {
    private static final Logger LOG = LogManager.getLogger(PartitionRemover.class);

    /** What the removal did. */
    record Result(int removed, long documents, String refusal, List<String> dryRun) {
    }

    private final DocumentSink sink;
    private final StateStore store;
    private final CrawlConfig config;

    PartitionRemover(DocumentSink sink, StateStore store, CrawlConfig config) {
        this.sink = requireNonNull(sink, "sink");
        this.store = requireNonNull(store, "store");
        this.config = requireNonNull(config, "config");
    }

    /**
     * Decides and, unless refused or in dry-run mode, deletes.
     *
     * @param known partitions with stored state before this run
     * @param listed partitions the listing of this run returned
     * @param vanished the known partitions the listing no longer returned
     */
    Result remove(int known, int listed, List<String> vanished) throws InterruptedException {
        if (vanished.isEmpty()) {
            return new Result(0, 0, null, List.of());
        }
        if (listed == 0) {
            // An empty listing is far likelier a broken answer or a lost permission than a source
            // that emptied: no share setting lets it delete everything.
            String refusal = String.format(Locale.ROOT, "the listing returned no partitions while %d are known;"
                    + " nothing was deleted, whatever crawl.deletions.max-share says. Check the scope settings and"
                    + " the source's permissions; if the source really is empty, delete the index to start over",
                    known);
            LOG.warn(refusal);
            return new Result(0, 0, refusal, List.of());
        }
        ShareLimit limit = config.deletionLimit();
        if (limit.refuses(vanished.size(), known)) {
            String refusal = String.format(Locale.ROOT, "%d of %d known partitions (%s) are no longer listed, more than"
                    + " %s allows; nothing was deleted. If they really left the scope,"
                    + " raise %s for one run", vanished.size(), known, ShareLimit.percent(vanished.size(), known),
                    limit.setting(), limit.key());
            LOG.warn(refusal);
            return new Result(0, 0, refusal, List.of());
        }
        if (config.deletionsDryRun()) {
            return new Result(0, 0, null, vanished);
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
            for (int i = 0; i < futures.size(); i++) {
                try {
                    documents += futures.get(i).get();
                    removed++;
                } catch (java.util.concurrent.ExecutionException e) {
                    LOG.warn("Deleting partition '{}' failed: {}", vanished.get(i), e.getCause().getMessage());
                }
            }
            return new Result(removed, documents, null, List.of());
        } finally {
            pool.shutdownNow();
        }
    }
}
