package io.connectorkit.api;

/** How much of a partition a crawl covers. */
public enum CrawlMode {
    /** Everything changed since the checkpoint; the whole partition when there is none. */
    INCREMENTAL,
    /**
     * Everything that exists, ignoring the checkpoint's position. After a complete listing
     * (signalled by {@link Emitter#partitionComplete()}) the host removes the partition's
     * documents that were not emitted again.
     */
    FULL
}
