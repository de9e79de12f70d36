package io.connectorkit.cli.bench;

import io.connectorkit.cli.bench.archive.ArchiveTotals;
import io.connectorkit.cli.bench.archive.BenchArchives;
import io.connectorkit.cli.bench.archive.SimulatedArchive;
import io.connectorkit.cli.bench.measure.CallCounts;
import io.connectorkit.cli.bench.measure.CrawlOutcome;
import io.connectorkit.cli.bench.measure.Figure;
import io.connectorkit.cli.bench.measure.ScenarioResult;
import io.connectorkit.simulator.mimecast.Endpoint;
import java.util.List;
import java.util.Map;

/**
 * {@code calls}: Mimecast API calls per message in the full crawl (eml mode, list pages amortised),
 * and the same count for a crawl in parts mode, reported. Calls are counted by the simulator:
 * every {@code /api/...} request, the ones Mimecast's quota counts; token requests and the
 * pre-signed downloads are reported apart.
 */
final class CallsScenario implements Scenario {
    @Override
    public String name() {
        return "calls";
    }

    @Override
    public String description() {
        return "API calls per message in full: <= 1.02 in eml mode; parts mode reported";
    }

    @Override
    public ScenarioResult run(BenchScenarios run) throws Exception {
        BenchEnvironment env = run.environment();
        BenchScenarios.FullCrawl full = run.full();
        CallCounts eml = full.outcome().calls();
        double messages = full.archive().totals().messages();
        CrawlOutcome parts;
        ArchiveTotals partsTotals;
        try (SimulatedArchive sim = SimulatedArchive.start(BenchArchives.parts(env.scale()), b -> b)) {
            Map<String, String> warm = env.mimecastConfig("bench-parts-warmup", sim.server());
            warm.put("mimecast.content.mode", "parts");
            env.warmUp(warm, sim.archive(), sim.server());
            Map<String, String> config = env.mimecastConfig("bench-parts", sim.server());
            config.put("mimecast.content.mode", "parts");
            parts = env.crawl(config, sim.archive(), sim.server());
            partsTotals = sim.totals();
        }
        CallCounts p = parts.calls();
        return new ScenarioResult(name(), List.of(
                Figure.noMoreThan("API calls per message (eml)", eml.apiCalls() / messages, "calls/msg", 1.02),
                Figure.reported("  get-message-list per message", eml.calls(Endpoint.GET_MESSAGE_LIST) / messages,
                        "calls/msg"),
                Figure.reported("  get-file per message", eml.calls(Endpoint.GET_FILE) / messages, "calls/msg"),
                Figure.reported("  downloads per message (not API calls)", eml.calls(Endpoint.DOWNLOAD) / messages,
                        "reqs/msg"),
                Figure.reported("  token requests", eml.calls(Endpoint.TOKEN), "reqs"),
                Figure.reported("API calls per message (parts)", p.apiCalls() / (double) partsTotals.messages(),
                        "calls/msg"),
                Figure.reported("  downloads per message (parts)", p.calls(Endpoint.DOWNLOAD)
                        / (double) partsTotals.messages(), "reqs/msg"),
                Figure.noMoreThan("documents lost (parts)", parts.lost(partsTotals), "docs", 0)),
                List.of(String.format("eml counted on the full crawl (%,d messages); parts mode on one domain of the"
                        + " same shape (%,d messages: calls per message do not depend on the number of mailboxes)",
                        (long) messages, partsTotals.messages())));
    }
}
