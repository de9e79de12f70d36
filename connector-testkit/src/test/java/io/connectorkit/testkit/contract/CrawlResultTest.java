package io.connectorkit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectorkit.api.Checkpoint;
import io.connectorkit.api.Document;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CrawlResultTest {

    @Test
    void findsDuplicatesWithinAndAcrossPartitions() {
        RecordingEmitter p = new RecordingEmitter("p");
        p.upsert(doc("a", "1"));
        p.upsert(doc("b", "1"));
        p.upsert(doc("a", "2"));
        p.checkpoint(new Checkpoint("p-end"));
        RecordingEmitter q = new RecordingEmitter("q");
        q.upsert(doc("b", "1"));
        q.upsert(doc("c", "1"));
        Map<String, RecordingEmitter> byPartition = new LinkedHashMap<>();
        byPartition.put("p", p);
        byPartition.put("q", q);
        CrawlResult result = new CrawlResult(byPartition);

        assertThat(result.duplicateIds()).containsExactly("a", "b");
        assertThat(result.distinctIds()).containsExactly("a", "b", "c");
        assertThat(result.versions()).containsEntry("a", "2");
        assertThat(result.idsByPartition()).isEqualTo(Map.of("p", Set.of("a", "b"), "q", Set.of("b", "c")));
        assertThat(result.lastCheckpoints()).isEqualTo(Map.of("p", new Checkpoint("p-end")));
        assertThatThrownBy(() -> result.partition("r")).hasMessageContaining("'r' was not crawled");
    }

    private static Document doc(String id, String version) {
        return Document.builder(id, "file").version(version).build();
    }
}
