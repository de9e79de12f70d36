package io.connectorkit.runtime;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Map;

/**
 * A snapshot of a running crawl, for progress lines.
 *
 * @param partitionsDone partitions finished (crawled or failed)
 * @param partitionsTotal partitions listed
 * @param documents documents acknowledged by the index
 * @param bytes bytes of documents sent to the index
 * @param failures items recorded as failed
 * @param elapsed time since the run started
 * @param metrics the connector's counters
 */
public record CrawlProgress(int partitionsDone, int partitionsTotal, long documents, long bytes, long failures,
        Duration elapsed, Map<String, Long> metrics) {
    /**
     * Copies the metrics.
     *
     * @throws NullPointerException if {@code elapsed} or {@code metrics} is {@code null}
     */
    public CrawlProgress {
        requireNonNull(elapsed, "elapsed");
        metrics = Map.copyOf(requireNonNull(metrics, "metrics"));
    }
}
