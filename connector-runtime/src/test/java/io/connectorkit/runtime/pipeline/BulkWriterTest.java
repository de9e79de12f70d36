package io.connectorkit.runtime.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectorkit.api.Checkpoint;
import io.connectorkit.api.CrawlMode;
import io.connectorkit.runtime.ProgressListener;
import io.connectorkit.runtime.index.SinkAction;
import io.connectorkit.runtime.state.PartitionState;
import io.connectorkit.runtime.testing.InMemorySink;
import io.connectorkit.runtime.testing.InMemoryStateStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BulkWriterTest {
    // Far longer than any test: a batch that is sent proves that something other than the linger ended it.
    private static final long LONG_LINGER_MILLIS = 600_000;

    private final InMemorySink sink = new InMemorySink();
    private final InMemoryStateStore store = new InMemoryStateStore();
    private final ByteBoundedQueue<WriteEntry> queue = new ByteBoundedQueue<>(1 << 20);
    private final MetricCounters metrics = new MetricCounters();
    private BulkWriter writer;
    private Thread thread;

    private void start(int maxDocs, long lingerMillis) {
        writer = new BulkWriter(queue, sink, new BulkWriter.Limits(maxDocs, 1 << 20, lingerMillis), new RunTotals(),
                metrics, ProgressListener.none());
        thread = new Thread(writer, "bulk-writer-test");
        thread.start();
    }

    @AfterEach
    void stop() throws InterruptedException {
        writer.stop();
        thread.join();
    }

    private PartitionRun run(CrawlMode mode, int keptLimit) {
        return new PartitionRun("p", PartitionState.initial("p"), store, 1, mode, keptLimit);
    }

    private void put(WriteEntry entry) throws InterruptedException {
        queue.put(entry, entry instanceof WriteEntry.Write w ? w.action().bytes() : 0, () -> false);
    }

    private static WriteEntry.Write upsert(PartitionRun run, String id) {
        return new WriteEntry.Write(run, SinkAction.upsert(id, "p",
                "{\"id\":\"" + id + "\",\"partition\":\"p\",\"version\":\"v\",\"generation\":1}"));
    }

    /** A unit: its children's writes, then its root's, as the emitter queues them. */
    private static List<WriteEntry.Write> unit(PartitionRun run, String root, String... children) {
        DocumentUnit unit = new DocumentUnit(root);
        List<WriteEntry.Write> out = new ArrayList<>();
        for (String c : children) {
            unit.join(c, root);
            out.add(new WriteEntry.Write(run, upsert(run, c).action(), unit, false));
        }
        out.add(new WriteEntry.Write(run, upsert(run, root).action(), unit, true));
        return out;
    }

    private void flush(PartitionRun run) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        put(new WriteEntry.Flush(run, done));
        done.get(60, TimeUnit.SECONDS);
    }

    @Test
    void writesThatTrickleInBelowTheLimitsShareOneRequestAndAFlushSendsItAtOnce() throws Exception {
        start(100, LONG_LINGER_MILLIS);
        PartitionRun run = run(CrawlMode.INCREMENTAL, 0);
        for (int i = 0; i < 5; i++) {
            put(upsert(run, "d" + i));
            Thread.sleep(20);
        }
        put(new WriteEntry.Mark(run, new Checkpoint("5")));
        flush(run);
        assertThat(sink.writeCalls()).isEqualTo(1);
        assertThat(sink.ids()).containsExactlyInAnyOrder("d0", "d1", "d2", "d3", "d4");
        assertThat(store.get("p").orElseThrow().checkpoint()).isEqualTo(new Checkpoint("5"));
        assertThat(metrics.snapshot()).containsEntry(BulkWriter.BULK_REQUESTS, 1L);
    }

    @Test
    void aBatchThatReachesMaxDocsIsSentWithoutWaitingForTheLinger() throws Exception {
        start(3, LONG_LINGER_MILLIS);
        PartitionRun run = run(CrawlMode.INCREMENTAL, 0);
        for (int i = 0; i < 3; i++) {
            put(upsert(run, "d" + i));
        }
        for (int waited = 0; sink.ids().size() < 3 && waited < 60_000; waited += 10) {
            Thread.sleep(10);
        }
        assertThat(sink.ids()).as("sent with no flush to end the linger").hasSize(3);
        assertThat(sink.writeCalls()).isEqualTo(1);
        flush(run);
    }

    @Test
    void aCheckpointLingeringWithWritesIsNotCommittedWhenTheirRequestFails() throws Exception {
        start(100, LONG_LINGER_MILLIS);
        PartitionRun run = run(CrawlMode.INCREMENTAL, 0);
        sink.failWrites(true);
        put(upsert(run, "d0"));
        put(new WriteEntry.Mark(run, new Checkpoint("1")));
        put(upsert(run, "d1"));
        flush(run);
        assertThat(run.writeFailure()).isNotNull();
        assertThat(store.get("p")).as("no checkpoint saved").isEmpty();
    }

    @Test
    void anIncrementalRunNeitherRemembersNorReStampsUnchangedDocuments() throws Exception {
        start(100, 0);
        PartitionRun run = run(CrawlMode.INCREMENTAL, 10);
        for (int i = 0; i < 5; i++) {
            put(new WriteEntry.Keep(run, "k" + i));
        }
        flush(run);
        assertThat(sink.stampUnchangedCalls()).isZero();
        assertThat(run.sweepExceptions()).isEmpty();
    }

    @Test
    void aFullRunRemembersUnchangedDocumentsUpToItsBoundAndReStampsTheRest() throws Exception {
        PartitionRun run = run(CrawlMode.FULL, 3);
        for (int i = 0; i < 5; i++) {
            put(new WriteEntry.Keep(run, "k" + i));
        }
        // Queued before the writer starts, so all five are one batch: k3 and k4 then need one
        // request, whatever the scheduling (started first, the writer could cut the batch early).
        start(100, 0);
        flush(run);
        assertThat(run.sweepExceptions()).containsExactlyInAnyOrder("k0", "k1", "k2");
        assertThat(sink.stampUnchangedCalls()).as("k3 and k4 re-stamped in one request").isEqualTo(1);
        assertThat(metrics.snapshot()).containsEntry(BulkWriter.KEEP_REQUESTS, 1L);
    }

    @Test
    void aRootIsSentInALaterRequestThanItsChildrenWithTheCheckpointAfterIt() throws Exception {
        PartitionRun run = run(CrawlMode.INCREMENTAL, 0);
        put(upsert(run, "lone"));
        for (WriteEntry.Write w : unit(run, "email", "email-att-1", "email-att-2")) {
            put(w);
        }
        put(new WriteEntry.Mark(run, new Checkpoint("1")));
        for (WriteEntry.Write w : unit(run, "next", "next-att-1")) {
            put(w);
        }
        // Queued before the writer starts, so that everything would fit in one request.
        start(100, 0);
        flush(run);
        assertThat(sink.requests()).containsExactly(List.of("lone", "email-att-1", "email-att-2", "next-att-1"),
                List.of("email", "next"));
        assertThat(store.get("p").orElseThrow().checkpoint()).isEqualTo(new Checkpoint("1"));
    }

    @Test
    void aCheckpointAfterARootIsNotCommittedBeforeTheRoot() throws Exception {
        PartitionRun run = run(CrawlMode.INCREMENTAL, 0);
        for (WriteEntry.Write w : unit(run, "email", "email-att-1")) {
            put(w);
        }
        put(new WriteEntry.Mark(run, new Checkpoint("1")));
        start(100, 0);
        flush(run);
        assertThat(sink.requests()).hasSize(2);
        sink.failWrites(true);
        for (WriteEntry.Write w : unit(run, "later", "later-att-1")) {
            put(w);
        }
        put(new WriteEntry.Mark(run, new Checkpoint("2")));
        flush(run);
        assertThat(sink.ids()).as("a root whose child's write failed is not written").doesNotContain("later");
        assertThat(store.get("p").orElseThrow().checkpoint()).isEqualTo(new Checkpoint("1"));
    }

    @Test
    void aRootWhoseChildIsRefusedIsWrittenButNotReportedAsKnown() throws Exception {
        PartitionRun run = run(CrawlMode.INCREMENTAL, 0);
        sink.refuse("email-att-2");
        for (WriteEntry.Write w : unit(run, "email", "email-att-1", "email-att-2")) {
            put(w);
        }
        for (WriteEntry.Write w : unit(run, "whole", "whole-att-1")) {
            put(w);
        }
        start(100, 0);
        flush(run);
        assertThat(sink.ids()).contains("email", "email-att-1", "whole", "whole-att-1").doesNotContain("email-att-2");
        assertThat(sink.document("email").get("children_incomplete").getAsBoolean()).isTrue();
        assertThat(sink.document("whole").has("children_incomplete")).isFalse();
        assertThat(sink.versions(List.of("email", "whole"))).containsOnlyKeys("whole");
        assertThat(run.failedIds()).containsExactly("email-att-2");
    }
}
