package io.connectorkit.cli.bench;

import io.connectorkit.cli.bench.archive.SimulatedArchive;
import io.connectorkit.cli.bench.measure.CallCounts;
import io.connectorkit.cli.bench.measure.CrawlOutcome;
import io.connectorkit.cli.bench.measure.Figure;
import io.connectorkit.cli.bench.measure.ScenarioResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        CrawlOutcome outcome = run.environment().crawl(config, sim.archive(), sim.server());
        return result(name(), outcome, full, 0.2);
    }

    /** The figures of a crawl again over the full crawl's index. */
    static ScenarioResult result(String name, CrawlOutcome outcome, BenchScenarios.FullCrawl full, double share) {
        CallCounts calls = outcome.calls();
        return new ScenarioResult(name, List.of(
                Figure.noMoreThan("content downloads", calls.contentCalls(), "reqs", 0),
                Figure.atMost("wall time", outcome.seconds(), "s", full.outcome().seconds(), share, "full"),
                Figure.reported("API calls", calls.apiCalls(), "calls"),
                Figure.reported("documents sent again", outcome.report().documentsUpserted(), "docs"),
                Figure.reported("messages skipped as unchanged", outcome.metric("messages_unchanged"), "msgs"),
                Figure.reported("index requests re-stamping unchanged documents", outcome.metric("keep_requests"),
                        "reqs"),
                Figure.noMoreThan("documents lost", outcome.lost(full.archive().totals()), "docs", 0)),
                List.of("content downloads = get-file, get-message-part and download requests during this crawl"));
    }
}
