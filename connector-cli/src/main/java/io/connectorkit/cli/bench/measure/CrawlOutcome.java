package io.connectorkit.cli.bench.measure;

import static java.util.Objects.requireNonNull;

import io.connectorkit.cli.bench.archive.ArchiveTotals;
import io.connectorkit.runtime.CrawlReport;
import java.time.Duration;

/**
 * One timed crawl: its wall time, the host's report, the simulator calls it made (empty counts
 * for a source without simulator) and what the index holds afterwards.
 *
 * @param wall wall time of the crawl call alone (host and index already open)
 * @param report the host's report
 * @param calls the simulator calls made during the crawl
 * @param emails email documents in the index afterwards
 * @param attachments attachment documents in the index afterwards
 * @param index the index the crawl wrote to
 * @param cpu where this process's CPU time went during the crawl
 */
public record CrawlOutcome(Duration wall, CrawlReport report, CallCounts calls, long emails, long attachments,
        String index, CpuUse cpu) {
    public CrawlOutcome {
        requireNonNull(cpu, "cpu");
        requireNonNull(index, "index");
        requireNonNull(wall, "wall");
        requireNonNull(report, "report");
        requireNonNull(calls, "calls");
    }

    public double seconds() {
        return wall.toNanos() / 1e9;
    }

    /** Documents the index acknowledged per second of the crawl. */
    public double documentsPerSecond() {
        return report.documentsUpserted() / Math.max(1e-9, seconds());
    }

    /** Documents the archive has that the index does not (negative: more than expected). */
    public long lost(ArchiveTotals expected) {
        return expected.documents() - (emails + attachments);
    }

    /** Documents per {@code _bulk} request the host sent (0 when it sent none). */
    public double documentsPerBulkRequest() {
        long requests = metric("bulk_requests");
        return requests == 0 ? 0 : (double) report.documentsUpserted() / requests;
    }

    /** The connector's counter, 0 when it never counted it. */
    public long metric(String name) {
        return report.metrics().getOrDefault(name, 0L);
    }
}
