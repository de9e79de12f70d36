package io.connectorkit.runtime.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectorkit.api.Checkpoint;
import io.connectorkit.api.ErrorKind;
import io.connectorkit.api.ItemFailure;
import io.connectorkit.runtime.state.FailureRecord;
import io.connectorkit.runtime.state.PartitionState;
import io.connectorkit.runtime.testing.InMemoryStateStore;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartitionLedgerTest {
    private final InMemoryStateStore store = new InMemoryStateStore();

    private PartitionLedger ledgerWith(List<FailureRecord> failures) throws Exception {
        PartitionState stored = store.save(new PartitionState("p", new Checkpoint("7"), 1, null, failures,
                failures.size(), -1, -1));
        return new PartitionLedger("p", stored, store, 2);
    }

    @Test
    void anItemThatFailsAgainCountsARetryAndOneThatLandsIsResolved() throws Exception {
        PartitionLedger ledger = ledgerWith(List.of(new FailureRecord("x", "PERMANENT", "old", 0),
                new FailureRecord("y", "PERMANENT", "old", 3)));
        ledger.recordFailure(ItemFailure.of("x", ErrorKind.PERMANENT, "again"));
        ledger.acknowledged("y");
        ledger.recordFailure(ItemFailure.of("z", ErrorKind.TRANSIENT, "new"));
        ledger.commit(new Checkpoint("8"));
        PartitionState state = store.get("p").orElseThrow();
        assertThat(state.checkpoint()).isEqualTo(new Checkpoint("8"));
        assertThat(state.generation()).isEqualTo(2);
        assertThat(state.failures()).containsExactly(new FailureRecord("x", "PERMANENT", "again", 1),
                new FailureRecord("z", "TRANSIENT", "new", 0));
        assertThat(state.failureCount()).isEqualTo(2);
        assertThat(ledger.failedIds()).containsExactlyInAnyOrder("x", "z");
    }

    @Test
    void noCheckpointIsCommittedAfterAWriteFailed() throws Exception {
        PartitionLedger ledger = ledgerWith(List.of());
        ledger.writeFailed(new IllegalStateException("bulk failed"));
        ledger.commit(new Checkpoint("9"));
        assertThat(store.get("p").orElseThrow().checkpoint()).isEqualTo(new Checkpoint("7"));
        ledger.startAttempt();
        ledger.commit(new Checkpoint("9"));
        assertThat(store.get("p").orElseThrow().checkpoint()).isEqualTo(new Checkpoint("9"));
    }

    @Test
    void aPartitionFailureIsKeptUntilACrawlSucceeds() throws Exception {
        PartitionLedger ledger = ledgerWith(List.of());
        ledger.partitionFailed("TRANSIENT", "Crawl failed: down");
        ledger.finish(false, false, Instant.EPOCH);
        assertThat(store.get("p").orElseThrow().failures()).extracting(FailureRecord::itemId)
                .containsExactly(PartitionLedger.PARTITION_ITEM);
        PartitionLedger next = new PartitionLedger("p", store.get("p").orElseThrow(), store, 3);
        next.finish(true, false, Instant.EPOCH);
        PartitionState state = store.get("p").orElseThrow();
        assertThat(state.failures()).isEmpty();
        assertThat(state.lastSuccess()).isEqualTo(Instant.EPOCH);
    }

    @Test
    void aFailedItemIsTriedFiveTimesThenDeclaredPermanentAndNoLongerFetchedAgain() throws Exception {
        store.save(new PartitionState("p", new Checkpoint("7"), 1, null, List.of(), 0, -1, -1));
        for (int tries = 1; tries <= FailureRecord.ITEM_TRIES; tries++) {
            PartitionLedger ledger = new PartitionLedger("p", store.get("p").orElseThrow(), store, 1 + tries);
            assertThat(ledger.refetchRefs()).as("try %d", tries).isEqualTo(tries == 1 ? List.of() : List.of("INBOX:m1"));
            ledger.recordFailure(ItemFailure.of("x", ErrorKind.TRANSIENT, "down " + tries).withSourceRef("INBOX:m1"));
            ledger.finish(true, false, Instant.EPOCH);
            FailureRecord kept = store.get("p").orElseThrow().failures().get(0);
            assertThat(kept.tries()).isEqualTo(tries);
            assertThat(kept.sourceRef()).isEqualTo("INBOX:m1");
            assertThat(kept.permanent()).as("try %d", tries).isEqualTo(tries == FailureRecord.ITEM_TRIES);
        }
        PartitionLedger after = new PartitionLedger("p", store.get("p").orElseThrow(), store, 9);
        assertThat(after.refetchRefs()).as("permanent: not fetched again").isEmpty();
        after.acknowledged("x");
        after.finish(true, false, Instant.EPOCH);
        assertThat(store.get("p").orElseThrow().failures()).as("indexed at last, by a FULL crawl").isEmpty();
    }

    @Test
    void anItemAndItsChildrenSharingAReferenceAreFetchedOnceAndThoseWithoutOneNotAtAll() throws Exception {
        PartitionLedger ledger = ledgerWith(List.of(new FailureRecord("e1", "TRANSIENT", "down", 0, "INBOX:m1", false),
                new FailureRecord("e1-att-2", "TRANSIENT", "down", 0, "INBOX:m1", false),
                new FailureRecord("e2", "PERMANENT", "rejected", 0),
                new FailureRecord("e3", "TRANSIENT", "down", 4, "SENT:m3", true),
                new FailureRecord("e4", "TRANSIENT", "down", 1, "SENT:m4", false)));
        assertThat(ledger.refetchRefs()).containsExactly("INBOX:m1", "SENT:m4");
        ledger.acknowledged("e1");
        assertThat(ledger.stillCarried(List.of("INBOX:m1"))).extracting(FailureRecord::itemId)
                .containsExactly("e1-att-2");
    }

    @Test
    void theStateKeepsTheLatestThousandFailuresAndCountsTheRest() throws Exception {
        PartitionLedger ledger = ledgerWith(List.of());
        for (int i = 0; i < PartitionLedger.KEPT_FAILURES + 20; i++) {
            ledger.recordFailure(ItemFailure.of("i" + i, ErrorKind.TRANSIENT, "down").withSourceRef("INBOX:m" + i));
        }
        ledger.finish(false, false, Instant.EPOCH);
        PartitionState state = store.get("p").orElseThrow();
        assertThat(state.failures()).hasSize(1000);
        assertThat(state.failures().get(0).itemId()).isEqualTo("i20");
        assertThat(state.failureCount()).isEqualTo(1020);
    }
}
