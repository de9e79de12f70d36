package io.connectorkit.cli.bench;

import io.connectorkit.cli.bench.archive.BenchArchives;
import io.connectorkit.cli.bench.archive.SimulatedArchive;
import io.connectorkit.cli.bench.measure.CallCounts;
import io.connectorkit.cli.bench.measure.CrawlOutcome;
import io.connectorkit.cli.bench.measure.Figure;
import io.connectorkit.cli.bench.measure.ScenarioResult;
import java.util.List;

/**
 * {@code throttled}: the full archive again, with the simulator limiting each credential to 50
 * calls per second (429 with the wait in {@code X-RateLimit-Reset} beyond it). The crawl must
 * keep close to the limit without provoking many 429s, and lose nothing.
 */
final class ThrottledScenario implements Scenario {
    static final double CALLS_PER_SECOND = 50;

    @Override
    public String name() {
        return "throttled";
    }

    @Override
    public String description() {
        return "full archive, simulator limited to 50 calls/s, not advertised: rate >= 0.95 x 50/s, 429s <= 1% of calls,"
                + " nothing lost";
    }

    @Override
    public ScenarioResult run(BenchScenarios run) throws Exception {
        BenchEnvironment env = run.environment();
        run.ensureWarm();
        try (SimulatedArchive sim = SimulatedArchive.start(BenchArchives.full(env.scale(), 1),
                b -> b.callsPerSecond(CALLS_PER_SECOND))) {
            CrawlOutcome outcome = env.crawl(env.mimecastConfig("bench-throttled", sim.server()), sim.archive(),
                    sim.server());
            CallCounts calls = outcome.calls();
            long api = calls.apiCalls();
            long throttled = calls.apiThrottled();
            double sustained = (api - throttled) / outcome.seconds();
            return new ScenarioResult(name(), List.of(
                    Figure.atLeast("sustained call rate", sustained, "calls/s", CALLS_PER_SECOND, 0.95, "50/s limit"),
                    Figure.noMoreThan("429 share of API calls", api == 0 ? 0 : throttled / (double) api, "", 0.01),
                    Figure.reported("API calls", api, "calls"),
                    Figure.reported("429 answers", throttled, "calls"),
                    Figure.reported("time waiting on rate limits", outcome.metric("rate_limit_wait_ms") / 1000.0, "s"),
                    Figure.reported("wall time", outcome.seconds(), "s"),
                    Figure.noMoreThan("documents lost", outcome.lost(sim.totals()), "docs", 0),
                    Figure.reported("partitions failed", outcome.report().partitionsFailed(), "mailboxes"),
                    Figure.reported("full crawl's API call rate, no limit", run.fullIfRun()
                            .map(f -> f.outcome().calls().apiCalls() / f.outcome().seconds()).orElse(Double.NaN),
                            "calls/s")),
                    List.of("the limit only binds when the unlimited crawl (full) makes more than 50 calls/s",
                            "sustained rate = API calls answered (not 429) / wall time of the crawl, start-up included"));
        }
    }
}
