package io.connectorkit.cli.bench;

import static java.util.Objects.requireNonNull;

import io.connectorkit.cli.bench.archive.BenchArchives;
import io.connectorkit.cli.bench.archive.SimulatedArchive;
import io.connectorkit.cli.bench.measure.CrawlOutcome;
import io.connectorkit.cli.bench.measure.ScenarioResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The scenarios of one benchmark: runs the chosen ones in their fixed order, each after the scenarios it
 * needs, each once, and keeps what later scenarios compare with (the raw crawl, the full crawl and
 * its simulator, which stays up for the delta and recrawl crawls). Closing it stops the simulator.
 */
final class BenchScenarios implements AutoCloseable {
    /** What a scenario leaves behind for others: the full crawl with its archive and configuration. */
    record FullCrawl(SimulatedArchive archive, CrawlOutcome outcome, Map<String, String> config) {
    }

    private final BenchEnvironment environment;
    private final Map<String, Scenario> scenarios = new LinkedHashMap<>();
    private final Map<String, List<String>> needs = new LinkedHashMap<>();
    private final Map<String, ScenarioResult> results = new LinkedHashMap<>();
    private final Set<String> wanted = new LinkedHashSet<>();
    private AlternatingCrawls alternating;
    private double extractRate = Double.NaN;
    private FullCrawl full;

    BenchScenarios(BenchEnvironment environment) {
        this.environment = requireNonNull(environment, "environment");
        add(new RawScenario());
        add(new FullScenario(), "raw");
        add(new ExtractScenario());
        add(new IndexScenario(), "raw", "extract");
        add(new CallsScenario(), "full");
        add(new ThrottledScenario());
        add(new QuotaScenario());
        add(new DeltaScenario(), "full");
        add(new RecrawlScenario(), "full");
        add(new MemoryScenario());
        add(new DemoScenario());
        add(new ScaleScenario());
    }

    private void add(Scenario s, String... required) {
        scenarios.put(s.name(), s);
        needs.put(s.name(), List.of(required));
    }

    /** @return the scenario names, in the order they run */
    static List<String> names() {
        return List.of("raw", "full", "extract", "index", "calls", "throttled", "quota", "delta", "recrawl", "memory", "demo",
                "scale");
    }

    /** @return one line per scenario: its name and what it measures */
    List<String> descriptions() {
        return scenarios.values().stream().map(s -> String.format("%-9s %s", s.name(), s.description())).toList();
    }

    BenchEnvironment environment() {
        return environment;
    }

    /**
     * Runs the named scenarios (all when empty) and those they need.
     *
     * @param chosen the scenario names; empty for all
     * @return the results in run order
     * @throws Exception if a scenario cannot run
     */
    List<ScenarioResult> run(List<String> chosen) throws Exception {
        wanted.clear();
        wanted.addAll(chosen.isEmpty() ? names() : chosen);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (String name : List.copyOf(wanted)) {
                grew |= wanted.addAll(needs.get(name));
            }
        }
        List<ScenarioResult> out = new ArrayList<>();
        for (String name : names()) {
            if (wanted.contains(name)) {
                environment.say("Scenario " + name + ": " + scenarios.get(name).description());
                ScenarioResult result = scenarios.get(name).run(this);
                results.put(name, result);
                out.add(result);
                environment.printSoFar(result);
            }
        }
        return out;
    }

    /**
     * The raw crawls and, when full runs too, the full crawls alternating with them: run once, on
     * first use, after a warm-up of each.
     *
     * @return the crawls
     * @throws Exception if a crawl cannot run
     */
    AlternatingCrawls alternating() throws Exception {
        if (alternating == null) {
            alternating = AlternatingCrawls.run(environment, wanted.contains("full"));
        }
        return alternating;
    }

    /**
     * Makes sure the JVM has crawled the full archive's shape once before a scenario times a crawl:
     * true after raw and full, else one untimed crawl of the full archive (no rate limit) now.
     *
     * @throws Exception if the warm-up crawl cannot run
     */
    void ensureWarm() throws Exception {
        if (alternating != null) {
            return;
        }
        try (SimulatedArchive sim = SimulatedArchive.start(BenchArchives.full(environment.scale(), 1), b -> b)) {
            environment.warmUp(environment.mimecastConfig("bench-warmup", sim.server()), sim.archive(), sim.server());
        }
        alternating = new AlternatingCrawls(List.of(), List.of(), List.of(), null);
    }

    /** @return the timed raw crawls, once the raw scenario ran */
    List<CrawlOutcome> raw() {
        return requireNonNull(alternating, "the raw scenario has not run").raw();
    }

    /** @return the extraction reference's documents/s (median), once the extract scenario ran */
    double extractRate() {
        if (Double.isNaN(extractRate)) {
            throw new IllegalStateException("the extract scenario has not run");
        }
        return extractRate;
    }

    void keepExtractRate(double documentsPerSecond) {
        this.extractRate = documentsPerSecond;
    }

    /** @return the full crawl, if the full scenario ran */
    Optional<FullCrawl> fullIfRun() {
        return Optional.ofNullable(full);
    }

    /** @return the full crawl, once the full scenario ran */
    FullCrawl full() {
        return requireNonNull(full, "the full scenario has not run");
    }

    void keepFull(FullCrawl crawl) {
        this.full = requireNonNull(crawl, "crawl");
    }

    @Override
    public void close() {
        if (alternating != null && alternating.simulator() != null) {
            alternating.simulator().close();
        }
    }
}
