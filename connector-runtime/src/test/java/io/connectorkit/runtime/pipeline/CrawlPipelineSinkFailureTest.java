package io.connectorkit.runtime.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.AdditionalAnswers.delegatesTo;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import io.connectorkit.api.Checkpoint;
import io.connectorkit.api.CrawlMode;
import io.connectorkit.api.config.SourceConfig;
import io.connectorkit.runtime.CancellationSignal;
import io.connectorkit.runtime.ConnectorRegistry;
import io.connectorkit.runtime.CrawlReport;
import io.connectorkit.runtime.FailedRemoval;
import io.connectorkit.runtime.ProgressListener;
import io.connectorkit.runtime.config.RuntimeConfig;
import io.connectorkit.runtime.index.DocumentSink;
import io.connectorkit.runtime.index.SinkAction;
import io.connectorkit.runtime.index.SinkException;
import io.connectorkit.runtime.state.StateStore;
import io.connectorkit.runtime.testing.InMemorySink;
import io.connectorkit.runtime.testing.InMemoryStateStore;
import io.connectorkit.runtime.testing.PlainTextExtractor;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentMatcher;
import org.mockito.InOrder;

/**
 * What the pipeline asks of the index and the state store after a batch of a partition failed:
 * the calls themselves are the point, so both are mocks that pass every call on to the in-memory
 * ones, and the write port fails the batches of one partition in a second FULL run. After a
 * failed batch nothing more of that partition's attempt is written, and its checkpoint and sweep
 * must not come. The other partition of the same run is the control: its sweep and checkpoint
 * come, after its writes.
 */
class CrawlPipelineSinkFailureTest {
    private final ConnectorRegistry registry = ConnectorRegistry.load();
    private final InMemorySink index = new InMemorySink();
    private final DocumentSink sink = mock(DocumentSink.class, delegatesTo(index));
    private final InMemoryStateStore store = new InMemoryStateStore();
    private final StateStore states = mock(StateStore.class, delegatesTo(store));

    private static ArgumentMatcher<List<SinkAction>> batchOf(String partition) {
        return actions -> actions != null && actions.stream().anyMatch(a -> a.partition().equals(partition));
    }

    private CrawlReport fullCrawl(String documents, String skip) throws Exception {
        return fullCrawl("a,b", documents, skip);
    }

    private CrawlReport fullCrawl(String partitions, String documents, String skip) throws Exception {
        SourceConfig config = registry.validate(Map.of("connector.type", "scripted", "connector.id", "unit",
                "sink.bulk.max-docs", "10", "test.partitions", partitions, "test.documents", documents,
                "crawl.parallel.partitions", "1", "test.skip", skip));
        CrawlPipeline pipeline = new CrawlPipeline(RuntimeConfig.from(config), new PlainTextExtractor(), sink, index,
                states, Clock.systemUTC(), new PipelineOptions(2, Duration.ofMillis(1), 4096));
        return pipeline.crawl(context -> registry.connector("scripted").open(config, context), CrawlMode.FULL,
                ProgressListener.none(), new CancellationSignal());
    }

    @Test
    void aPartitionWhoseBatchFailedIsNeitherCheckpointedNorSwept() throws Exception {
        assertThat(fullCrawl("30", "").clean()).isTrue();
        Checkpoint committed = store.get("a").orElseThrow().checkpoint();
        // The second run lists more and leaves a document out of each partition: a sweep would delete it,
        // and every checkpoint it could commit for a (10, 20, 35 ...) differs from the first run's.
        doThrow(new SinkException("the index refused the batch", null)).when(sink).write(argThat(batchOf("a")));
        clearInvocations(sink, states);

        CrawlReport report = fullCrawl("35", "a-1,b-1");

        assertThat(report.partitionsFailed()).as(report.toString()).isEqualTo(1);
        // Two attempts (PipelineOptions' first argument), each stopped by its first batch: entries of the
        // attempt queued behind a failed batch are not sent (they were, before the writer dropped them).
        verify(sink, times(2)).write(argThat(batchOf("a")));
        verify(sink, never()).stampUnchanged(eq("a"), anyLong(), any());
        verify(sink, never()).sweep(eq("a"), anyLong(), any());
        verify(sink, never()).countSweep(eq("a"), anyLong(), any());
        verify(states, never()).save(argThat(state -> state.partition().equals("a")
                && !Objects.equals(state.checkpoint(), committed)));
        verify(states, atLeastOnce()).save(argThat(state -> state.partition().equals("a")));
        assertThat(store.get("a").orElseThrow().checkpoint()).as("the first run's checkpoint stays").isEqualTo(committed);
        assertThat(index.ids()).as("a-1 is not swept").contains("a-1");

        // The control: b's writes land, then its sweep is counted and run, and its checkpoint is committed.
        InOrder order = inOrder(sink);
        order.verify(sink, atLeastOnce()).write(argThat(batchOf("b")));
        order.verify(sink).countSweep(eq("b"), anyLong(), any());
        order.verify(sink).sweep(eq("b"), anyLong(), any());
        assertThat(index.ids()).doesNotContain("b-1");
        verify(states, atLeastOnce()).save(argThat(state -> state.partition().equals("b")
                && new Checkpoint("35").equals(state.checkpoint())));
    }

    @Test
    void aFailedRemovalIsReportedByNameAndRetriedByTheNextRun() throws Exception {
        assertThat(fullCrawl("5", "").clean()).isTrue();
        doThrow(new SinkException("the index refused the deletion", null)).when(sink).deletePartition("b");

        CrawlReport refused = fullCrawl("a", "5", "");

        assertThat(refused.clean()).as(refused.toString()).isFalse();
        assertThat(refused.partitionsRemoved()).isZero();
        assertThat(refused.failedRemovals()).extracting(FailedRemoval::partition).containsExactly("b");
        assertThat(refused.failedRemovals().get(0).reason()).contains("the index refused the deletion");
        assertThat(index.ids()).as("b's documents stay").contains("b-1");
        assertThat(store.get("b")).as("b's state stays, so the next run finds it vanished again").isPresent();

        clearInvocations(sink);
        doAnswer(invocation -> index.deletePartition(invocation.getArgument(0))).when(sink).deletePartition("b");
        CrawlReport retried = fullCrawl("a", "5", "");

        assertThat(retried.clean()).as(retried.toString()).isTrue();
        assertThat(retried.partitionsRemoved()).isEqualTo(1);
        assertThat(retried.failedRemovals()).isEmpty();
        assertThat(index.ids()).noneMatch(id -> id.startsWith("b-"));
        assertThat(store.get("b")).isEmpty();
    }

    @Test
    void aStateDeletionThatFailedAfterTheDocumentsIsCompletedByTheNextRun() throws Exception {
        assertThat(fullCrawl("5", "").clean()).isTrue();
        doThrow(new IllegalStateException("the state index refused the deletion")).when(states).delete("b");

        CrawlReport refused = fullCrawl("a", "5", "");

        assertThat(refused.failedRemovals()).extracting(FailedRemoval::partition).containsExactly("b");
        assertThat(index.ids()).as("the documents went first").noneMatch(id -> id.startsWith("b-"));
        assertThat(store.get("b")).isPresent();

        doAnswer(invocation -> {
            store.delete(invocation.getArgument(0));
            return null;
        }).when(states).delete("b");
        CrawlReport retried = fullCrawl("a", "5", "");

        assertThat(retried.clean()).as(retried.toString()).isTrue();
        assertThat(retried.partitionsRemoved()).isEqualTo(1);
        assertThat(store.get("b")).isEmpty();
    }
}
