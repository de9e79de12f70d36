package io.connectorkit.mimecast;

import static java.util.Objects.requireNonNull;

import io.connectorkit.api.CancelledException;
import io.connectorkit.api.ConnectorContext;
import io.connectorkit.api.ConnectorMetrics;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one rate limiter of a credential, shared by every mailbox crawled with it. A 429 (or a
 * quota about to run out, seen in {@code X-RateLimit-Remaining}) holds back every caller until
 * the server's hint has passed: waiting is how throttling is handled, never an error, and every
 * wait is counted in {@link ConnectorMetrics#RATE_LIMIT_WAIT_MILLIS}.
 *
 * <p>Wait in milliseconds = hint in seconds x {@code mimecast.retry-after-multiplier}; without a
 * hint, capped exponential backoff (1, 2, 4 ... 64 seconds, times the same multiplier).
 */
final class MimecastRateLimiter {
    private static final long MAX_WAIT_MILLIS = 10 * 60_000L;
    private static final int MAX_BACKOFF_EXPONENT = 6;
    private static final long SLICE_MILLIS = 200;

    private final long multiplier;
    private final ConnectorContext context;
    private final Object lock = new Object();
    private Instant notBefore = Instant.MIN;

    @Inject
    MimecastRateLimiter(MimecastConfig config, ConnectorContext context) {
        this.multiplier = requireNonNull(config, "config").performance().retryAfterMultiplier();
        this.context = requireNonNull(context, "context");
    }

    /** Waits until calls are allowed again. */
    void awaitTurn() {
        while (true) {
            Instant until;
            synchronized (lock) {
                until = notBefore;
            }
            if (until.equals(Instant.MIN)) {
                return;
            }
            long millis = Duration.between(context.clock().instant(), until).toMillis();
            if (millis <= 0) {
                return;
            }
            sleep(Math.min(millis, SLICE_MILLIS));
        }
    }

    /**
     * Records a 429 and returns how long the caller should wait; later callers wait too.
     *
     * @param header response header look-up
     * @param attempt how many 429s this call has had in a row, from 1
     * @return the wait
     */
    Duration rateLimited(Function<String, String> header, int attempt) {
        Instant now = context.clock().instant();
        Optional<Double> hint = MimecastRetryHint.seconds(header, now);
        double seconds = hint.orElse((double) (1L << Math.min(attempt - 1, MAX_BACKOFF_EXPONENT)));
        Duration wait = Duration.ofMillis(Math.min(MAX_WAIT_MILLIS, Math.round(seconds * multiplier)));
        holdUntil(now.plus(wait));
        return wait;
    }

    /**
     * Reads the quota headers of a successful response and slows down before a 429 would come.
     *
     * @param header response header look-up
     */
    void observe(Function<String, String> header) {
        String remainingText = header.apply("X-RateLimit-Remaining");
        if (remainingText == null) {
            remainingText = header.apply("X-Rate-Limit-Remaining");
        }
        if (remainingText == null) {
            return;
        }
        long remaining;
        try {
            remaining = Long.parseLong(remainingText.trim());
        } catch (NumberFormatException e) {
            return;
        }
        if (remaining > 0) {
            return;
        }
        Instant now = context.clock().instant();
        MimecastRetryHint.seconds(name -> name.equals("Retry-After") ? null : header.apply(name), now)
                .ifPresent(s -> holdUntil(now.plusMillis(Math.min(MAX_WAIT_MILLIS, Math.round(s * multiplier)))));
    }

    private void holdUntil(Instant until) {
        synchronized (lock) {
            if (until.isAfter(notBefore)) {
                notBefore = until;
            }
        }
    }

    private void sleep(long millis) {
        if (context.cancelled()) {
            throw new CancelledException("The run was cancelled while waiting for the Mimecast rate limit");
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException("Interrupted while waiting for the Mimecast rate limit");
        }
        context.metrics().add(ConnectorMetrics.RATE_LIMIT_WAIT_MILLIS, millis);
    }
}
