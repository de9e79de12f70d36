package io.connectorkit.runtime.config;

import io.connectorkit.api.config.SourceConfig;

/**
 * How a crawl runs: parallelism and the safety rules for deleting partitions.
 *
 * @param parallelPartitions partitions crawled at once ({@code crawl.parallel.partitions})
 * @param parallelIndexQueries index queries at once ({@code crawl.parallel.index-queries})
 * @param parallelPartitionDeletions partitions deleted at once ({@code crawl.parallel.partition-deletions})
 * @param maxDeletionShare the largest share of known partitions one run may delete (that share
 *     itself may go, more may not)
 * @param deletionsDryRun report partition deletions and sweeps instead of making them
 * @param maxSweepShare the largest share of a partition's documents one FULL sweep may delete
 *     (that share itself may go, more may not)
 */
public record CrawlConfig(int parallelPartitions, int parallelIndexQueries, int parallelPartitionDeletions,
        double maxDeletionShare, boolean deletionsDryRun, double maxSweepShare) {
    static final String PARTITIONS = "crawl.parallel.partitions";
    static final String INDEX_QUERIES = "crawl.parallel.index-queries";
    static final String PARTITION_DELETIONS = "crawl.parallel.partition-deletions";
    static final String MAX_SHARE = "crawl.deletions.max-share";
    static final String DRY_RUN = "crawl.deletions.dry-run";
    static final String SWEEP_MAX_SHARE = "crawl.sweep.max-share";

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException if a count is below one or a share is outside 0..1
     */
    public CrawlConfig {
        if (parallelPartitions < 1 || parallelIndexQueries < 1 || parallelPartitionDeletions < 1) {
            throw new IllegalArgumentException("Parallelism must be at least 1");
        }
        if (maxDeletionShare < 0 || maxDeletionShare > 1) {
            throw new IllegalArgumentException("crawl.deletions.max-share must be from 0 to 1, not " + maxDeletionShare);
        }
        if (maxSweepShare < 0 || maxSweepShare > 1) {
            throw new IllegalArgumentException("crawl.sweep.max-share must be from 0 to 1, not " + maxSweepShare);
        }
    }

    /** @return the partition-deletion breaker ({@code crawl.deletions.max-share}) */
    public ShareLimit deletionLimit() {
        return new ShareLimit(MAX_SHARE, maxDeletionShare);
    }

    /** @return the sweep breaker ({@code crawl.sweep.max-share}) */
    public ShareLimit sweepLimit() {
        return new ShareLimit(SWEEP_MAX_SHARE, maxSweepShare);
    }

    /**
     * Reads the crawl keys.
     *
     * @param config a validated configuration that includes {@link RuntimeConfig#SPEC}
     * @return the crawl configuration
     */
    public static CrawlConfig from(SourceConfig config) {
        return new CrawlConfig(config.getInt(PARTITIONS), config.getInt(INDEX_QUERIES),
                config.getInt(PARTITION_DELETIONS), config.getDouble(MAX_SHARE), config.getBoolean(DRY_RUN),
                config.getDouble(SWEEP_MAX_SHARE));
    }
}
