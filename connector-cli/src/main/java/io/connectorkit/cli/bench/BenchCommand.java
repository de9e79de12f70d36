package io.connectorkit.cli.bench;

import static java.util.Objects.requireNonNull;

import io.connectorkit.cli.bench.measure.BenchJson;
import io.connectorkit.cli.bench.measure.BenchTable;
import io.connectorkit.cli.bench.measure.MachineLoad;
import io.connectorkit.cli.bench.measure.ScenarioResult;
import io.connectorkit.cli.console.CommandContext;
import io.connectorkit.embedded.EmbeddedSearchNode;
import io.connectorkit.runtime.ConnectorRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code connector bench}: runs the benchmark scenarios against the simulator and one embedded
 * index in this JVM (the memory scenario's crawl in a child JVM), and prints each figure with its
 * ratio to the limit measured in the same run. Targets are reported, never enforced: the exit
 * status is 0 whenever the scenarios ran.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Runs the benchmark scenarios (simulator + embedded index) and prints each figure with its"
                + " ratio to the limit measured in the same run; see docs/benchmarks.md.")
public final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--scenario", paramLabel = "NAME", split = ",",
            description = "Run only these scenarios (comma-separated, and those they compare with): raw, full, extract,"
                    + " index, calls, throttled, quota, delta, recrawl, memory, demo, scale.")
    List<String> scenarios = List.of();

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON to this file.")
    Path json;

    @Option(names = "--scale", paramLabel = "F", defaultValue = "1",
            description = "Shrink (or grow) every scenario's messages and the large attachment by this factor"
                    + " (default: ${DEFAULT-VALUE}); 0.01 runs every scenario in a few minutes.")
    double scale;

    @Option(names = "--repeat", paramLabel = "N",
            description = "Timed runs per repeated figure, each after an untimed warm-up; the figure is their median,"
                    + " with the minimum and maximum (default: 3 at --scale 1 or more, else 1).")
    Integer repeat;

    @Option(names = "--profile", paramLabel = "FILE",
            description = "Record one more full crawl, after the timed ones and not timed, with Java Flight Recorder"
                    + " into this file (read it with 'jfr print' or 'jfr summary').")
    Path profile;

    @Option(names = "--work-dir", paramLabel = "DIR",
            description = "Where the index and the memory and demo scenarios keep their files (default: a new temporary"
                    + " directory, deleted afterwards).")
    Path workDir;

    private final CommandContext context;

    /**
     * Creates the command.
     *
     * @param context the invocation's output and environment
     */
    public BenchCommand(CommandContext context) {
        this.context = requireNonNull(context, "context");
    }

    @Override
    public Integer call() throws Exception {
        for (String scenario : scenarios) {
            if (!BenchScenarios.names().contains(scenario)) {
                throw new ParameterException(spec.commandLine(), "--scenario " + scenario + " is unknown; give one of "
                        + String.join(", ", BenchScenarios.names()) + ".");
            }
        }
        if (!(scale > 0 && scale <= 100)) {
            throw new ParameterException(spec.commandLine(), "--scale " + scale
                    + " is out of range; give a factor above 0 and at most 100, such as 0.1.");
        }
        if (repeat != null && (repeat < 1 || repeat > 100)) {
            throw new ParameterException(spec.commandLine(), "--repeat " + repeat
                    + " is out of range; give a number of runs from 1 to 100, such as 3.");
        }
        int runs = repeat != null ? repeat : scale >= 1 ? 3 : 1;
        boolean temporary = workDir == null;
        Path dir = temporary ? Files.createTempDirectory("connector-bench") : Files.createDirectories(workDir);
        PrintWriter err = context.err();
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("started", Instant.now().toString());
        facts.put("scale", Double.toString(scale));
        facts.put("repeat", Integer.toString(runs));
        facts.put("processors", Integer.toString(Runtime.getRuntime().availableProcessors()));
        facts.put("maxHeapMB", Long.toString(Runtime.getRuntime().maxMemory() >> 20));
        facts.put("java", System.getProperty("java.version"));
        facts.put("loadAverageAtStart", MachineLoad.describe());
        err.println("Benchmark (scale " + scale + ", " + runs + " timed runs per figure) in " + dir + "; load average " + facts.get("loadAverageAtStart"));
        err.println("Starting the embedded index...");
        err.flush();
        List<ScenarioResult> results;
        try (EmbeddedSearchNode node = EmbeddedSearchNode.start(dir.resolve("opensearch"))) {
            BenchEnvironment env = new BenchEnvironment(scale, runs, Optional.ofNullable(profile), dir, node.url(), node.credential(),
                    ConnectorRegistry.load().connector("mimecast"), err);
            try (BenchScenarios run = new BenchScenarios(env)) {
                results = run.run(scenarios);
            }
        } finally {
            if (temporary) {
                deleteTree(dir);
            }
        }
        facts.put("finished", Instant.now().toString());
        facts.put("loadAverageAtEnd", MachineLoad.describe());
        PrintWriter out = context.out();
        out.printf("Benchmark at scale %s, %d timed runs per figure, %s processors, load average %s at start and %s"
                + " at end%n", scale, runs, facts.get("processors"), facts.get("loadAverageAtStart"), facts.get("loadAverageAtEnd"));
        BenchTable.print(out, results);
        if (json != null) {
            BenchJson.write(json, facts, results);
            out.println("Results written to " + json);
            out.flush();
        }
        return 0;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
