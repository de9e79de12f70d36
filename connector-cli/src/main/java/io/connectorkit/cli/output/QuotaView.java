package io.connectorkit.cli.output;

import io.connectorkit.api.ConnectorMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The source's API quota as the latest answers advertised it, read from the connector's gauges
 * ({@link ConnectorMetrics#QUOTA_LIMIT} and its neighbours).
 *
 * @param limit calls per window
 * @param remaining calls left in the current window
 * @param resetAt when the current window resets
 * @param window the length of a window, as far as known ({@link Duration#ZERO} when not)
 * @param waitingUntil while the quota is spent, until when the crawl waits for it; otherwise {@code null}
 * @param calls API calls made so far
 * @param now the moment of the reading
 */
public record QuotaView(long limit, long remaining, Instant resetAt, Duration window, Instant waitingUntil, long calls,
        Instant now) {
    /**
     * Checks the components.
     *
     * @throws NullPointerException if a required component is {@code null}
     */
    public QuotaView {
        Objects.requireNonNull(resetAt, "resetAt");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(now, "now");
    }

    /**
     * The quota in a crawl's counters.
     *
     * @param metrics the counters
     * @param now the moment of the reading
     * @return the quota, or {@code null} when the source advertised none
     */
    public static QuotaView of(Map<String, Long> metrics, Instant now) {
        long limit = metrics.getOrDefault(ConnectorMetrics.QUOTA_LIMIT, 0L);
        long resetAt = metrics.getOrDefault(ConnectorMetrics.QUOTA_RESET_AT_MILLIS, 0L);
        if (limit <= 0 || resetAt <= 0) {
            return null;
        }
        long windowMillis = metrics.getOrDefault(ConnectorMetrics.QUOTA_WINDOW_MILLIS, 0L);
        // The longest reset seen falls a little short of the window: shown in whole seconds.
        Duration window = windowMillis >= 1000 ? Duration.ofSeconds(Math.round(windowMillis / 1000.0))
                : Duration.ofMillis(windowMillis);
        long waiting = metrics.getOrDefault(ConnectorMetrics.QUOTA_WAIT_UNTIL_MILLIS, 0L);
        Instant until = waiting > now.toEpochMilli() ? Instant.ofEpochMilli(waiting) : null;
        return new QuotaView(limit, Math.max(0, metrics.getOrDefault(ConnectorMetrics.QUOTA_REMAINING, 0L)),
                Instant.ofEpochMilli(resetAt), window, until, metrics.getOrDefault(ConnectorMetrics.CALLS, 0L), now);
    }

    /**
     * How long the quota needs to allow this many more calls: nothing while the current window has
     * them, else until its reset plus a window for every further quota's worth.
     *
     * @param moreCalls calls still to make
     * @return the time, never negative
     */
    public Duration timeFor(long moreCalls) {
        Duration toReset = Duration.between(now, resetAt).isNegative() ? Duration.ZERO : Duration.between(now, resetAt);
        Duration wait = waitingUntil == null ? Duration.ZERO : Duration.between(now, waitingUntil);
        if (moreCalls <= remaining) {
            return wait;
        }
        long windows = (moreCalls - remaining - 1) / limit;
        Duration needed = toReset.plus(window.multipliedBy(windows));
        return needed.compareTo(wait) > 0 ? needed : wait;
    }

    /**
     * The quota as advertised, such as "500 calls per window of 10.0s as advertised", as the crawl
     * summary and the status both print it.
     *
     * @return the description
     */
    public String advertised() {
        return ProgressLine.count(limit) + " calls per window"
                + (window.isZero() ? "" : " of " + ProgressLine.duration(window)) + " as advertised";
    }
}
