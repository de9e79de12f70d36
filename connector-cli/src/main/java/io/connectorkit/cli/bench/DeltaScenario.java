package io.connectorkit.cli.bench;

import io.connectorkit.cli.bench.archive.SimulatedArchive;
import io.connectorkit.cli.bench.measure.CrawlOutcome;
import io.connectorkit.cli.bench.measure.Figure;
import io.connectorkit.cli.bench.measure.ScenarioResult;
import io.connectorkit.simulator.mimecast.Endpoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code delta}: a second, incremental crawl of the full archive, nothing changed. It must
 * download nothing and take a small fraction of the first crawl's time. It lists each view
 * again for late arrivals ({@code mimecast.messages.late-arrival-days}, default 14) besides the
 * delta window; a third crawl with the window off gives the list calls it costs.
 */
final class DeltaScenario implements Scenario {
    @Override
    public String name() {
        return "delta";
    }

    @Override
    public String description() {
        return "second crawl, nothing changed, late-arrival window listed again: no content downloads;"
                + " wall time <= 0.05 x full; list calls per mailbox with and without the window";
    }

    @Override
    public ScenarioResult run(BenchScenarios run) throws Exception {
        BenchScenarios.FullCrawl full = run.full();
        SimulatedArchive sim = full.archive();
        List<CrawlOutcome> with = RecrawlScenario.repeated(run.environment(), full.config(), sim);
        CrawlOutcome outcome = with.get(with.size() - 1);
        Map<String, String> off = new LinkedHashMap<>(full.config());
        off.put("mimecast.messages.late-arrival-days", "0");
        List<CrawlOutcome> withoutRuns = new ArrayList<>();
        for (int i = 0; i < run.environment().repeat(); i++) {
            withoutRuns.add(run.environment().crawl(off, sim.archive(), sim.server()));
        }
        CrawlOutcome without = withoutRuns.get(withoutRuns.size() - 1);
        ScenarioResult base = RecrawlScenario.result(name(), with, full, 0.05);
        List<Figure> figures = new ArrayList<>(base.figures());
        figures.add(Figure.reported("list calls per mailbox, late-arrival window (14 days)",
                listCallsPerMailbox(outcome), "calls"));
        figures.add(Figure.reported("list calls per mailbox, window off", listCallsPerMailbox(without), "calls"));
        figures.add(Figure.reported("wall time, window off", RawScenario.each(withoutRuns, CrawlOutcome::seconds),
                "s"));
        figures.add(Figure.noMoreThan("late arrivals found", outcome.metric("late_arrivals"), "msgs", 0));
        figures.add(Figure.noMoreThan("content downloads, window off",
                withoutRuns.stream().mapToLong(o -> o.calls().contentCalls()).sum(), "reqs", 0));
        List<String> notes = new ArrayList<>(base.notes());
        notes.add("list calls per mailbox = get-message-list requests / mailboxes in scope; the window's part is"
                + " listed " + 500 + " messages a page, the delta window mimecast.page-size (100) a page");
        return new ScenarioResult(name(), figures, notes);
    }

    private static double listCallsPerMailbox(CrawlOutcome outcome) {
        long mailboxes = Math.max(1, outcome.report().partitionsTotal());
        return (double) outcome.calls().calls(Endpoint.GET_MESSAGE_LIST) / mailboxes;
    }
}
