package io.connectorkit.cli.bench;

import io.connectorkit.cli.bench.archive.ArchiveTotals;
import io.connectorkit.cli.bench.archive.BenchArchives;
import io.connectorkit.cli.bench.measure.CrawlOutcome;
import io.connectorkit.cli.bench.measure.Figure;
import io.connectorkit.cli.bench.measure.ScenarioResult;
import io.connectorkit.simulator.archive.Archive;
import io.connectorkit.simulator.archive.ArchiveGenerator;
import java.util.List;

/**
 * {@code raw}: the full archive's documents handed to the host directly, without Mimecast. The host
 * extracts the attachments' text and bulk-indexes as in a real crawl: the documents per second it
 * reaches is the limit the Mimecast crawl is compared with.
 */
final class RawScenario implements Scenario {
    @Override
    public String name() {
        return "raw";
    }

    @Override
    public String description() {
        return "the full archive's documents indexed directly, no Mimecast: the sink's limit (reference)";
    }

    @Override
    public ScenarioResult run(BenchScenarios run) throws Exception {
        BenchEnvironment env = run.environment();
        Archive archive = ArchiveGenerator.generate(BenchArchives.full(env.scale(), 1));
        ArchiveTotals totals = ArchiveTotals.of(archive);
        CrawlOutcome outcome = env.crawl(env.rawConfig("bench-raw"), archive, null);
        run.keepRaw(outcome);
        return new ScenarioResult(name(), List.of(
                Figure.reported("documents/s", outcome.documentsPerSecond(), "docs/s"),
                Figure.reported("wall time", outcome.seconds(), "s"),
                Figure.reported("documents per bulk request", outcome.documentsPerBulkRequest(), "docs"),
                Figure.reported("documents indexed", outcome.emails() + outcome.attachments(), "docs"),
                Figure.noMoreThan("documents lost", outcome.lost(totals), "docs", 0),
                Figure.reported("item failures", outcome.report().itemFailures(), "items")),
                List.of(String.format("%,d messages and %,d attachments (%,d MB) from %d mailboxes; the same pipeline,"
                        + " text extraction and bulk indexing as a crawl, without the Mimecast API", totals.messages(),
                        totals.attachments(), totals.attachmentBytes() >> 20, archive.mailboxes().size())));
    }
}
