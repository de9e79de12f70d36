package io.connectorkit.runtime.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectorkit.api.Checkpoint;
import io.connectorkit.api.CrawlMode;
import io.connectorkit.api.config.SourceConfig;
import io.connectorkit.runtime.CancellationSignal;
import io.connectorkit.runtime.ConnectorRegistry;
import io.connectorkit.runtime.CrawlReport;
import io.connectorkit.runtime.ProgressListener;
import io.connectorkit.runtime.config.RuntimeConfig;
import io.connectorkit.runtime.state.PartitionState;
import io.connectorkit.runtime.state.StateConflictException;
import io.connectorkit.runtime.testing.InMemorySink;
import io.connectorkit.runtime.testing.InMemoryStateStore;
import io.connectorkit.runtime.testing.PlainTextExtractor;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CrawlPipelineTest {
    private final ConnectorRegistry registry = ConnectorRegistry.load();
    private final InMemorySink sink = new InMemorySink();
    private final InMemoryStateStore store = new InMemoryStateStore();

    private PipelineOptions options = new PipelineOptions(2, Duration.ofMillis(1), 4096);

    private CrawlReport crawl(CrawlMode mode, ProgressListener listener, CancellationSignal cancel, String... keyValues)
            throws Exception {
        Map<String, String> values = new HashMap<>(Map.of("connector.type", "scripted", "connector.id", "unit",
                "sink.bulk.max-docs", "10"));
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put(keyValues[i], keyValues[i + 1]);
        }
        SourceConfig config = registry.validate(values);
        CrawlPipeline pipeline = new CrawlPipeline(RuntimeConfig.from(config), new PlainTextExtractor(), sink, sink,
                store, Clock.systemUTC(), options);
        return pipeline.crawl(context -> registry.connector("scripted").open(config, context), mode, listener, cancel);
    }

    @Test
    void cancellationStopsAfterCommittingWhatWasAcknowledged() throws Exception {
        CancellationSignal cancel = new CancellationSignal();
        CrawlReport report = crawl(CrawlMode.INCREMENTAL, p -> {
            if (p.documents() >= 50) {
                cancel.cancel();
            }
        }, cancel, "test.documents", "100000", "crawl.parallel.partitions", "1");
        assertThat(report.cancelled()).isTrue();
        assertThat(report.documentsUpserted()).isLessThan(110_000);
        PartitionState state = store.get("a").orElseThrow();
        int next = Integer.parseInt(state.checkpoint().value());
        assertThat(next).isPositive();
        for (int i = 0; i < next; i++) {
            assertThat(sink.ids()).as("every document before the checkpoint is indexed").contains("a-" + i);
        }
        assertThat(state.lastSuccess()).as("a cancelled crawl is not a success").isNull();
    }

    @Test
    void noCheckpointIsCommittedWhileTheIndexRejectsWrites() throws Exception {
        sink.failWrites(true);
        CrawlReport report = crawl(CrawlMode.INCREMENTAL, ProgressListener.none(), new CancellationSignal(),
                "test.documents", "30");
        assertThat(report.partitionsFailed()).isEqualTo(1);
        assertThat(store.get("a").orElseThrow().checkpoint()).isNull();
        sink.failWrites(false);
        CrawlReport again = crawl(CrawlMode.INCREMENTAL, ProgressListener.none(), new CancellationSignal(),
                "test.documents", "30");
        assertThat(again.clean()).isTrue();
        assertThat(store.get("a").orElseThrow().checkpoint()).isEqualTo(new Checkpoint("30"));
        assertThat(sink.ids()).hasSize(33);
    }

    @Test
    void fullCrawlStampsANewGenerationAndSweepsOnlyAfterACompleteListing() throws Exception {
        crawl(CrawlMode.FULL, ProgressListener.none(), new CancellationSignal(), "test.documents", "20");
        long first = store.get("a").orElseThrow().generation();
        crawl(CrawlMode.FULL, ProgressListener.none(), new CancellationSignal(), "test.documents", "20",
                "test.skip", "a-1", "test.stop-after", "15");
        assertThat(sink.ids()).as("a failed crawl sweeps nothing").contains("a-1");
        CrawlReport report = crawl(CrawlMode.FULL, ProgressListener.none(), new CancellationSignal(),
                "test.documents", "20", "test.skip", "a-1");
        assertThat(store.get("a").orElseThrow().generation()).isGreaterThan(first);
        assertThat(report.deletions()).isEqualTo(1);
        assertThat(sink.ids()).doesNotContain("a-1").contains("a-0", "a-19");
    }

    @Test
    void unchangedDocumentsAndTheirChildrenSurviveTheSweepOfAFullCrawl() throws Exception {
        crawl(CrawlMode.FULL, ProgressListener.none(), new CancellationSignal(), "test.documents", "20");
        java.util.Set<String> before = sink.ids();
        assertThat(before).contains("a-10/att");
        CrawlReport report = crawl(CrawlMode.FULL, ProgressListener.none(), new CancellationSignal(),
                "test.documents", "20", "test.skip-known", "true");
        assertThat(report.documentsUpserted()).as("nothing re-sent").isZero();
        assertThat(report.deletions()).as("nothing swept").isZero();
        assertThat(sink.ids()).isEqualTo(before);
        CrawlReport changed = crawl(CrawlMode.FULL, ProgressListener.none(), new CancellationSignal(),
                "test.documents", "20", "test.skip-known", "true", "test.skip", "a-10");
        assertThat(changed.deletions()).as("a-10 and its attachment are gone from the source").isEqualTo(2);
        assertThat(sink.ids()).doesNotContain("a-10", "a-10/att").contains("a-0/att", "a-19");
    }

    @Test
    void unchangedDocumentsBeyondWhatAFullRunRemembersAreReStampedAndSurviveTheSweep() throws Exception {
        options = new PipelineOptions(2, Duration.ofMillis(1), 4096, 5);
        crawl(CrawlMode.FULL, ProgressListener.none(), new CancellationSignal(), "test.documents", "20");
        java.util.Set<String> before = sink.ids();
        CrawlReport report = crawl(CrawlMode.FULL, ProgressListener.none(), new CancellationSignal(),
                "test.documents", "20", "test.skip-known", "true");
        assertThat(sink.stampUnchangedCalls()).as("15 of 20 unchanged documents re-stamped").isPositive();
        assertThat(report.deletions()).as("nothing swept").isZero();
        assertThat(sink.ids()).isEqualTo(before);
    }

    @Test
    void anIncrementalRecrawlOfUnchangedDocumentsWritesNothingAndALaterFullCrawlKeepsThem() throws Exception {
        crawl(CrawlMode.FULL, ProgressListener.none(), new CancellationSignal(), "test.documents", "20");
        java.util.Set<String> before = sink.ids();
        int writes = sink.writeCalls();
        CrawlReport again = crawl(CrawlMode.INCREMENTAL, ProgressListener.none(), new CancellationSignal(),
                "test.documents", "20", "test.skip-known", "true");
        assertThat(again.clean()).isTrue();
        assertThat(sink.writeCalls() - writes + sink.stampUnchangedCalls()).as("index writes of an unchanged recrawl").isZero();
        CrawlReport full = crawl(CrawlMode.FULL, ProgressListener.none(), new CancellationSignal(),
                "test.documents", "20", "test.skip-known", "true", "test.skip", "a-10");
        assertThat(full.deletions()).as("only a-10 and its attachment, gone from the source").isEqualTo(2);
        assertThat(sink.ids()).containsAll(before.stream().filter(id -> !id.startsWith("a-10")).toList());
    }

    @Test
    void aTransientFailureIsRetriedFromTheLastCommittedCheckpoint() throws Exception {
        CrawlReport report = crawl(CrawlMode.INCREMENTAL, ProgressListener.none(), new CancellationSignal(),
                "test.documents", "30", "test.transient-failures", "1");
        assertThat(report.clean()).as(report.toString()).isTrue();
        // First attempt: documents 0..14 (checkpoint 10 committed); retry: 10..29.
        assertThat(report.metrics()).containsEntry("emitted", 35L);
        assertThat(store.get("a").orElseThrow().checkpoint()).isEqualTo(new Checkpoint("30"));
        assertThat(sink.ids()).hasSize(33);
    }

    @Test
    void aPartitionStillFailingAfterItsAttemptsIsReportedFailed() throws Exception {
        CrawlReport report = crawl(CrawlMode.INCREMENTAL, ProgressListener.none(), new CancellationSignal(),
                "test.documents", "30", "test.transient-failures", "5");
        assertThat(report.partitionsFailed()).isEqualTo(1);
        assertThat(report.fatalKind()).isNull();
        // Attempt 1 commits 10, attempt 2 resumes there and commits 20 before failing again.
        assertThat(store.get("a").orElseThrow().checkpoint()).isEqualTo(new Checkpoint("20"));
        assertThat(store.get("a").orElseThrow().failures()).singleElement()
                .satisfies(f -> assertThat(f.reason()).contains("after 2 attempt(s)").contains("connection dropped"));
    }

    @Test
    void aStaleStateWriteIsAConflict() throws Exception {
        PartitionState saved = store.save(PartitionState.initial("p"));
        store.save(saved.withCheckpoint(new Checkpoint("1")));
        assertThatThrownBy(() -> store.save(saved.withCheckpoint(new Checkpoint("2"))))
                .isInstanceOf(StateConflictException.class);
    }
    @Test
    void anEmptyListingRemovesNothingWhateverTheShareAllows() throws Exception {
        crawl(CrawlMode.INCREMENTAL, ProgressListener.none(), new CancellationSignal(), "test.partitions", "a,b",
                "test.documents", "3");
        CrawlReport report = crawl(CrawlMode.INCREMENTAL, ProgressListener.none(), new CancellationSignal(),
                "test.partitions", "", "crawl.deletions.max-share", "1");
        assertThat(report.partitionsRemoved()).isZero();
        assertThat(report.deletionRefusal()).contains("no partitions while 2 are known", "nothing was deleted");
        assertThat(store.get("a")).isPresent();
        assertThat(sink.ids()).contains("a-0", "b-2");
        CrawlReport one = crawl(CrawlMode.INCREMENTAL, ProgressListener.none(), new CancellationSignal(),
                "test.partitions", "a", "test.documents", "3", "crawl.deletions.max-share", "1");
        assertThat(one.partitionsRemoved()).as("a non-empty complete listing still removes").isEqualTo(1);
        assertThat(sink.ids()).contains("a-0").doesNotContain("b-2");
    }
}
