package io.connectorkit.cli.bench;

import io.connectorkit.cli.bench.archive.ArchiveTotals;
import io.connectorkit.cli.bench.archive.BenchArchives;
import io.connectorkit.cli.bench.archive.SimulatedArchive;
import io.connectorkit.cli.bench.measure.CrawlOutcome;
import io.connectorkit.cli.bench.measure.Figure;
import io.connectorkit.cli.bench.measure.ScenarioResult;
import io.connectorkit.cli.bench.measure.SimulatorProbe;
import io.connectorkit.simulator.mimecast.Endpoint;
import java.util.List;
import java.util.Map;

/**
 * {@code full}: the first crawl of the full archive through the simulator, attachments extracted,
 * compared with the raw crawl of the same documents. Afterwards the simulator's own serving rate
 * is measured, to show whether it could have been the bottleneck. The simulator and the index stay
 * for the scenarios that crawl again.
 */
final class FullScenario implements Scenario {
    @Override
    public String name() {
        return "full";
    }

    @Override
    public String description() {
        return "first crawl of 20 mailboxes x 1,000 messages, attachments extracted: >= 0.5 x raw documents/s";
    }

    @Override
    public ScenarioResult run(BenchScenarios run) throws Exception {
        BenchEnvironment env = run.environment();
        SimulatedArchive sim = SimulatedArchive.start(BenchArchives.full(env.scale(), 1), b -> b);
        Map<String, String> config = env.mimecastConfig("bench-full", sim.server());
        CrawlOutcome outcome;
        try {
            outcome = env.crawl(config, sim.archive(), sim.server());
        } catch (Exception | Error e) {
            sim.close();
            throw e;
        }
        run.keepFull(new BenchScenarios.FullCrawl(sim, outcome, config));
        CrawlOutcome raw = run.raw();
        ArchiveTotals totals = sim.totals();
        double fileRate = outcome.calls().calls(Endpoint.GET_FILE) / outcome.seconds();
        double served = SimulatorProbe.pairsPerSecond(sim, SimulatorProbe.THREADS, probeSeconds(env.scale()));
        return new ScenarioResult(name(), List.of(
                Figure.atLeast("documents/s", outcome.documentsPerSecond(), "docs/s", raw.documentsPerSecond(), 0.5,
                        "raw"),
                Figure.reported("messages/s", totals.messages() / outcome.seconds(), "msgs/s"),
                Figure.reported("wall time", outcome.seconds(), "s"),
                Figure.reported("documents per bulk request", outcome.documentsPerBulkRequest(), "docs"),
                Figure.noMoreThan("documents lost", outcome.lost(totals), "docs", 0),
                Figure.reported("item failures", outcome.report().itemFailures(), "items"),
                Figure.reported("MB downloaded", outcome.metric("bytes_downloaded") / 1e6, "MB"),
                Figure.reported("simulator get-file+download pairs/s (" + SimulatorProbe.THREADS + " clients)", served,
                        "pairs/s"),
                new Figure("crawl get-file calls/s vs simulator", fileRate, "calls/s", "", fileRate / served, null)),
                List.of(String.format("%,d messages, %,d attachments (%,d MB); crawl.parallel.partitions=4 (default),"
                        + " content mode eml; the simulator's serving rate is measured after the crawl, alone",
                        totals.messages(), totals.attachments(), totals.attachmentBytes() >> 20)));
    }

    static double probeSeconds(double scale) {
        return Math.max(1, Math.min(10, 10 * scale));
    }
}
