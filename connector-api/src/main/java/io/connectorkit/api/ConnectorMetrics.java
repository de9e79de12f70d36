package io.connectorkit.api;

/**
 * Counters a connector reports to its host, such as API calls or time spent waiting on rate
 * limits. The host shows them in progress lines and run summaries.
 *
 * <p><b>Threading.</b> Safe to call from any thread, cheap enough to call per request.
 */
public interface ConnectorMetrics {
    /** Calls to the source's API. */
    String CALLS = "calls";
    /** Calls that got a rate-limit answer (HTTP 429). */
    String RATE_LIMITED = "rate_limited";
    /** Milliseconds spent waiting because of rate limits. */
    String RATE_LIMIT_WAIT_MILLIS = "rate_limit_wait_ms";
    /** Calls that failed with an HTTP error other than a rate limit. */
    String HTTP_ERRORS = "http_errors";
    /** Bytes of content downloaded. */
    String BYTES_DOWNLOADED = "bytes_downloaded";
    /** Content downloads. */
    String DOWNLOADS = "downloads";
    /**
     * Gauge: the calls per window of the source's advertised API quota, as last seen. A gauge is
     * reported by adding the change since its last report, so the counter holds the latest value.
     */
    String QUOTA_LIMIT = "quota_limit";
    /** Gauge: the calls left in the current window of the advertised API quota, as last seen. */
    String QUOTA_REMAINING = "quota_remaining";
    /** Gauge: when the current window of the advertised API quota resets, in epoch milliseconds. */
    String QUOTA_RESET_AT_MILLIS = "quota_reset_at_ms";
    /** Gauge: the longest reset seen, in milliseconds: the length of the quota's window, as far as known. */
    String QUOTA_WINDOW_MILLIS = "quota_window_ms";
    /** Gauge: while the quota is spent, until when the crawl waits for it, in epoch milliseconds; 0 otherwise. */
    String QUOTA_WAIT_UNTIL_MILLIS = "quota_wait_until_ms";

    /**
     * Adds to a counter.
     *
     * @param name the counter, one of the constants here or a connector-specific name
     * @param delta how much to add
     */
    void add(String name, long delta);

    /**
     * Metrics that are dropped.
     *
     * @return a no-op recorder
     */
    static ConnectorMetrics none() {
        return (name, delta) -> { };
    }
}
