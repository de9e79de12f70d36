package io.connectorkit.runtime;

/**
 * Receives progress snapshots during a crawl, after each acknowledged bulk request and each
 * finished partition. Called from host threads; implementations return quickly and throttle
 * their own output.
 */
@FunctionalInterface
public interface ProgressListener {
    /**
     * Reports progress.
     *
     * @param progress the snapshot
     */
    void progress(CrawlProgress progress);

    /**
     * A listener that ignores progress.
     *
     * @return the listener
     */
    static ProgressListener none() {
        return p -> { };
    }
}
