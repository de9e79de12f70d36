package io.connectorkit.runtime.pipeline;

import java.time.Duration;

/**
 * Tuning of the crawl pipeline that is not public configuration.
 *
 * @param partitionAttempts how many times a partition is crawled when it fails transiently
 * @param retryBackoff the wait before the first retry of a partition, doubled per retry
 * @param queueBytes how many bytes of documents may wait for the bulk writer
 */
public record PipelineOptions(int partitionAttempts, Duration retryBackoff, long queueBytes) {
    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException if a count is below one
     */
    public PipelineOptions {
        if (partitionAttempts < 1 || queueBytes < 1) {
            throw new IllegalArgumentException("partitionAttempts and queueBytes must be positive");
        }
        java.util.Objects.requireNonNull(retryBackoff, "retryBackoff");
    }

    /**
     * The defaults: three attempts, one second apart at first, a queue of twice the bulk size.
     *
     * @param bulkMaxBytes {@code sink.bulk.max-bytes}
     * @return the options
     */
    public static PipelineOptions defaults(long bulkMaxBytes) {
        return new PipelineOptions(3, Duration.ofSeconds(1), Math.max(1 << 20, 2 * bulkMaxBytes));
    }
}
