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

class PartitionRunTest {
    private final InMemoryStateStore store = new InMemoryStateStore();

    private PartitionRun runWith(List<FailureRecord> failures) throws Exception {
        PartitionState stored = store.save(new PartitionState("p", new Checkpoint("7"), 1, null, failures,
                failures.size(), -1, -1));
        return new PartitionRun("p", stored, store, 2);
    }

    @Test
    void anItemThatFailsAgainCountsARetryAndOneThatLandsIsResolved() throws Exception {
        PartitionRun run = runWith(List.of(new FailureRecord("x", "PERMANENT", "old", 0),
                new FailureRecord("y", "PERMANENT", "old", 3)));
        run.recordFailure(new ItemFailure("x", "p", ErrorKind.PERMANENT, "again"));
        run.acknowledged("y");
        run.recordFailure(new ItemFailure("z", "p", ErrorKind.TRANSIENT, "new"));
        run.commit(new Checkpoint("8"));
        PartitionState state = store.get("p").orElseThrow();
        assertThat(state.checkpoint()).isEqualTo(new Checkpoint("8"));
        assertThat(state.generation()).isEqualTo(2);
        assertThat(state.failures()).containsExactly(new FailureRecord("x", "PERMANENT", "again", 1),
                new FailureRecord("z", "TRANSIENT", "new", 0));
        assertThat(state.failureCount()).isEqualTo(2);
        assertThat(run.failedIds()).containsExactlyInAnyOrder("x", "z");
    }

    @Test
    void noCheckpointIsCommittedAfterAWriteFailed() throws Exception {
        PartitionRun run = runWith(List.of());
        run.writeFailed(new IllegalStateException("bulk failed"));
        run.commit(new Checkpoint("9"));
        assertThat(store.get("p").orElseThrow().checkpoint()).isEqualTo(new Checkpoint("7"));
        run.startAttempt();
        run.commit(new Checkpoint("9"));
        assertThat(store.get("p").orElseThrow().checkpoint()).isEqualTo(new Checkpoint("9"));
    }

    @Test
    void aPartitionFailureIsKeptUntilACrawlSucceeds() throws Exception {
        PartitionRun run = runWith(List.of());
        run.partitionFailed("TRANSIENT", "Crawl failed: down");
        run.finish(false, false, Instant.EPOCH);
        assertThat(store.get("p").orElseThrow().failures()).extracting(FailureRecord::itemId)
                .containsExactly(PartitionRun.PARTITION_ITEM);
        PartitionRun next = new PartitionRun("p", store.get("p").orElseThrow(), store, 3);
        next.finish(true, false, Instant.EPOCH);
        PartitionState state = store.get("p").orElseThrow();
        assertThat(state.failures()).isEmpty();
        assertThat(state.lastSuccess()).isEqualTo(Instant.EPOCH);
    }

    @Test
    void aFailedItemIsTriedFiveTimesThenDeclaredPermanentAndNoLongerFetchedAgain() throws Exception {
        store.save(new PartitionState("p", new Checkpoint("7"), 1, null, List.of(), 0, -1, -1));
        for (int tries = 1; tries <= FailureRecord.ITEM_TRIES; tries++) {
            PartitionRun run = new PartitionRun("p", store.get("p").orElseThrow(), store, 1 + tries);
            assertThat(run.refetchRefs()).as("try %d", tries).isEqualTo(tries == 1 ? List.of() : List.of("INBOX:m1"));
            run.recordFailure(new ItemFailure("x", "p", ErrorKind.TRANSIENT, "down " + tries, "INBOX:m1"));
            run.finish(true, false, Instant.EPOCH);
            FailureRecord kept = store.get("p").orElseThrow().failures().get(0);
            assertThat(kept.tries()).isEqualTo(tries);
            assertThat(kept.sourceRef()).isEqualTo("INBOX:m1");
            assertThat(kept.permanent()).as("try %d", tries).isEqualTo(tries == FailureRecord.ITEM_TRIES);
        }
        PartitionRun after = new PartitionRun("p", store.get("p").orElseThrow(), store, 9);
        assertThat(after.refetchRefs()).as("permanent: not fetched again").isEmpty();
        after.acknowledged("x");
        after.finish(true, false, Instant.EPOCH);
        assertThat(store.get("p").orElseThrow().failures()).as("indexed at last, by a FULL crawl").isEmpty();
    }

    @Test
    void anItemAndItsChildrenSharingAReferenceAreFetchedOnceAndThoseWithoutOneNotAtAll() throws Exception {
        PartitionRun run = runWith(List.of(new FailureRecord("e1", "TRANSIENT", "down", 0, "INBOX:m1", false),
                new FailureRecord("e1-att-2", "TRANSIENT", "down", 0, "INBOX:m1", false),
                new FailureRecord("e2", "PERMANENT", "rejected", 0),
                new FailureRecord("e3", "TRANSIENT", "down", 4, "SENT:m3", true),
                new FailureRecord("e4", "TRANSIENT", "down", 1, "SENT:m4", false)));
        assertThat(run.refetchRefs()).containsExactly("INBOX:m1", "SENT:m4");
        run.acknowledged("e1");
        assertThat(run.stillCarried(List.of("INBOX:m1"))).extracting(FailureRecord::itemId).containsExactly("e1-att-2");
    }

    @Test
    void theStateKeepsTheLatestThousandFailuresAndCountsTheRest() throws Exception {
        PartitionRun run = runWith(List.of());
        for (int i = 0; i < PartitionRun.KEPT_FAILURES + 20; i++) {
            run.recordFailure(new ItemFailure("i" + i, "p", ErrorKind.TRANSIENT, "down", "INBOX:m" + i));
        }
        run.finish(false, false, Instant.EPOCH);
        PartitionState state = store.get("p").orElseThrow();
        assertThat(state.failures()).hasSize(1000);
        assertThat(state.failures().get(0).itemId()).isEqualTo("i20");
        assertThat(state.failureCount()).isEqualTo(1020);
    }
}
