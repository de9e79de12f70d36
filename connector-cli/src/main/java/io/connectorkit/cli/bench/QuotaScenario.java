package io.connectorkit.cli.bench;

import io.connectorkit.cli.bench.archive.BenchArchives;
import io.connectorkit.cli.bench.archive.SimulatedArchive;
import io.connectorkit.cli.bench.measure.CallCounts;
import io.connectorkit.cli.bench.measure.CrawlOutcome;
import io.connectorkit.cli.bench.measure.Figure;
import io.connectorkit.cli.bench.measure.ScenarioResult;
import java.time.Duration;
import java.util.List;

/**
 * {@code quota}: the full archive again, with the simulator advertising an API quota of 500 calls
 * per 10-second window in {@code X-RateLimit-Limit/Remaining/Reset} (429 once spent), as Mimecast
 * counts its quota per API application. The crawl must use the quota (every window but the last,
 * still open, one) and never be answered 429.
 */
final class QuotaScenario implements Scenario {
    static final long CALLS = 500;
    static final Duration WINDOW = Duration.ofSeconds(10);

    @Override
    public String name() {
        return "quota";
    }

    @Override
    public String description() {
        return "full archive, simulator advertising a quota of 500 calls per 10 s: >= 0.95 of the quota used in each"
                + " closed window, no 429, nothing lost";
    }

    @Override
    public ScenarioResult run(BenchScenarios run) throws Exception {
        BenchEnvironment env = run.environment();
        run.ensureWarm();
        try (SimulatedArchive sim = SimulatedArchive.start(BenchArchives.full(env.scale(), 1),
                b -> b.quota(CALLS, WINDOW))) {
            CrawlOutcome outcome = env.crawl(env.mimecastConfig("bench-quota", sim.server()), sim.archive(),
                    sim.server());
            CallCounts calls = outcome.calls();
            List<Long> windows = sim.server().quotaWindows();
            List<Long> closed = windows.isEmpty() ? List.of() : windows.subList(0, windows.size() - 1);
            double used = closed.isEmpty() ? Double.NaN
                    : closed.stream().mapToLong(Long::longValue).sum() / (double) (CALLS * closed.size());
            double lowest = closed.stream().mapToLong(Long::longValue).min().orElse(0) / (double) CALLS;
            double sustained = (calls.apiCalls() - calls.apiThrottled()) / outcome.seconds();
            return new ScenarioResult(name(), List.of(
                    Figure.atLeast("share of the quota used (closed windows)", used, "", 1.0, 0.95, "the quota"),
                    Figure.noMoreThan("429 answers", calls.apiThrottled(), "calls", 0),
                    Figure.reported("lowest window's share of the quota", lowest, ""),
                    Figure.reported("quota windows (closed + open)", windows.size(), "windows"),
                    Figure.reported("API calls", calls.apiCalls(), "calls"),
                    Figure.reported("sustained call rate", sustained, "calls/s"),
                    Figure.reported("time waiting on rate limits", outcome.metric("rate_limit_wait_ms") / 1000.0, "s"),
                    Figure.reported("wall time", outcome.seconds(), "s"),
                    Figure.noMoreThan("documents lost", outcome.lost(sim.totals()), "docs", 0),
                    Figure.reported("partitions failed", outcome.report().partitionsFailed(), "mailboxes")),
                    List.of("the quota only binds when the unlimited crawl (full) makes more than 50 calls/s",
                            "share used = calls answered within the quota in the windows that closed / (500 x their"
                                    + " number); the last window is still open when the crawl ends"));
        }
    }
}
