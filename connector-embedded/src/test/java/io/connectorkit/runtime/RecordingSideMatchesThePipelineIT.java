package io.connectorkit.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.connectorkit.api.Checkpoint;
import io.connectorkit.api.ConnectorSession;
import io.connectorkit.api.CrawlMode;
import io.connectorkit.api.Document;
import io.connectorkit.api.config.SourceConfig;
import io.connectorkit.embedded.EmbeddedSearchNode;
import io.connectorkit.embedded.testing.SharedSearchNode;
import io.connectorkit.runtime.config.SinkConfig;
import io.connectorkit.runtime.index.IndexClient;
import io.connectorkit.runtime.index.RetryPolicy;
import io.connectorkit.runtime.pipeline.PipelineOptions;
import io.connectorkit.runtime.testing.PlainTextExtractor;
import io.connectorkit.runtime.testing.ScriptedConnector;
import io.connectorkit.testkit.contract.ContentRead;
import io.connectorkit.testkit.contract.CrawlDriver;
import io.connectorkit.testkit.contract.CrawlResult;
import io.connectorkit.testkit.contract.RecordingContext;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The contract suite's recording side (a {@link RecordingContext} and its emitters) stands in for
 * the host, so it must keep the host's contract. Runs the same scripted connector through both,
 * the real pipeline writing into the embedded index, and compares what each ends with: the
 * documents, their partitions, versions, parents and ACLs, the persisted checkpoints, what a
 * FULL crawl's sweep removes, and what an incremental crawl from the checkpoints adds.
 */
@ExtendWith(SharedSearchNode.class)
class RecordingSideMatchesThePipelineIT {
    private final ConnectorRegistry registry = ConnectorRegistry.load();
    private final ScriptedConnector connector = new ScriptedConnector();
    private String url;
    private String id;

    @BeforeEach
    void setUp(EmbeddedSearchNode node) {
        url = node.url();
        id = "compare-" + System.nanoTime();
    }

    @Test
    void recordingSideAndPipelineEndWithTheSameDocumentsAndCheckpoints() throws Exception {
        Map<String, String> script = Map.of("test.partitions", "a,b", "test.documents", "25",
                "test.checkpoint-every", "10");
        Map<String, String> oneGone = new HashMap<>(script);
        oneGone.put("test.skip", "a-5");

        try (RecordingContext context = RecordingContext.create(id);
                ConnectorSession first = connector.open(connector.configSpec().parse(script), context);
                ConnectorSession second = connector.open(connector.configSpec().parse(oneGone), context);
                Host host = host(script); Host hostAfter = host(oneGone); IndexClient client = client()) {
            CrawlResult recorded = new CrawlDriver(first, context).crawlAll(CrawlMode.FULL);
            CrawlReport report = host.crawl(true, ProgressListener.none(), new CancellationSignal());

            assertThat(report.clean()).as(report.toString()).isTrue();
            assertThat(indexed(client, host)).as("documents in the index after a FULL crawl through the pipeline")
                    .isEqualTo(recorded(recorded));
            assertThat(checkpoints(host)).as("checkpoints the host persisted")
                    .isEqualTo(described(recorded));
            List<ContentRead> reads = recorded.partitions().values().stream().flatMap(e -> e.contentReads().stream())
                    .toList();
            assertThat(reads).as("binary content the recording side read").hasSize(2).allMatch(ContentRead::honest);
            assertThat(host.search("zulu", Optional.empty(), 10).total()).as("binary content the pipeline extracted")
                    .isEqualTo(reads.size());

            // The item a-5 is gone from the source: the recording side shows it unseen after a complete
            // listing, and the host's sweep removes it (and nothing else) from the index.
            CrawlResult recordedAfter = new CrawlDriver(second, context).crawlAll(CrawlMode.FULL);
            CrawlReport swept = hostAfter.crawl(true, ProgressListener.none(), new CancellationSignal());
            assertThat(swept.clean()).as(swept.toString()).isTrue();
            assertThat(recordedAfter.partition("a").partitionCompleteCount()).isEqualTo(1);
            assertThat(indexed(client, hostAfter)).as("documents in the index after the sweep")
                    .isEqualTo(recorded(recordedAfter));

            // From the persisted checkpoints, an incremental crawl adds nothing on either side.
            CrawlResult incremental = new CrawlDriver(second, context).crawlAll(CrawlMode.INCREMENTAL,
                    recordedAfter.lastCheckpoints());
            CrawlReport resumed = hostAfter.crawl(false, ProgressListener.none(), new CancellationSignal());
            assertThat(incremental.upsertedIds()).isEmpty();
            assertThat(resumed.documentsUpserted()).isZero();
            // A crawl that emits no checkpoint leaves the last one in place, on both sides.
            Map<String, Checkpoint> kept = new HashMap<>(recordedAfter.lastCheckpoints());
            kept.putAll(incremental.lastCheckpoints());
            assertThat(checkpoints(hostAfter)).isEqualTo(described(kept));
        }
    }

    private Host host(Map<String, String> script) throws Exception {
        Map<String, String> values = new HashMap<>(script);
        values.put("connector.type", connector.type());
        values.put("connector.id", id);
        values.put("sink.elasticsearch.url", url);
        SourceConfig config = registry.validate(values);
        return Host.open(config, registry, new PlainTextExtractor(), Clock.systemUTC(),
                new RetryPolicy(2, Duration.ofMillis(20), Duration.ofMillis(100)),
                new PipelineOptions(2, Duration.ofMillis(20), 1 << 20));
    }

    private IndexClient client() {
        return new IndexClient(List.of(url), new SinkConfig(List.of(url), "", "", "", "x", 1, 1, Path.of(".")),
                new RetryPolicy(0, Duration.ZERO, Duration.ZERO));
    }

    /** id to "partition version parent acl" of every document in the host's index. */
    private static Map<String, String> indexed(IndexClient client, Host host) throws Exception {
        client.json("POST", "/" + host.indexName() + "/_refresh", Map.of(), "{}");
        JsonObject body = client.json("POST", "/" + host.indexName() + "/_search", Map.of(),
                "{\"size\": 1000, \"query\": {\"match_all\": {}}}").body();
        Map<String, String> out = new TreeMap<>();
        for (JsonElement hit : body.getAsJsonObject("hits").getAsJsonArray("hits")) {
            JsonObject source = hit.getAsJsonObject().getAsJsonObject("_source");
            List<String> acl = source.has("acl") ? source.getAsJsonArray("acl").asList().stream()
                    .map(JsonElement::getAsString).toList() : List.of();
            String parent = source.has("parent_id") && !source.get("parent_id").isJsonNull()
                    ? source.get("parent_id").getAsString() : null;
            out.put(source.get("id").getAsString(), describe(source.get("partition").getAsString(),
                    source.get("version").getAsString(), parent, acl));
        }
        return out;
    }

    /** The same, for what the recording side holds: every upsert not deleted or swept since. */
    private static Map<String, String> recorded(CrawlResult crawl) {
        Map<String, String> out = new TreeMap<>();
        crawl.partitions().values().forEach(e -> {
            for (Document d : e.upserts()) {
                out.put(d.id(), describe(e.partitionId(), d.version(), d.parentId(), d.acl()));
            }
        });
        return out;
    }

    private static String describe(String partition, String version, String parent, List<String> acl) {
        return partition + " " + version + " " + parent + " " + acl;
    }

    private static Map<String, String> checkpoints(Host host) throws Exception {
        return host.status().stream().collect(Collectors.toMap(PartitionStatus::partition, PartitionStatus::checkpoint,
                (a, b) -> a, TreeMap::new));
    }

    private Map<String, String> described(CrawlResult crawl) {
        return described(crawl.lastCheckpoints());
    }

    private Map<String, String> described(Map<String, Checkpoint> checkpoints) {
        Map<String, String> out = new TreeMap<>();
        checkpoints.forEach((partition, checkpoint) -> out.put(partition, connector.describe(checkpoint)));
        return out;
    }
}
