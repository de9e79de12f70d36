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
 * <p>After a 429 the calls of all mailboxes are also spaced out: released together after a wait,
 * every mailbox would spend the one call the quota gave back, and all but one would be answered
 * 429 again. The spacing grows by a quarter on every 429 whose hint is short (to at least the
 * hint, at most 100 ms) and shrinks by 0.2% on every answered call, so it settles just above the
 * server's real rate, whose limit the headers need not show (a per-second limit behind an hourly
 * quota, say). The two factors set the share of 429s at the balance: one 429 undoes
 * ln 1.25 / -ln 0.998, about 110, answered calls, so about 1 call in 110 is a 429 (0.9%). A long hint is a quota window: every caller waits it out, and the pace is kept.
 *
 * <p>Wait in milliseconds = hint in seconds x {@code mimecast.retry-after-multiplier}; without a
 * hint, capped exponential backoff (1, 2, 4 ... 64 seconds, times the same multiplier).
 */
final class MimecastRateLimiter {
    private static final double GROWTH = 1.25;
    private static final double DECAY = 0.998;
    private static final long MIN_SPACING_NANOS = 500_000;
    // A longer hint is a quota window to wait out (notBefore), not the pace of single calls.
    private static final long MAX_SPACING_NANOS = 100_000_000;
    private static final long MAX_WAIT_MILLIS = 10 * 60_000L;
    private static final int MAX_BACKOFF_EXPONENT = 6;
    private static final long SLICE_MILLIS = 200;

    private final long multiplier;
    private final ConnectorContext context;
    private final Object lock = new Object();
    private Instant notBefore = Instant.MIN;
    private long spacingNanos;
    private Instant nextStart = Instant.MIN;

    @Inject
    MimecastRateLimiter(MimecastConfig config, ConnectorContext context) {
        this.multiplier = requireNonNull(config, "config").performance().retryAfterMultiplier();
        this.context = requireNonNull(context, "context");
    }

    /** Waits until a call is allowed. */
    void awaitTurn() {
        synchronized (lock) {
            while (true) {
                Instant now = context.clock().instant();
                Instant gate = spacingNanos > 0 && nextStart.isAfter(notBefore) ? nextStart : notBefore;
                long millis = gate.equals(Instant.MIN) ? 0 : Duration.between(now, gate).toMillis();
                if (millis > 0) {
                    pause(Math.min(millis, SLICE_MILLIS));
                    continue;
                }
                if (spacingNanos > 0) {
                    nextStart = now.plusNanos(spacingNanos);
                }
                return;
            }
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
        synchronized (lock) {
            if (hint.isPresent() && wait.toNanos() <= MAX_SPACING_NANOS) {
                long grown = Math.max(Math.round(spacingNanos * GROWTH), wait.toNanos());
                spacingNanos = Math.min(MAX_SPACING_NANOS, Math.max(MIN_SPACING_NANOS, grown));
            }
            holdUntil(now.plus(wait));
        }
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
        long remaining;
        try {
            remaining = remainingText == null ? 1 : Long.parseLong(remainingText.trim());
        } catch (NumberFormatException e) {
            remaining = 1;
        }
        Instant now = context.clock().instant();
        Optional<Double> hint = remaining > 0 ? Optional.empty()
                : MimecastRetryHint.seconds(name -> name.equals("Retry-After") ? null : header.apply(name), now);
        synchronized (lock) {
            long decayed = Math.round(spacingNanos * DECAY);
            spacingNanos = decayed < MIN_SPACING_NANOS ? 0 : decayed;
            hint.ifPresent(s -> holdUntil(now.plusMillis(Math.min(MAX_WAIT_MILLIS, Math.round(s * multiplier)))));
        }
    }

    /** @return the current spacing between call starts; zero when calls are not spaced */
    Duration spacing() {
        synchronized (lock) {
            return Duration.ofNanos(spacingNanos);
        }
    }

    // Called with the lock held.
    private void holdUntil(Instant until) {
        if (until.isAfter(notBefore)) {
            notBefore = until;
        }
    }

    // Called with the lock held; releases it while waiting.
    private void pause(long millis) {
        if (context.cancelled()) {
            throw new CancelledException("The run was cancelled while waiting for the Mimecast rate limit");
        }
        long started = System.nanoTime();
        try {
            lock.wait(Math.max(1, millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException("Interrupted while waiting for the Mimecast rate limit");
        }
        context.metrics().add(ConnectorMetrics.RATE_LIMIT_WAIT_MILLIS, (System.nanoTime() - started) / 1_000_000);
    }
}
