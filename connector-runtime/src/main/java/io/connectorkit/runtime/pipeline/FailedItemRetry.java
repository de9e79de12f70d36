package io.connectorkit.runtime.pipeline;

import static java.util.Objects.requireNonNull;

import io.connectorkit.api.ConnectorException;
import io.connectorkit.api.ConnectorSession;
import io.connectorkit.api.CrawlMode;
import io.connectorkit.api.ErrorKind;
import io.connectorkit.api.ItemFailure;
import io.connectorkit.api.Partition;
import io.connectorkit.runtime.state.FailureRecord;
import java.util.List;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Fetches again, before a partition's incremental crawl, the items that failed in earlier crawls
 * (through {@link ConnectorSession#refetch}). What it emits goes through the partition's emitter
 * like the crawl's own results: an item leaves the partition's failures once the index
 * acknowledged one of its documents (or its delete), and one that fails again counts another try,
 * up to {@link FailureRecord#ITEM_TRIES}. Nothing is saved here: the
 * state is saved with the crawl's next checkpoint, after the index acknowledged what came before.
 *
 * <p>A FULL crawl lists every item anyway, so it fetches nothing again here.
 */
final class FailedItemRetry {
    private static final Logger LOG = LogManager.getLogger(FailedItemRetry.class);

    private final ConnectorSession session;
    private final Partition partition;
    private final CrawlMode mode;
    private final PartitionLedger ledger;
    private final PartitionEmitter emitter;
    private boolean done;

    FailedItemRetry(ConnectorSession session, Partition partition, CrawlMode mode, PartitionLedger ledger,
            PartitionEmitter emitter) {
        this.session = requireNonNull(session, "session");
        this.partition = requireNonNull(partition, "partition");
        this.mode = requireNonNull(mode, "mode");
        this.ledger = requireNonNull(ledger, "ledger");
        this.emitter = requireNonNull(emitter, "emitter");
    }

    /**
     * Fetches the partition's failed items again, unless this already succeeded in this crawl. A
     * thrown exception leaves the failures as they were; the next call tries again.
     *
     * @throws ConnectorException if the connector could not fetch them
     * @throws InterruptedException if interrupted while waiting for the index
     */
    void refetchOnce() throws ConnectorException, InterruptedException {
        if (done || mode != CrawlMode.INCREMENTAL) {
            return;
        }
        List<String> refs = ledger.refetchRefs();
        if (refs.isEmpty()) {
            done = true;
            return;
        }
        LOG.info("Fetching again {} item(s) of partition '{}' that failed in earlier runs", refs.size(), partition.id());
        if (!session.refetch(partition, refs, emitter)) {
            LOG.warn("The connector cannot fetch failed items again one by one: the {} failed item(s) of partition"
                    + " '{}' stay recorded; run 'crawl --full' to try them again", refs.size(), partition.id());
            done = true;
            return;
        }
        emitter.flush(true);
        if (ledger.writeFailure() == null && !emitter.cancelled()) {
            // Fetched again but neither indexed nor failed again under its own id (say, an attachment
            // the message no longer lists): that was one more try too, so no item is fetched forever.
            for (FailureRecord f : ledger.stillCarried(refs)) {
                emitter.failure(ItemFailure.of(f.itemId(), kind(f.kind()), f.reason()).withSourceRef(f.sourceRef()));
            }
        }
        done = true;
    }

    private static ErrorKind kind(String name) {
        try {
            return ErrorKind.valueOf(name);
        } catch (IllegalArgumentException e) {
            return ErrorKind.PERMANENT;
        }
    }
}
