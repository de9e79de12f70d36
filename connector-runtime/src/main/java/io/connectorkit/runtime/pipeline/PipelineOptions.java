package io.connectorkit.runtime.pipeline;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Tuning of the crawl pipeline that is not public configuration.
 *
 * @param partitionAttempts how many times a partition is crawled when it fails transiently
 * @param retryBackoff the wait before the first retry of a partition, doubled per retry
 * @param queueBytes how many bytes of documents may wait for the bulk writer
 * @param unchangedInMemory how many unchanged documents per partition a FULL crawl remembers for its
 *     sweep before it re-stamps further ones in the index (each id costs about 100-200 bytes, and
 *     the sweep sends them all in one query, below the index's 65,536-term limit)
 */
public record PipelineOptions(int partitionAttempts, Duration retryBackoff, long queueBytes, int unchangedInMemory) {
    /** The default of {@link #unchangedInMemory()}. */
    public static final int DEFAULT_UNCHANGED_IN_MEMORY = 20_000;

    /**
     * Options with the default {@link #unchangedInMemory()}.
     *
     * @param partitionAttempts how many times a partition is crawled when it fails transiently
     * @param retryBackoff the wait before the first retry of a partition, doubled per retry
     * @param queueBytes how many bytes of documents may wait for the bulk writer
     */
    public PipelineOptions(int partitionAttempts, Duration retryBackoff, long queueBytes) {
        this(partitionAttempts, retryBackoff, queueBytes, DEFAULT_UNCHANGED_IN_MEMORY);
    }

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException if a count is below one
     */
    public PipelineOptions {
        if (partitionAttempts < 1 || queueBytes < 1 || unchangedInMemory < 0) {
            throw new IllegalArgumentException("partitionAttempts and queueBytes must be positive,"
                    + " unchangedInMemory not negative");
        }
        requireNonNull(retryBackoff, "retryBackoff");
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
