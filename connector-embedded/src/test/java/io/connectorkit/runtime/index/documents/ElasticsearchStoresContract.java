package io.connectorkit.runtime.index.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectorkit.api.Checkpoint;
import io.connectorkit.api.Document;
import io.connectorkit.runtime.config.SinkConfig;
import io.connectorkit.runtime.index.IndexClient;
import io.connectorkit.runtime.index.IndexKnownDocuments;
import io.connectorkit.runtime.index.RetryPolicy;
import io.connectorkit.runtime.index.SinkAction;
import io.connectorkit.runtime.state.ElasticsearchStateStore;
import io.connectorkit.runtime.state.FailureRecord;
import io.connectorkit.runtime.state.PartitionState;
import io.connectorkit.runtime.state.StateConflictException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of the content index's sink and reader and of the state store, against whichever
 * index a subclass names: the embedded node ({@link ElasticsearchStoresIT}) or a real
 * Elasticsearch server (the compatibility suite). Its tests are public so that a subclass in
 * another package runs them.
 */
public abstract class ElasticsearchStoresContract {
    private final String url;
    private IndexClient client;
    private String index;

    /** @param url the base URL of the index the contract runs against */
    protected ElasticsearchStoresContract(String url) {
        this.url = url;
    }

    @BeforeEach
    public void setUp() {
        client = new IndexClient(List.of(url), new SinkConfig(List.of(url), "", "", "", "x", 1, 1, Path.of(".")),
                new RetryPolicy(1, Duration.ofMillis(10), Duration.ofMillis(10)));
        index = "stores-" + System.nanoTime();
    }

    @AfterEach
    public void tearDown() {
        client.close();
    }

    private static SinkAction upsert(String source, String id, String version, String partition) {
        Document d = Document.builder(id, "email").title(id).version(version).build();
        return SinkAction.upsert(id, partition, DocumentJson.toJson(d, partition, source, 1, null, Instant.EPOCH));
    }

    @Test
    public void knownDocumentsReturnTheStoredVersionsOfThisSourceOnly() throws Exception {
        ContentIndex mine = new ContentIndex(client, index, "mine");
        ContentIndex theirs = new ContentIndex(client, index, "theirs");
        mine.start(0);
        assertThat(mine.sink().write(List.of(upsert("mine", "m1", "v1", "p"), upsert("mine", "m2", "v7", "p")))).containsOnlyNulls();
        assertThat(theirs.sink().write(List.of(upsert("theirs", "t1", "v1", "p")))).containsOnlyNulls();
        IndexKnownDocuments known = new IndexKnownDocuments(mine.reader(), new Semaphore(1));
        assertThat(known.versions(List.of("m1", "m2", "t1", "absent"))).isEqualTo(Map.of("m1", "v1", "m2", "v7"));
        assertThat(mine.sink().deletePartition("p")).isEqualTo(2);
        assertThat(theirs.reader().countByPartition()).isEqualTo(Map.of("p", 1L));
    }

    @Test
    public void aDocumentWhoseChildrenAreIncompleteIsNotKnown() throws Exception {
        ContentIndex content = new ContentIndex(client, index, "s");
        content.start(0);
        SinkAction whole = upsert("s", "whole", "v1", "p");
        SinkAction partial = upsert("s", "partial", "v1", "p");
        assertThat(content.sink().write(List.of(whole, SinkAction.upsert("partial", "p",
                DocumentJson.childrenIncomplete(partial.source()))))).containsOnlyNulls();
        IndexKnownDocuments known = new IndexKnownDocuments(content.reader(), new Semaphore(1));
        assertThat(known.versions(List.of("whole", "partial"))).isEqualTo(Map.of("whole", "v1"));
        assertThat(content.sink().write(List.of(partial))).as("written again whole").containsOnlyNulls();
        assertThat(known.versions(List.of("whole", "partial"))).isEqualTo(Map.of("whole", "v1", "partial", "v1"));
    }

    @Test
    public void sweepDeletesOlderGenerationsExceptKeptIds() throws Exception {
        ContentIndex content = new ContentIndex(client, index, "s");
        content.start(0);
        content.sink().write(List.of(upsert("s", "old", "v", "p"), upsert("s", "failed", "v", "p"), upsert("s", "other", "v", "q")));
        assertThat(content.sink().sweep("p", 2, Set.of("failed"))).isEqualTo(1);
        assertThat(content.reader().countByPartition()).isEqualTo(Map.of("p", 1L, "q", 1L));
    }

    @Test
    public void keptDocumentsAndTheirChildrenSurviveTheSweepOfALaterGeneration() throws Exception {
        ContentIndex content = new ContentIndex(client, index, "s");
        content.start(0);
        Document child = Document.builder("e1/a", "attachment").parentId("e1").version("v").build();
        content.sink().write(List.of(upsert("s", "e1", "v", "p"), upsert("s", "e2", "v", "p"),
                SinkAction.upsert("e1/a", "p", DocumentJson.toJson(child, "p", "s", 1, null, Instant.EPOCH))));
        content.sink().stampUnchanged("p", 2, List.of("e1", "absent"));
        assertThat(content.sink().sweep("p", 2, Set.of())).as("only e2 was neither written nor kept in generation 2")
                .isEqualTo(1);
        assertThat(content.reader().versions(List.of("e1", "e2", "e1/a")).keySet()).containsExactlyInAnyOrder("e1", "e1/a");
    }

    @Test
    public void theSweepSparesRememberedIdsAndTheirChildrenEvenWhenThousandsAreRemembered() throws Exception {
        ContentIndex content = new ContentIndex(client, index, "s");
        content.start(0);
        Document child = Document.builder("e1/a", "attachment").parentId("e1").version("v").build();
        content.sink().write(List.of(upsert("s", "e1", "v", "p"), upsert("s", "e2", "v", "p"),
                SinkAction.upsert("e1/a", "p", DocumentJson.toJson(child, "p", "s", 1, null, Instant.EPOCH))));
        Set<String> remembered = new HashSet<>();
        for (int i = 0; i < 70_000; i++) {
            // More than one terms query may hold (index.max_terms_count, 65,536), and more
            // than an ids query may (10,000 on Elasticsearch 9).
            remembered.add("absent-" + i);
        }
        remembered.add("e1");
        assertThat(content.sink().sweep("p", 2, remembered)).as("only e2 was neither written nor remembered").isEqualTo(1);
        assertThat(content.reader().versions(List.of("e1", "e2", "e1/a")).keySet()).containsExactlyInAnyOrder("e1", "e1/a");
    }

    @Test
    public void reStampsSweepsAndRemovalsPageThroughEveryMatchingDocument() throws Exception {
        ContentIndex content = new ContentIndex(client, index, "s");
        ContentIndex theirs = new ContentIndex(client, index, "theirs");
        content.start(0);
        // Pages of 3 hits: every operation below needs several, and one ends exactly on a page.
        ElasticsearchSink sink = new ElasticsearchSink(content, IndexDisk.cluster(), 3);
        List<SinkAction> writes = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            writes.add(upsert("s", "e" + i, "v", "p"));
            if (i < 5) {
                kept.add("e" + i);
                Document child = Document.builder("e" + i + "/a", "attachment").parentId("e" + i).version("v").build();
                writes.add(SinkAction.upsert("e" + i + "/a", "p", DocumentJson.toJson(child, "p", "s", 1, null,
                        Instant.EPOCH)));
            }
        }
        assertThat(sink.write(writes)).containsOnlyNulls();
        assertThat(theirs.sink().write(List.of(upsert("theirs", "t1", "v", "p")))).containsOnlyNulls();

        sink.stampUnchanged("p", 2, kept);
        assertThat(sink.countSweep("p", 2, Set.of()).swept()).as("e5..e9 were neither written nor kept").isEqualTo(5);
        assertThat(sink.sweep("p", 2, Set.of())).isEqualTo(5);
        assertThat(content.reader().countByPartition()).isEqualTo(Map.of("p", 10L));
        assertThat(sink.deleteChildren(List.of("e0", "e1", "e9"))).isEqualTo(2);
        assertThat(sink.deletePartition("p")).isEqualTo(8);
        assertThat(content.reader().countByPartition()).isEmpty();
        assertThat(theirs.reader().countByPartition()).as("another source's documents are never touched")
                .isEqualTo(Map.of("p", 1L));
        assertThat(sink.deletePartition("p")).as("nothing left to delete").isZero();
    }

    @Test
    public void stateIsWrittenWithOptimisticConcurrency() throws Exception {
        ElasticsearchStateStore store = new ElasticsearchStateStore(client, index + "-state", "s");
        store.start(0);
        PartitionState first = store.save(new PartitionState("alice@example.com", new Checkpoint("{\"t\":1}"), 5,
                Instant.EPOCH,
                List.of(new FailureRecord("m1", "PERMANENT", "bad", 2),
                        new FailureRecord("m2", "TRANSIENT", "down", 4, "INBOX:eNo2", true)), 3, -1, -1));
        PartitionState second = store.save(first.withCheckpoint(new Checkpoint("{\"t\":2}")));
        assertThatThrownBy(() -> store.save(first.withCheckpoint(new Checkpoint("{\"t\":3}"))))
                .isInstanceOf(StateConflictException.class);
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
