package io.connectorkit.runtime.index.documents;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.connectorkit.api.Document;
import io.connectorkit.runtime.config.SinkConfig;
import io.connectorkit.runtime.index.IndexClient;
import io.connectorkit.runtime.index.RetryPolicy;
import io.connectorkit.runtime.index.SinkAction;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.common.settings.Settings;
import org.opensearch.core.common.transport.TransportAddress;
import org.opensearch.http.HttpServerTransport;
import org.opensearch.index.reindex.ReindexPlugin;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.painless.PainlessPlugin;
import org.opensearch.transport.Netty4Plugin;

/**
 * What the scriptless sink costs against the server-side operations it replaced, on one node
 * that has both (OpenSearch with the reindex and painless modules): a sweep by search_after
 * pages and {@code _bulk} deletes against {@code _delete_by_query}, and the re-stamp of a
 * recrawl's unchanged documents by pages and partial updates against {@code _update_by_query}
 * with a painless script. Each pair runs on the same documents in alternating order, and the
 * ratios are printed; the test asserts only that both ways change exactly the same documents.
 * Sizes come from {@code -Dscript.cost.sizes} (default 1000; docs/benchmarks.md used
 * {@code 1000,100000}). The old sweep runs as a task, polled every 20 ms.
 */
class ScriptCostIT {
    private static final int BATCH = 1000;
    private static Node node;
    private static IndexClient client;

    @BeforeAll
    static void start(@TempDir Path home) throws Exception {
        if (System.getProperty("opensearch.set.netty.runtime.available.processors") == null) {
            System.setProperty("opensearch.set.netty.runtime.available.processors", "false");
        }
        Settings settings = Settings.builder().put("cluster.name", "script-cost").put("node.name", "script-cost")
                .put("path.home", home.toString()).put("network.host", "127.0.0.1").put("http.port", "0")
                .put("transport.port", "0").put("discovery.type", "single-node")
                .put("cluster.routing.allocation.disk.threshold_enabled", false).build();
        node = new ScriptingNode(settings);
        node.start();
        TransportAddress address = node.injector().getInstance(HttpServerTransport.class).boundAddress().publishAddress();
        String url = "http://127.0.0.1:" + address.getPort();
        client = new IndexClient(List.of(url), new SinkConfig(List.of(url), "", "", "", "x", BATCH, 1 << 24,
                Path.of(".")), new RetryPolicy(3, Duration.ofMillis(50), Duration.ofSeconds(1)));
    }

    @AfterAll
    static void stop() throws Exception {
        client.close();
        node.close();
    }

    @Test
    void theScriptlessSweepAndReStampChangeWhatTheScriptedOnesDidAndPrintTheirCost() throws Exception {
        for (String size : System.getProperty("script.cost.sizes", "1000").split(",")) {
            int n = Integer.parseInt(size.trim());
            measure(200, false);
            measure(n, true);
        }
    }

    private void measure(int n, boolean print) throws Exception {
        long[] sweep = new long[2];
        long[] byQuery = new long[2];
        long[] stamp = new long[2];
        long[] byScript = new long[2];
        for (int round = 0; round < 2; round++) {
            // Alternating which goes first, so that the node's warming and merging touch both.
            boolean scriptlessFirst = round == 0;
            for (int k = 0; k < 2; k++) {
                boolean scriptless = (k == 0) == scriptlessFirst;
                ContentIndex content = fill("cost-" + System.nanoTime(), n);
                List<String> ids = ids(n);
                long began = System.nanoTime();
                for (int from = 0; from < n; from += BATCH) {
                    List<String> batch = ids.subList(from, Math.min(n, from + BATCH));
                    if (scriptless) {
                        content.sink().stampUnchanged("p", 2, batch);
                    } else {
                        updateByQuery(content, batch, 2);
                    }
                }
                long stamped = System.nanoTime() - began;
                assertThat(content.sink().countSweep("p", 3, Set.of()).swept()).isEqualTo(n);
                assertThat(content.sink().countSweep("p", 2, Set.of()).swept()).as("every document re-stamped").isZero();
                began = System.nanoTime();
                long deleted = scriptless ? content.sink().sweep("p", 3, Set.of()) : deleteByQuery(content, 3);
                long swept = System.nanoTime() - began;
                assertThat(deleted).isEqualTo(n);
                assertThat(content.reader().countByPartition()).isEmpty();
                (scriptless ? stamp : byScript)[round] = stamped;
                (scriptless ? sweep : byQuery)[round] = swept;
                client.json("DELETE", "/" + content.name(), Map.of(), null);
            }
        }
        if (print) {
            System.out.printf("Scriptless cost, %,d documents: sweep %.0f ms vs _delete_by_query %.0f ms (ratio %.2f);"
                    + " re-stamp %.0f ms vs _update_by_query %.0f ms (ratio %.2f); rounds %s %s %s %s%n", n,
                    ms(sweep), ms(byQuery), ms(sweep) / ms(byQuery), ms(stamp), ms(byScript), ms(stamp) / ms(byScript),
                    Arrays.toString(sweep), Arrays.toString(byQuery), Arrays.toString(stamp), Arrays.toString(byScript));
        }
    }

    private static double ms(long[] nanos) {
        return Arrays.stream(nanos).min().orElseThrow() / 1e6;
    }

    private static List<String> ids(int n) {
        List<String> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ids.add(String.format("m%07d", i));
        }
        return ids;
    }

    private ContentIndex fill(String index, int n) throws Exception {
        ContentIndex content = new ContentIndex(client, index, "s");
        content.start(0);
        List<SinkAction> batch = new ArrayList<>();
        for (String id : ids(n)) {
            Document d = Document.builder(id, "email").title("message " + id).content("body of " + id).version("v")
                    .build();
            batch.add(SinkAction.upsert(id, "p", DocumentJson.toJson(d, "p", "s", 1, null, Instant.EPOCH)));
            if (batch.size() == BATCH) {
                assertThat(content.sink().write(batch)).containsOnlyNulls();
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            assertThat(content.sink().write(batch)).containsOnlyNulls();
        }
        content.refresh();
        return content;
    }

    /** The re-stamp as it was: one _update_by_query with a painless script per batch. */
    private void updateByQuery(ContentIndex content, List<String> ids, long generation) throws Exception {
        content.refresh();
        JsonObject bool = content.sourceFilter();
        bool.getAsJsonArray("filter").add(QueryClauses.term(DocumentJson.PARTITION, "p"));
        JsonArray should = new JsonArray();
        should.add(QueryClauses.terms(DocumentJson.ID, ids));
        should.add(QueryClauses.terms(DocumentJson.PARENT_ID, ids));
        bool.add("should", should);
        bool.addProperty("minimum_should_match", 1);
        JsonObject query = new JsonObject();
        query.add("bool", bool);
        JsonObject script = new JsonObject();
        script.addProperty("lang", "painless");
        script.addProperty("source", "ctx._source." + DocumentJson.GENERATION + " = params.g");
        JsonObject params = new JsonObject();
        params.addProperty("g", generation);
        script.add("params", params);
        JsonObject body = new JsonObject();
        body.add("query", query);
        body.add("script", script);
        IndexClient.Reply r = client.json("POST", "/" + content.name() + "/_update_by_query",
                Map.of("conflicts", "proceed"), body.toString());
        assertThat(r.ok()).as(r.reason()).isTrue();
        content.written();
    }

    /** The sweep as it was: one _delete_by_query. */
    private long deleteByQuery(ContentIndex content, long generation) throws Exception {
        content.refresh();
        JsonObject bool = content.sourceFilter();
        bool.getAsJsonArray("filter").add(QueryClauses.term(DocumentJson.PARTITION, "p"));
        JsonObject lt = new JsonObject();
        lt.addProperty("lt", generation);
        JsonObject range = new JsonObject();
        range.add(DocumentJson.GENERATION, lt);
        JsonObject rangeQuery = new JsonObject();
        rangeQuery.add("range", range);
        bool.getAsJsonArray("filter").add(rangeQuery);
        JsonObject query = new JsonObject();
        query.add("bool", bool);
        JsonObject body = new JsonObject();
        body.add("query", query);
        // As a task, polled: a large one outlasts the client's socket timeout, and a retried
        // request would find nothing left to delete.
        IndexClient.Reply r = client.json("POST", "/" + content.name() + "/_delete_by_query",
                Map.of("conflicts", "proceed", "refresh", "true", "wait_for_completion", "false"), body.toString());
        assertThat(r.ok()).as(r.reason()).isTrue();
        String task = r.body().get("task").getAsString();
        while (true) {
            IndexClient.Reply t = client.json("GET", "/_tasks/" + task, Map.of(), null);
            assertThat(t.ok()).as(t.reason()).isTrue();
            if (t.body().get("completed").getAsBoolean()) {
                return t.body().getAsJsonObject("response").get("deleted").getAsLong();
            }
            Thread.sleep(20);
        }
    }

    /** A node with the scripting and reindex modules the product no longer needs. */
    private static final class ScriptingNode extends Node {
        ScriptingNode(Settings settings) {
            super(InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), null, () -> "script-cost"),
                    List.of(Netty4Plugin.class, ReindexPlugin.class, CommonAnalysisPlugin.class, PainlessPlugin.class),
                    true);
        }
    }
}
