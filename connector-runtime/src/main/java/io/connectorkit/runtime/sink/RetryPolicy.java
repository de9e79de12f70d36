package io.connectorkit.runtime.sink;

import java.time.Duration;

/**
 * How requests to the index are retried: up to {@code maxRetries} more attempts, waiting
 * {@code initialBackoff} doubled per attempt, capped at {@code maxBackoff}.
 *
 * @param maxRetries retries after the first attempt
 * @param initialBackoff the first wait
 * @param maxBackoff the longest wait
 */
public record RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff) {
    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException if {@code maxRetries} is negative
     */
    public RetryPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative, not " + maxRetries);
        }
        java.util.Objects.requireNonNull(initialBackoff, "initialBackoff");
        java.util.Objects.requireNonNull(maxBackoff, "maxBackoff");
    }

    /**
     * The default: 6 retries from 200 ms up to 10 s (about half a minute in all).
     *
     * @return the policy
     */
    public static RetryPolicy standard() {
        return new RetryPolicy(6, Duration.ofMillis(200), Duration.ofSeconds(10));
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
     * Whether an HTTP status is worth retrying.
     *
     * @param status the status
     * @return {@code true} for 429 and 5xx except 501
     */
    public static boolean retryableStatus(int status) {
        return status == 429 || (status >= 500 && status != 501);
    }
}
