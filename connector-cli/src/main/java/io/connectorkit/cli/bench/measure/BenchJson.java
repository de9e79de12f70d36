package io.connectorkit.cli.bench.measure;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Writes the results as JSON: the run's facts (date, machine, load, scale) and every figure. */
public final class BenchJson {
    private BenchJson() {
    }

    public static void write(Path file, Map<String, String> facts, List<ScenarioResult> results) throws IOException {
        JsonObject root = new JsonObject();
        JsonObject run = new JsonObject();
        facts.forEach(run::addProperty);
        root.add("run", run);
        JsonArray scenarios = new JsonArray();
        for (ScenarioResult r : results) {
            JsonObject s = new JsonObject();
            s.addProperty("scenario", r.scenario());
            JsonArray figures = new JsonArray();
            for (Figure f : r.figures()) {
                JsonObject o = new JsonObject();
                o.addProperty("name", f.name().strip());
                addNumber(o, "value", f.value());
                o.addProperty("unit", f.unit());
                if (!f.target().isEmpty()) {
                    o.addProperty("target", f.target());
                }
                addNumber(o, "ratio", f.ratio());
                if (f.holds() != null) {
                    o.addProperty("holds", f.holds());
                }
                if (!f.runs().isEmpty()) {
                    addNumber(o, "median", f.value());
                    addNumber(o, "min", f.min());
                    addNumber(o, "max", f.max());
                    JsonArray runs = new JsonArray();
                    for (double v : f.runs()) {
                        if (Double.isNaN(v) || Double.isInfinite(v)) {
                            runs.add(JsonNull.INSTANCE);
                        } else {
                            runs.add(v);
                        }
                    }
                    o.add("runs", runs);
                }
                figures.add(o);
            }
            s.add("figures", figures);
            JsonArray notes = new JsonArray();
            r.notes().forEach(notes::add);
            s.add("notes", notes);
            scenarios.add(s);
        }
        root.add("scenarios", scenarios);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, new GsonBuilder().setPrettyPrinting().create().toJson(root) + "\n",
                StandardCharsets.UTF_8);
    }

    private static void addNumber(JsonObject o, String name, double v) {
        if (!Double.isNaN(v) && !Double.isInfinite(v)) {
            o.addProperty(name, v);
        }
    }
}
