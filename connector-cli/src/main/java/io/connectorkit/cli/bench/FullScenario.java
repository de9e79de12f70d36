package io.connectorkit.cli.bench;

import static io.connectorkit.cli.bench.RawScenario.each;

import io.connectorkit.cli.bench.archive.ArchiveTotals;
import io.connectorkit.cli.bench.archive.SimulatedArchive;
import io.connectorkit.cli.bench.measure.CpuUse;
import io.connectorkit.cli.bench.measure.CrawlOutcome;
import io.connectorkit.cli.bench.measure.Figure;
import io.connectorkit.cli.bench.measure.ScenarioResult;
import io.connectorkit.cli.bench.measure.SimulatorProbe;
import io.connectorkit.simulator.mimecast.Endpoint;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code full}: the first crawl of the full archive through the simulator, attachments extracted,
 * compared with the raw crawl of the same documents. After an untimed warm-up, its timed runs
 * alternate with raw's, each into a new index, and the ratio is the median of each full run's
 * ratio to the raw run before it. Afterwards the simulator's own serving rate is measured, to show
 * whether it could have been the bottleneck. The simulator and the median run's index stay for
 * the scenarios that crawl again.
 */
final class FullScenario implements Scenario {
    static final double SHARE_OF_RAW = 0.9;

    @Override
    public String name() {
        return "full";
    }

    @Override
    public String description() {
        return "first crawl of 20 mailboxes x 1,000 messages, attachments extracted: >= " + SHARE_OF_RAW
                + " x raw documents/s";
    }

    @Override
    public ScenarioResult run(BenchScenarios run) throws Exception {
        BenchEnvironment env = run.environment();
        AlternatingCrawls crawls = run.alternating();
        List<CrawlOutcome> runs = crawls.full();
        SimulatedArchive sim = crawls.simulator();
        int median = crawls.medianFull();
        CrawlOutcome outcome = runs.get(median);
        run.keepFull(new BenchScenarios.FullCrawl(sim, outcome, crawls.fullConfigs().get(median)));
        ArchiveTotals totals = sim.totals();
        double fileRate = outcome.calls().calls(Endpoint.GET_FILE) / outcome.seconds();
        double served = SimulatorProbe.pairsPerSecond(sim, SimulatorProbe.THREADS, probeSeconds(env.scale()));
        List<Figure> figures = new ArrayList<>(List.of(
                Figure.atLeastPaired("documents/s", each(runs, CrawlOutcome::documentsPerSecond), "docs/s",
                        each(run.raw(), CrawlOutcome::documentsPerSecond), SHARE_OF_RAW, "raw"),
                Figure.reported("messages/s", each(runs, o -> totals.messages() / o.seconds()), "msgs/s"),
                Figure.reported("wall time", each(runs, CrawlOutcome::seconds), "s"),
                Figure.reported("documents per bulk request", each(runs, CrawlOutcome::documentsPerBulkRequest),
                        "docs"),
                Figure.noMoreThan("documents lost", RawScenario.lost(runs, totals), "docs", 0),
                Figure.reported("item failures", outcome.report().itemFailures(), "items"),
                Figure.reported("MB downloaded", outcome.metric("bytes_downloaded") / 1e6, "MB"),
                Figure.reported("simulator get-file+download pairs/s (" + SimulatorProbe.THREADS + " clients)", served,
                        "pairs/s"),
                new Figure("crawl get-file calls/s vs simulator", fileRate, "calls/s", "", fileRate / served, null),
                Figure.reported("raw's CPU s / full's CPU s (full / raw if CPU-bound)",
                        cpuRatios(run.raw(), runs, false), ""),
                Figure.reported("the same without the simulator's CPU", cpuRatios(run.raw(), runs, true), "")));
        figures.addAll(RawScenario.cpuFigures(runs));
        return new ScenarioResult(name(), figures,
                List.of(String.format("%,d messages, %,d attachments (%,d MB); crawl.parallel.partitions=4 (default),"
                        + " content mode eml; the simulator's serving rate is measured after the crawl, alone",
                        totals.messages(), totals.attachments(), totals.attachmentBytes() >> 20),
                        "median of " + runs.size() + " timed runs after an untimed warm-up, alternating with raw's;"
                                + " the ratio is the median of each run's ratio to the raw run before it"));
    }

    /**
     * Each raw run's process CPU time over the full run's after it: what full / raw would be if
     * both were CPU-bound on the same cores, the rest of a missed target being waiting.
     * {@code withoutSimulator} takes the simulator's own threads out of full's time, as if the
     * service ran on its own machines, as Mimecast does. 0 where the JVM measured nothing.
     */
    static List<Double> cpuRatios(List<CrawlOutcome> raw, List<CrawlOutcome> full, boolean withoutSimulator) {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < Math.min(raw.size(), full.size()); i++) {
            CpuUse r = raw.get(i).cpu();
            CpuUse f = full.get(i).cpu();
            double simulator = withoutSimulator ? f.groupSeconds().getOrDefault(CpuUse.SIMULATOR, 0.0) : 0;
            double fullSeconds = f.processSeconds() - simulator;
            ratios.add(r.known() && f.known() && fullSeconds > 0 ? r.processSeconds() / fullSeconds : 0);
        }
        return ratios;
    }

    static double probeSeconds(double scale) {
        return Math.max(1, Math.min(10, 10 * scale));
    }
}
