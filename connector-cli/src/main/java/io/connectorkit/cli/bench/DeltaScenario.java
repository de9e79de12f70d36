package io.connectorkit.cli.bench;

import java.util.List;

/**
 * {@code delta}: a second, incremental crawl of the full archive, nothing changed. It must
 * download nothing and take a small fraction of the first crawl's time.
 */
final class DeltaScenario implements Scenario {
    @Override
    public String name() {
        return "delta";
    }

    @Override
    public String description() {
        return "second crawl, nothing changed: no content downloads; wall time <= 0.05 x full";
    }

    @Override
    public ScenarioResult run(BenchRun run) throws Exception {
        BenchRun.FullCrawl full = run.full();
        SimulatedArchive sim = full.archive();
        CrawlOutcome outcome = run.environment().crawl(full.config(), sim.archive(), sim.server());
        return RecrawlScenario.result(name(), outcome, full, 0.05);
    }
}
