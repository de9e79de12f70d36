package io.connectorkit.runtime.index;

import static java.util.Objects.requireNonNull;

import io.connectorkit.runtime.config.SinkConfig;
import java.time.Duration;

/**
 * How requests to the index are retried: up to {@code maxRetries} more attempts, waiting
 * {@code initialBackoff} doubled per attempt, capped at {@code maxBackoff}. While the index is
 * unavailable (unreachable, 429, 502, 503, 504 or blocked for writes) retries go on past
 * {@code maxRetries} until the request has been failing for {@code maxWait}, so that a restart or
 * fail-over of the cluster holds a crawl up instead of failing it.
 *
 * @param maxRetries retries after the first attempt
 * @param initialBackoff the first wait
 * @param maxBackoff the longest wait
 * @param maxWait how long a request keeps being retried while the index is unavailable
 */
public record RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff, Duration maxWait) {
    /** How long the host waits for an unavailable index unless configured otherwise: the key's default. */
    public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(SinkConfig.DEFAULT_RETRY_MAX_WAIT_SECONDS);

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException if {@code maxRetries} or {@code maxWait} is negative
     */
    public RetryPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative, not " + maxRetries);
        }
        requireNonNull(initialBackoff, "initialBackoff");
        requireNonNull(maxBackoff, "maxBackoff");
        requireNonNull(maxWait, "maxWait");
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("maxWait must not be negative, not " + maxWait);
        }
    }

    /**
     * A policy that does not wait for an unavailable index beyond its retries.
     *
     * @param maxRetries retries after the first attempt
     * @param initialBackoff the first wait
     * @param maxBackoff the longest wait
     */
    public RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff) {
        this(maxRetries, initialBackoff, maxBackoff, Duration.ZERO);
    }

    /**
     * The default: 6 retries from 200 ms up to 10 s (about 13 s in all), and up to
     * {@link #DEFAULT_MAX_WAIT} for an unavailable index.
     *
     * @return the policy
     */
    public static RetryPolicy standard() {
        return new RetryPolicy(6, Duration.ofMillis(200), Duration.ofSeconds(10), DEFAULT_MAX_WAIT);
    }

    /**
     * This policy with another wait for an unavailable index.
     *
     * @param value the new {@code maxWait}
     * @return the policy
     */
    public RetryPolicy withMaxWait(Duration value) {
        return new RetryPolicy(maxRetries, initialBackoff, maxBackoff, value);
    }

    /**
     * The wait before a retry.
     *
     * @param attempt the retry number, from 1
     * @return the wait
     */
    public Duration backoff(int attempt) {
        long millis = initialBackoff.toMillis() << Math.min(20, Math.max(0, attempt - 1));
        return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
    }

    /**
     * Whether a failing request is tried again.
     *
     * @param retriesDone retries made so far
     * @param failingFor how long the request has been failing
     * @param unavailable whether the last failure said the index is unavailable rather than broken
     * @return {@code true} while retries are left, or while an unavailable index is within {@code maxWait}
     */
    public boolean again(int retriesDone, Duration failingFor, boolean unavailable) {
        return retriesDone < maxRetries || (unavailable && failingFor.compareTo(maxWait) < 0);
    }

    /**
     * Whether an HTTP status is worth retrying.
     *
     * @param status the status
     * @return {@code true} for 429 and 5xx except 501
     */
    public static boolean retryableStatus(int status) {
        return status == 429 || (status >= 500 && status != 501);
    }

    /**
     * Whether an HTTP status says the index is unavailable for now (busy, restarting, failing over).
     *
     * @param status the status
     * @return {@code true} for 429, 502, 503 and 504
     */
    public static boolean unavailableStatus(int status) {
        return status == 429 || status == 502 || status == 503 || status == 504;
    }
}
