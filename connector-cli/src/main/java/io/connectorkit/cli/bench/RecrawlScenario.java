package io.connectorkit.cli.bench;

import io.connectorkit.cli.bench.archive.SimulatedArchive;
import io.connectorkit.cli.bench.measure.CallCounts;
import io.connectorkit.cli.bench.measure.CrawlOutcome;
import io.connectorkit.cli.bench.measure.Figure;
import io.connectorkit.cli.bench.measure.ScenarioResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * {@code recrawl}: a crawl of the unchanged full archive with
 * {@code mimecast.messages.ignore-delta-tokens=true}: everything is listed again, but the index
 * already holds every message at its version, so nothing may be downloaded.
 */
final class RecrawlScenario implements Scenario {
    @Override
    public String name() {
        return "recrawl";
    }

    @Override
    public String description() {
        return "ignore-delta-tokens crawl of the unchanged archive: no content downloads; wall time <= 0.2 x full";
    }

    @Override
    public ScenarioResult run(BenchScenarios run) throws Exception {
        BenchScenarios.FullCrawl full = run.full();
        SimulatedArchive sim = full.archive();
        Map<String, String> config = new LinkedHashMap<>(full.config());
        config.put("mimecast.messages.ignore-delta-tokens", "true");
        return result(name(), repeated(run.environment(), config, sim), full, 0.2);
    }

    /** An untimed warm-up crawl of this configuration, then the timed ones. */
    static List<CrawlOutcome> repeated(BenchEnvironment env, Map<String, String> config, SimulatedArchive sim)
            throws Exception {
        env.warmUp(config, sim.archive(), sim.server());
        List<CrawlOutcome> runs = new ArrayList<>();
        for (int i = 0; i < env.repeat(); i++) {
            runs.add(env.crawl(config, sim.archive(), sim.server()));
        }
        return runs;
    }

    /** The figures of a crawl again over the full crawl's index. */
    static ScenarioResult result(String name, List<CrawlOutcome> runs, BenchScenarios.FullCrawl full, double share) {
        CrawlOutcome last = runs.get(runs.size() - 1);
        CallCounts calls = last.calls();
        return new ScenarioResult(name, List.of(
                Figure.noMoreThan("content downloads", sum(runs, o -> o.calls().contentCalls()), "reqs", 0),
                Figure.atMost("wall time", RawScenario.each(runs, CrawlOutcome::seconds), "s",
                        full.outcome().seconds(), share, "full"),
                Figure.reported("API calls", calls.apiCalls(), "calls"),
                Figure.reported("documents sent again", sum(runs, o -> o.report().documentsUpserted()), "docs"),
                Figure.reported("messages skipped as unchanged", last.metric("messages_unchanged"), "msgs"),
                Figure.reported("index requests re-stamping unchanged documents",
                        sum(runs, o -> o.metric("keep_requests")), "reqs"),
                Figure.noMoreThan("documents lost", RawScenario.lost(runs, full.archive().totals()), "docs", 0)),
                List.of("content downloads = get-file, get-message-part and download requests during this crawl",
                        "wall time: median of " + runs.size() + " timed crawls after an untimed warm-up crawl of the"
                                + " same configuration, against full's median; counts are summed over the runs,"
                                + " API calls and messages skipped are the last run's"));
    }

    private static long sum(List<CrawlOutcome> runs, ToLongFunction<CrawlOutcome> value) {
        return runs.stream().mapToLong(value).sum();
    }
}
