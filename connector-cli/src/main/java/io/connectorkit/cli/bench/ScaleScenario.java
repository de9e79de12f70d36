package io.connectorkit.cli.bench;

import io.connectorkit.cli.bench.archive.ArchiveTotals;
import io.connectorkit.cli.bench.archive.BenchArchives;
import io.connectorkit.cli.bench.archive.SimulatedArchive;
import io.connectorkit.cli.bench.measure.CrawlOutcome;
import io.connectorkit.cli.bench.measure.Figure;
import io.connectorkit.cli.bench.measure.ScenarioResult;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code scale}: the full crawl at 1x, 2x and 4x the messages per mailbox, each into a new index.
 * Time should grow linearly: the exponent of a least-squares fit of log(time) on log(messages) is
 * reported (1 = linear). The 1x point is the full scenario's crawl when it ran in the same run.
 */
final class ScaleScenario implements Scenario {
    static final int[] MULTIPLIERS = {1, 2, 4};
    static final double LINEAR_BOUND = 1.1;

    @Override
    public String name() {
        return "scale";
    }

    @Override
    public String description() {
        return "full at 1x, 2x, 4x the messages: time grows linearly (exponent reported)";
    }

    @Override
    public ScenarioResult run(BenchScenarios run) throws Exception {
        BenchEnvironment env = run.environment();
        List<Figure> figures = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        double[] x = new double[MULTIPLIERS.length];
        double[] y = new double[MULTIPLIERS.length];
        run.ensureWarm();
        notes.add("every point is a warmed crawl: after raw's and full's warm-ups, or an untimed full-shape crawl");
        for (int i = 0; i < MULTIPLIERS.length; i++) {
            int k = MULTIPLIERS[i];
            CrawlOutcome outcome;
            ArchiveTotals totals;
            if (k == 1 && run.fullIfRun().isPresent()) {
                outcome = run.full().outcome();
                totals = run.full().archive().totals();
                notes.add("1x is the full scenario's median crawl of this run");
            } else {
                try (SimulatedArchive sim = SimulatedArchive.start(BenchArchives.full(env.scale(), k), b -> b)) {
                    outcome = env.crawl(env.mimecastConfig("bench-scale-" + k + "x", sim.server()), sim.archive(),
                            sim.server());
                    totals = sim.totals();
                }
            }
            x[i] = Math.log(totals.messages());
            y[i] = Math.log(outcome.seconds());
            figures.add(Figure.reported(k + "x: " + String.format("%,d", totals.messages()) + " messages, wall time",
                    outcome.seconds(), "s"));
            figures.add(Figure.reported(k + "x: documents/s", outcome.documentsPerSecond(), "docs/s"));
            figures.add(Figure.noMoreThan(k + "x: documents lost", outcome.lost(totals), "docs", 0));
        }
        double exponent = slope(x, y);
        figures.add(new Figure("time exponent (1 = linear)", exponent, "", "<= " + LINEAR_BOUND, Double.NaN,
                exponent <= LINEAR_BOUND));
        return new ScenarioResult(name(), figures, notes);
    }

    /** Least-squares slope of y on x. */
    static double slope(double[] x, double[] y) {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += x[i] / x.length;
            my += y[i] / y.length;
        }
        double num = 0;
        double den = 0;
        for (int i = 0; i < x.length; i++) {
            num += (x[i] - mx) * (y[i] - my);
            den += (x[i] - mx) * (x[i] - mx);
        }
        return num / den;
    }
}
