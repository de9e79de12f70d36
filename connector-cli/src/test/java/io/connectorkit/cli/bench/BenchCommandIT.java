package io.connectorkit.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.connectorkit.cli.ConnectorCli;
import io.connectorkit.cli.console.CommandContext;
import io.connectorkit.embedded.testing.SharedSearchNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every scenario at a small scale, two timed runs each, and checks the structure of the
 * results: every figure is there, both references and the limit included; every repeated figure
 * holds every run, with its median within its minimum and maximum; nothing is lost, the crawls
 * over an unchanged archive download nothing, the memory crawl completes. It never checks a timing or a ratio: those depend on the machine. The command
 * starts an embedded node of its own, so the class runs in a JVM without the shared one.
 */
@Tag(SharedSearchNode.OWN_NODE)
class BenchCommandIT {
    @TempDir
    Path dir;

    @Test
    void everyScenarioReportsItsFiguresAndLosesNothing() throws Exception {
        Path json = dir.resolve("bench.json");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandContext context = new CommandContext(new PrintWriter(out, true), new PrintWriter(err, true), false,
                Map.of());
        int status = ConnectorCli.create(context).execute("bench", "--scale", "0.01", "--repeat", "2", "--json",
                json.toString(),
                "--work-dir", dir.resolve("work").toString());
        assertThat(status).as(out + "\n" + err).isZero();
        assertThat(out.toString()).contains("scenario", "figure", "ratio", "holds");

        JsonObject root = JsonParser.parseString(Files.readString(json, StandardCharsets.UTF_8)).getAsJsonObject();
        assertThat(root.getAsJsonObject("run").get("scale").getAsString()).isEqualTo("0.01");
        assertThat(root.getAsJsonObject("run").get("repeat").getAsString()).isEqualTo("2");
        Map<String, Map<String, JsonObject>> figures = new LinkedHashMap<>();
        for (JsonElement s : root.getAsJsonArray("scenarios")) {
            Map<String, JsonObject> byName = new LinkedHashMap<>();
            for (JsonElement f : s.getAsJsonObject().getAsJsonArray("figures")) {
                byName.put(f.getAsJsonObject().get("name").getAsString(), f.getAsJsonObject());
            }
            figures.put(s.getAsJsonObject().get("scenario").getAsString(), byName);
        }
        assertThat(figures.keySet()).containsExactlyElementsOf(BenchScenarios.names());

        assertThat(figures.get("raw")).containsKeys("documents/s", "wall time", "documents lost");
        assertThat(figures.get("full")).containsKeys("documents/s", "messages/s",
                "simulator get-file+download pairs/s (4 clients)", "crawl get-file calls/s vs simulator");
        assertThat(figures.get("full").get("documents/s").get("target").getAsString()).isEqualTo(">= 0.9 x raw");
        assertThat(figures.get("full").get("documents/s").has("ratio")).isTrue();
        // Where the CPU went: measured in every run, the shares of a crawl add up to at most all of it.
        for (String scenario : List.of("raw", "full")) {
            assertThat(value(figures, scenario, "CPU use: process CPU / (wall x processors)")).as(scenario)
                    .isPositive().isLessThanOrEqualTo(1.05);
            assertThat(value(figures, scenario, "CPU share: extraction")
                    + value(figures, scenario, "CPU share: index node")).as(scenario).isPositive()
                    .isLessThanOrEqualTo(100.0);
        }
        assertThat(value(figures, "full", "CPU share: simulator")).isPositive();
        assertThat(value(figures, "full", "CPU share: crawl threads")).isPositive();
        double cpuRatio = value(figures, "full", "raw's CPU s / full's CPU s (full / raw if CPU-bound)");
        assertThat(cpuRatio).isPositive();
        assertThat(value(figures, "full", "the same without the simulator's CPU")).isGreaterThan(cpuRatio);
        assertThat(figures.get("extract")).containsKeys("documents/s", "wall time", "attachments/s",
                "extraction failures");
        assertThat(value(figures, "extract", "attachments extracted")).isPositive();
        assertThat(figures.get("index")).containsKeys("documents/s (best of the sweep)", "best batch size",
                "best concurrency", "limit = 1 / (1/extract + 1/index)");
        for (int batch : IndexScenario.BATCHES) {
            for (int concurrency : IndexScenario.CONCURRENCIES) {
                assertThat(value(figures, "index", "sweep: batch " + batch + ", concurrency " + concurrency))
                        .isPositive();
            }
        }
        assertThat(figures.get("index").get("raw / limit").get("target").getAsString()).isEqualTo(">= 0.8 x limit");
        assertThat(figures.get("index").get("raw / limit").has("ratio")).isTrue();
        assertThat(value(figures, "index", "items refused")).isZero();
        double limit = value(figures, "index", "limit = 1 / (1/extract + 1/index)");
        assertThat(limit).as("the limit is below either reference")
                .isLessThan(value(figures, "extract", "documents/s"))
                .isLessThan(value(figures, "index", "documents/s (best of the sweep)"));

        String[][] repeated = {{"raw", "documents/s"}, {"raw", "wall time"}, {"full", "documents/s"},
            {"full", "wall time"}, {"extract", "documents/s"}, {"index", "documents/s (best of the sweep)"},
            {"delta", "wall time"}, {"delta", "wall time, window off"}, {"recrawl", "wall time"}};
        for (String[] r : repeated) {
            assertThat(figures.get(r[0]).get(r[1]).getAsJsonArray("runs")).as(r[0] + ": " + r[1]).hasSize(2);
        }
        figures.forEach((scenario, byName) -> byName.forEach((name, f) -> {
            if (f.has("runs")) {
                String what = scenario + ": " + name;
                List<Double> runs = new ArrayList<>();
                f.getAsJsonArray("runs").forEach(v -> runs.add(v.getAsDouble()));
                assertThat(runs).as(what).hasSize(2);
                double median = f.get("median").getAsDouble();
                assertThat(f.get("value").getAsDouble()).as(what).isEqualTo(median);
                assertThat(f.get("min").getAsDouble()).as(what).isEqualTo(Collections.min(runs));
                assertThat(f.get("max").getAsDouble()).as(what).isEqualTo(Collections.max(runs));
                assertThat(median).as(what).isBetween(f.get("min").getAsDouble(), f.get("max").getAsDouble());
            }
        }));

        assertThat(figures.get("calls")).containsKeys("API calls per message (eml)", "API calls per message (parts)");
        assertThat(figures.get("calls").get("get-file per message").get("value").getAsDouble()).isEqualTo(1.0);
        assertThat(figures.get("throttled")).containsKeys("sustained call rate", "429 share of API calls");
        assertThat(figures.get("throttled").get("sustained call rate").has("ratio")).isTrue();
        assertThat(figures.get("quota")).containsKeys("share of the quota used (closed windows)", "quota windows (closed + open)");
        assertThat(value(figures, "quota", "429 answers")).isZero();
        assertThat(value(figures, "quota", "documents lost")).isZero();
        for (String again : new String[] {"delta", "recrawl"}) {
            assertThat(value(figures, again, "content downloads")).as(again).isZero();
            assertThat(value(figures, again, "documents sent again")).as(again).isZero();
            assertThat(figures.get(again).get("wall time").has("ratio")).as(again).isTrue();
        }
        assertThat(value(figures, "delta", "late arrivals found")).isZero();
        assertThat(value(figures, "delta", "content downloads, window off")).isZero();
        assertThat(value(figures, "delta", "list calls per mailbox, late-arrival window (14 days)"))
                .as("the window lists each view once more").isEqualTo(
                        value(figures, "delta", "list calls per mailbox, window off") + 2);
        assertThat(value(figures, "memory", "completed")).isEqualTo(1.0);
        assertThat(value(figures, "memory", "peak heap used (sampled every 10 ms)")).isPositive();
        assertThat(value(figures, "memory", "heap limit")).isLessThanOrEqualTo(256.0);
        // The demo in a child JVM, with the launcher's heap and with the JVM's default.
        assertThat(value(figures, "demo", "512m: heap limit")).isEqualTo(512.0);
        for (String heap : List.of("512m", "default")) {
            assertThat(value(figures, "demo", heap + ": peak RSS (VmHWM)")).as(heap).isPositive();
            assertThat(value(figures, "demo", heap + ": live heap at most (after a collection)")).as(heap)
                    .isLessThanOrEqualTo(value(figures, "demo", heap + ": heap committed at most (GC log)"));
            assertThat(value(figures, "demo", heap + ": class metadata (NMT Metaspace + Class)")).as(heap).isPositive();
            assertThat(value(figures, "demo", heap + ": documents indexed")).as(heap).isPositive();
            assertThat(value(figures, "demo", heap + ": item failures")).as(heap).isZero();
        }
        assertThat(value(figures, "memory", "peak RSS (VmHWM)")).isPositive();
        assertThat(figures.get("scale")).containsKeys("1x: documents/s", "2x: documents/s", "4x: documents/s",
                "time exponent (1 = linear)");

        figures.forEach((scenario, byName) -> byName.forEach((name, f) -> {
            if (name.contains("documents lost")) {
                assertThat(f.get("value").getAsDouble()).as(scenario + ": " + name).isZero();
            }
        }));
    }

    private static double value(Map<String, Map<String, JsonObject>> figures, String scenario, String name) {
        assertThat(figures.get(scenario)).as(scenario).containsKey(name);
        return figures.get(scenario).get(name).get("value").getAsDouble();
    }
}
