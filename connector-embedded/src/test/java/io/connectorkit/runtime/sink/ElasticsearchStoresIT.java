package io.connectorkit.runtime.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectorkit.api.Document;
import io.connectorkit.embedded.EmbeddedSearchNode;
import io.connectorkit.embedded.testing.SharedSearchNode;
import io.connectorkit.runtime.config.SinkConfig;
import io.connectorkit.runtime.state.ElasticsearchStateStore;
import io.connectorkit.runtime.state.FailureRecord;
import io.connectorkit.runtime.state.PartitionState;
import io.connectorkit.runtime.state.StateConflictException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedSearchNode.class)
class ElasticsearchStoresIT {
    private IndexClient client;
    private String index;

    @BeforeEach
    void setUp(EmbeddedSearchNode node) {
        client = new IndexClient(List.of(node.url()), new SinkConfig(List.of(node.url()), "", "", "", "x", 1, 1, Path.of(".")),
                new RetryPolicy(1, Duration.ofMillis(10), Duration.ofMillis(10)));
        index = "stores-" + System.nanoTime();
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    private static SinkAction upsert(String source, String id, String version, String partition) {
        Document d = Document.builder(id, partition, "email").title(id).version(version).build();
        return SinkAction.upsert(id, partition, DocumentJson.toJson(d, source, 1, null, Instant.EPOCH));
    }

    @Test
    void knownDocumentsReturnTheStoredVersionsOfThisSourceOnly() throws Exception {
        ElasticsearchSink mine = new ElasticsearchSink(client, index, "mine");
        ElasticsearchSink theirs = new ElasticsearchSink(client, index, "theirs");
        mine.start(0);
        assertThat(mine.write(List.of(upsert("mine", "m1", "v1", "p"), upsert("mine", "m2", "v7", "p")))).containsOnlyNulls();
        assertThat(theirs.write(List.of(upsert("theirs", "t1", "v1", "p")))).containsOnlyNulls();
        IndexKnownDocuments known = new IndexKnownDocuments(mine, new Semaphore(1));
        assertThat(known.versions(List.of("m1", "m2", "t1", "absent"))).isEqualTo(Map.of("m1", "v1", "m2", "v7"));
        assertThat(mine.deletePartition("p")).isEqualTo(2);
        assertThat(theirs.countByPartition()).isEqualTo(Map.of("p", 1L));
    }

    @Test
    void aDocumentWhoseChildrenAreIncompleteIsNotKnown() throws Exception {
        ElasticsearchSink sink = new ElasticsearchSink(client, index, "s");
        sink.start(0);
        SinkAction whole = upsert("s", "whole", "v1", "p");
        SinkAction partial = upsert("s", "partial", "v1", "p");
        assertThat(sink.write(List.of(whole, SinkAction.upsert("partial", "p",
                DocumentJson.childrenIncomplete(partial.source()))))).containsOnlyNulls();
        IndexKnownDocuments known = new IndexKnownDocuments(sink, new Semaphore(1));
        assertThat(known.versions(List.of("whole", "partial"))).isEqualTo(Map.of("whole", "v1"));
        assertThat(sink.write(List.of(partial))).as("written again whole").containsOnlyNulls();
        assertThat(known.versions(List.of("whole", "partial"))).isEqualTo(Map.of("whole", "v1", "partial", "v1"));
    }

    @Test
    void sweepDeletesOlderGenerationsExceptKeptIds() throws Exception {
        ElasticsearchSink sink = new ElasticsearchSink(client, index, "s");
        sink.start(0);
        sink.write(List.of(upsert("s", "old", "v", "p"), upsert("s", "failed", "v", "p"), upsert("s", "other", "v", "q")));
        assertThat(sink.sweep("p", 2, Set.of("failed"))).isEqualTo(1);
        assertThat(sink.countByPartition()).isEqualTo(Map.of("p", 1L, "q", 1L));
    }

    @Test
    void keptDocumentsAndTheirChildrenSurviveTheSweepOfALaterGeneration() throws Exception {
        ElasticsearchSink sink = new ElasticsearchSink(client, index, "s");
        sink.start(0);
        Document child = Document.builder("e1/a", "p", "attachment").parentId("e1").version("v").build();
        sink.write(List.of(upsert("s", "e1", "v", "p"), upsert("s", "e2", "v", "p"),
                SinkAction.upsert("e1/a", "p", DocumentJson.toJson(child, "s", 1, null, Instant.EPOCH))));
        sink.keep("p", 2, List.of("e1", "absent"));
        assertThat(sink.sweep("p", 2, Set.of())).as("only e2 was neither written nor kept in generation 2")
                .isEqualTo(1);
        assertThat(sink.versions(List.of("e1", "e2", "e1/a")).keySet()).containsExactlyInAnyOrder("e1", "e1/a");
    }

    @Test
    void theSweepSparesRememberedIdsAndTheirChildrenEvenWhenThousandsAreRemembered() throws Exception {
        ElasticsearchSink sink = new ElasticsearchSink(client, index, "s");
        sink.start(0);
        Document child = Document.builder("e1/a", "p", "attachment").parentId("e1").version("v").build();
        sink.write(List.of(upsert("s", "e1", "v", "p"), upsert("s", "e2", "v", "p"),
                SinkAction.upsert("e1/a", "p", DocumentJson.toJson(child, "s", 1, null, Instant.EPOCH))));
        Set<String> remembered = new HashSet<>();
        for (int i = 0; i < 25_000; i++) {
            remembered.add("absent-" + i);
        }
        remembered.add("e1");
        assertThat(sink.sweep("p", 2, remembered)).as("only e2 was neither written nor remembered").isEqualTo(1);
        assertThat(sink.versions(List.of("e1", "e2", "e1/a")).keySet()).containsExactlyInAnyOrder("e1", "e1/a");
    }

    @Test
    void stateIsWrittenWithOptimisticConcurrency() throws Exception {
        ElasticsearchStateStore store = new ElasticsearchStateStore(client, index + "-state", "s");
        store.start(0);
        PartitionState first = store.save(new PartitionState("alice@example.com", "{\"t\":1}", 5, Instant.EPOCH,
                List.of(new FailureRecord("m1", "PERMANENT", "bad", 2),
                        new FailureRecord("m2", "TRANSIENT", "down", 4, "INBOX:eNo2", true)), 3, -1, -1));
        PartitionState second = store.save(first.withCheckpoint("{\"t\":2}"));
        assertThatThrownBy(() -> store.save(first.withCheckpoint("{\"t\":3}"))).isInstanceOf(StateConflictException.class);
        assertThatThrownBy(() -> store.save(PartitionState.initial("alice@example.com")))
                .isInstanceOf(StateConflictException.class);
        PartitionState read = store.get("alice@example.com").orElseThrow();
        assertThat(read).isEqualTo(second);
        assertThat(read.failures()).containsExactly(new FailureRecord("m1", "PERMANENT", "bad", 2),
                new FailureRecord("m2", "TRANSIENT", "down", 4, "INBOX:eNo2", true));
        assertThat(store.list()).containsExactly(second);
        store.delete("alice@example.com");
        assertThat(store.get("alice@example.com")).isEmpty();
    }
}
