package io.connectorkit.cli.bench;

import io.connectorkit.cli.bench.measure.BulkLoad;
import io.connectorkit.cli.bench.measure.CrawlOutcome;
import io.connectorkit.cli.bench.measure.Figure;
import io.connectorkit.cli.bench.measure.ScenarioResult;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code index}: the final documents of raw's last crawl (their JSON as the index holds it,
 * extracted text included) sent again through {@code _bulk} alone into new indices of the same
 * mapping, at each batch size and concurrency of a small sweep; the best is run again to a median.
 * With extract's rate it gives the limit this machine allows, {@code 1 / (1/extract + 1/index)}
 * documents/s (the two share the same cores), which raw is compared with.
 */
final class IndexScenario implements Scenario {
    static final int[] BATCHES = {250, 1000};
    static final int[] CONCURRENCIES = {1, 2, 4};
    static final double RAW_SHARE_OF_LIMIT = 0.8;

    @Override
    public String name() {
        return "index";
    }

    @Override
    public String description() {
        return "raw's final documents through _bulk alone, best of batch {250, 1000} x concurrency {1, 2, 4}"
                + " (reference); limit = 1 / (1/extract + 1/index): raw >= " + RAW_SHARE_OF_LIMIT + " x limit";
    }

    @Override
    public ScenarioResult run(BenchScenarios run) throws Exception {
        BenchEnvironment env = run.environment();
        List<CrawlOutcome> raws = run.raw();
        BulkLoad bulk = new BulkLoad(env.indexUrl(), env.authorization(), raws.get(raws.size() - 1).index());
        int docs = bulk.documents();
        List<Figure> figures = new ArrayList<>();
        env.say("  warm-up (not timed): _bulk of " + docs + " documents");
        bulk.load("connector-bench-index-warmup", 1000, 2);
        long lost = 0;
        long failed = 0;
        double bestRate = -1;
        int bestBatch = 0;
        int bestConcurrency = 0;
        for (int batch : BATCHES) {
            for (int concurrency : CONCURRENCIES) {
                BulkLoad.Load l = bulk.load("connector-bench-index-" + batch + "x" + concurrency, batch, concurrency);
                lost += Math.abs(docs - l.documents());
                failed += l.failed();
                double rate = docs / l.seconds();
                env.say(String.format("  _bulk batch %d, concurrency %d: %,.0f docs/s", batch, concurrency, rate));
                figures.add(Figure.reported("sweep: batch " + batch + ", concurrency " + concurrency, rate, "docs/s"));
                if (rate > bestRate) {
                    bestRate = rate;
                    bestBatch = batch;
                    bestConcurrency = concurrency;
                }
            }
        }
        List<Double> rates = new ArrayList<>();
        rates.add(bestRate);
        for (int i = 2; i <= env.repeat(); i++) {
            BulkLoad.Load l = bulk.load("connector-bench-index-best-" + i, bestBatch, bestConcurrency);
            lost += Math.abs(docs - l.documents());
            failed += l.failed();
            rates.add(docs / l.seconds());
        }
        double index = Figure.median(rates);
        double extract = run.extractRate();
        double limit = 1 / (1 / extract + 1 / index);
        List<Double> rawRates = RawScenario.each(raws, CrawlOutcome::documentsPerSecond);
        List<Figure> out = new ArrayList<>();
        out.add(Figure.reported("documents/s (best of the sweep)", rates, "docs/s"));
        out.add(Figure.reported("best batch size", bestBatch, "docs"));
        out.add(Figure.reported("best concurrency", bestConcurrency, "requests"));
        out.addAll(figures);
        out.add(Figure.reported("limit = 1 / (1/extract + 1/index)", limit, "docs/s"));
        out.add(Figure.atLeast("raw / limit", Figure.median(rawRates), "docs/s", limit, RAW_SHARE_OF_LIMIT, "limit")
                .withRuns(rawRates));
        out.add(Figure.noMoreThan("documents lost", lost, "docs", 0));
        out.add(Figure.noMoreThan("items refused", failed, "items", 0));
        return new ScenarioResult(name(), out, List.of(
                String.format("%,d documents read back from raw's index; the bodies are built before the clock"
                        + " starts, each load goes to a new index of the same mapping, deleted afterwards", docs),
                "the best setting is the sweep's fastest; its documents/s is the median of " + env.repeat()
                        + " loads (the sweep's included); raw / limit's value is raw's median documents/s"));
    }
}
