package io.connectorkit.cli.bench;

import io.connectorkit.cli.bench.archive.ArchiveTotals;
import io.connectorkit.cli.bench.archive.BenchArchives;
import io.connectorkit.cli.bench.measure.CpuUse;
import io.connectorkit.cli.bench.measure.CrawlOutcome;
import io.connectorkit.cli.bench.measure.Figure;
import io.connectorkit.cli.bench.measure.ScenarioResult;
import io.connectorkit.simulator.archive.ArchiveGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * {@code raw}: the full archive's documents handed to the host directly, without Mimecast. The host
 * extracts the attachments' text and bulk-indexes as in a real crawl: the documents per second it
 * reaches is the reference the Mimecast crawl is compared with. After an untimed warm-up, its
 * timed runs alternate with full's (see {@link AlternatingCrawls}).
 */
final class RawScenario implements Scenario {
    @Override
    public String name() {
        return "raw";
    }

    @Override
    public String description() {
        return "the full archive's documents indexed directly, no Mimecast: our pipeline's reference";
    }

    @Override
    public ScenarioResult run(BenchScenarios run) throws Exception {
        BenchEnvironment env = run.environment();
        ArchiveTotals totals = ArchiveTotals.of(ArchiveGenerator.generate(BenchArchives.full(env.scale(), 1)));
        List<CrawlOutcome> runs = run.alternating().raw();
        CrawlOutcome last = runs.get(runs.size() - 1);
        List<Figure> figures = new ArrayList<>(List.of(
                Figure.reported("documents/s", each(runs, CrawlOutcome::documentsPerSecond), "docs/s"),
                Figure.reported("wall time", each(runs, CrawlOutcome::seconds), "s"),
                Figure.reported("documents per bulk request", each(runs, CrawlOutcome::documentsPerBulkRequest),
                        "docs"),
                Figure.reported("documents indexed", last.emails() + last.attachments(), "docs"),
                Figure.noMoreThan("documents lost", lost(runs, totals), "docs", 0),
                Figure.reported("item failures", last.report().itemFailures(), "items")));
        figures.addAll(cpuFigures(runs));
        return new ScenarioResult(name(), figures,
                List.of(String.format("%,d messages and %,d attachments (%,d MB) from %d mailboxes; the same pipeline,"
                        + " text extraction and bulk indexing as a crawl, without the Mimecast API", totals.messages(),
                        totals.attachments(), totals.attachmentBytes() >> 20, BenchArchives.mailboxes()),
                        "median of " + runs.size() + " timed runs after an untimed warm-up, alternating with full's;"
                                + " documents lost is summed over the runs"));
    }

    /**
     * Where the process's CPU went in each run: its use of the machine, then each thread group's
     * share, the same groups for every crawl scenario (a group the crawl has not, such as the
     * simulator in raw, shows 0).
     */
    static List<Figure> cpuFigures(List<CrawlOutcome> runs) {
        List<Figure> figures = new ArrayList<>();
        figures.add(Figure.reported("CPU use: process CPU / (wall x processors)", each(runs, o -> o.cpu().utilisation()),
                "of the machine"));
        for (String group : CpuUse.GROUP_NAMES) {
            figures.add(Figure.reported("CPU share: " + group, each(runs, o -> 100 * o.cpu().share(group)), "%"));
        }
        return figures;
    }

    /** One value per run, in run order. */
    static List<Double> each(List<CrawlOutcome> runs, ToDoubleFunction<CrawlOutcome> value) {
        return runs.stream().map(value::applyAsDouble).toList();
    }

    /** Documents lost, summed over every run. */
    static long lost(List<CrawlOutcome> runs, ArchiveTotals totals) {
        return runs.stream().mapToLong(o -> Math.abs(o.lost(totals))).sum();
    }
}
