package io.connectorkit.runtime.config;

import io.connectorkit.api.SourceConfig;

/**
 * How a crawl runs: parallelism and the safety rules for deleting partitions.
 *
 * @param parallelPartitions partitions crawled at once ({@code crawl.parallel.partitions})
 * @param parallelIndexQueries index queries at once ({@code crawl.parallel.index-queries})
 * @param parallelPartitionDeletions partitions deleted at once ({@code crawl.parallel.partition-deletions})
 * @param maxDeletionShare the largest share of known partitions one run may delete
 * @param deletionsDryRun report partition deletions instead of making them
 */
public record CrawlConfig(int parallelPartitions, int parallelIndexQueries, int parallelPartitionDeletions,
        double maxDeletionShare, boolean deletionsDryRun) {
    static final String PARTITIONS = "crawl.parallel.partitions";
    static final String INDEX_QUERIES = "crawl.parallel.index-queries";
    static final String PARTITION_DELETIONS = "crawl.parallel.partition-deletions";
    static final String MAX_SHARE = "crawl.deletions.max-share";
    static final String DRY_RUN = "crawl.deletions.dry-run";

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException if a count is below one or the share is outside 0..1
     */
    public CrawlConfig {
        if (parallelPartitions < 1 || parallelIndexQueries < 1 || parallelPartitionDeletions < 1) {
            throw new IllegalArgumentException("Parallelism must be at least 1");
        }
        if (maxDeletionShare < 0 || maxDeletionShare > 1) {
            throw new IllegalArgumentException("crawl.deletions.max-share must be from 0 to 1, not " + maxDeletionShare);
        }
    }

    /**
     * Reads the crawl keys.
     *
     * @param config a validated configuration that includes {@link RuntimeConfig#SPEC}
     * @return the crawl configuration
     */
    public static CrawlConfig from(SourceConfig config) {
        return new CrawlConfig(config.getInt(PARTITIONS), config.getInt(INDEX_QUERIES),
                config.getInt(PARTITION_DELETIONS), config.getDouble(MAX_SHARE), config.getBoolean(DRY_RUN));
    }
}
