package io.connectorkit.mimecast.http;

import static java.util.Objects.requireNonNull;

import io.connectorkit.api.CancelledException;
import io.connectorkit.api.ConnectorContext;
import io.connectorkit.api.ConnectorMetrics;
import io.connectorkit.mimecast.MimecastConfig;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The one rate limiter of a credential, shared by every mailbox crawled with it. Mimecast 2.0
 * counts its quota per API application and advertises it on every answer in
 * {@code X-RateLimit-Limit}, {@code -Remaining} and {@code -Reset} (also spelled
 * {@code X-Rate-Limit-*}). Waiting is how throttling is handled, never an error, and every wait is
 * counted in {@link ConnectorMetrics#RATE_LIMIT_WAIT_MILLIS}.
 *
 * <p><b>The advertised quota.</b> A call starts only while the quota seen in the latest answers,
 * less the calls started and not yet answered, has a call left: once it is spent, every caller
 * waits until its reset ("waiting for the API quota until T" in the log and the progress line),
 * so an advertised quota is used up to its last call and never answered 429. Answers that arrive
 * out of order cannot raise the remaining count of a window; a reset later than the one known is a
 * new window. The latest values are reported as the gauges {@link ConnectorMetrics#QUOTA_LIMIT}
 * and its neighbours.
 *
 * <p><b>A limit that is not advertised.</b> After a 429 the calls of all mailboxes are also
 * spaced out: released together after a wait, every mailbox would spend the one call the quota
 * gave back, and all but one would be answered 429 again. The spacing grows by a tenth on a 429
 * whose hint is short (to at least the hint, at most 100 ms) and shrinks by 0.02% on every
 * answered call, so it settles just above the server's real rate, whose limit the headers need not
 * show (a per-second limit behind an hourly quota, say). The 429s of calls that were already in
 * flight when the spacing grew are one event and grow it once: otherwise a burst of parallel 429s
 * would widen it by 1.1 to the power of the mailboxes and hold the crawl well below the limit. One
 * growth undoes ln 1.1 / -ln 0.9998, about 480, answered calls, so with a few parallel mailboxes
 * about 1 call in 200 or fewer is a 429, and the spacing swings by a tenth at most. A long hint is
 * a quota window: every caller waits it out, and the pace is kept.
 *
 * <p>Wait in milliseconds = hint in seconds x {@code mimecast.retry-after-multiplier}; without a
 * hint, capped exponential backoff (1, 2, 4 ... 64 seconds, times the same multiplier). Waits are
 * taken in slices of at most 200 ms through the {@link MimecastSleeper}, on the limiter's lock, so
 * that a call ending or a new quota wakes the waiting callers to look again.
 */
public final class MimecastRateLimiter {
    private static final Logger LOG = LogManager.getLogger(MimecastRateLimiter.class);
    private static final double GROWTH = 1.1;
    private static final double DECAY = 0.9998;
    private static final long MIN_SPACING_NANOS = 500_000;
    // A longer hint is a quota window to wait out (notBefore), not the pace of single calls.
    private static final long MAX_SPACING_NANOS = 100_000_000;
    private static final long MAX_WAIT_MILLIS = 10 * 60_000L;
    // An advertised reset is waited out up to this long: quota windows are up to an hour.
    private static final long MAX_QUOTA_WAIT_MILLIS = 2 * 60 * 60_000L;
    // Arrive just after the reset, not just before it.
    private static final long RESET_MARGIN_MILLIS = 20;
    // Waits for the quota at least this long are announced.
    private static final long ANNOUNCED_WAIT_MILLIS = 1_000;
    private static final int MAX_BACKOFF_EXPONENT = 6;
    private static final long SLICE_MILLIS = 200;

    private final long multiplier;
    private final ConnectorContext context;
    private final MimecastSleeper sleeper;
    private final Object lock = new Object();
    private final Map<String, Long> gauges = new HashMap<>();
    private Instant notBefore = Instant.MIN;
    private long spacingNanos;
    private Instant nextStart = Instant.MIN;
    private int inFlight;
    // Calls ended so far, and how many must have ended before a 429 may widen the spacing again.
    private long completions;
    private long growthMark;
    private long quotaLimit = -1;
    private long quotaRemaining = -1;
    private Instant quotaReset;
    private Instant announced;

    @Inject
    MimecastRateLimiter(MimecastConfig config, ConnectorContext context, MimecastSleeper sleeper) {
        this.multiplier = requireNonNull(config, "config").performance().retryAfterMultiplier();
        this.context = requireNonNull(context, "context");
        this.sleeper = requireNonNull(sleeper, "sleeper");
    }

    /** Waits until a call is allowed; the caller reports the end of the call with {@link #done()}. */
    void awaitTurn() {
        synchronized (lock) {
            while (true) {
                Instant now = context.clock().instant();
                Instant gate = spacingNanos > 0 && nextStart.isAfter(notBefore) ? nextStart : notBefore;
                if (quotaSpent(now) && quotaReset.plusMillis(RESET_MARGIN_MILLIS).isAfter(gate)) {
                    gate = quotaReset.plusMillis(RESET_MARGIN_MILLIS);
                    announce(now, gate);
                }
                long millis = gate.equals(Instant.MIN) ? 0 : Duration.between(now, gate).toMillis();
                if (millis > 0) {
                    pause(Math.min(millis, SLICE_MILLIS));
                    continue;
                }
                if (announced != null) {
                    LOG.info("The API quota is available again; the crawl continues");
                    announced = null;
                    gauge(ConnectorMetrics.QUOTA_WAIT_UNTIL_MILLIS, 0);
                }
                if (spacingNanos > 0) {
                    nextStart = now.plusNanos(spacingNanos);
                }
                inFlight++;
                return;
            }
        }
    }

    /** Ends a call that {@link #awaitTurn()} let start, whatever its answer. */
    void done() {
        synchronized (lock) {
            inFlight = Math.max(0, inFlight - 1);
            completions++;
            lock.notifyAll();
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
                // The calls already in flight when the spacing last widened met the same empty bucket:
                // their 429s are one event, not one each, or the spacing would overshoot by 1.1^calls.
                boolean newEvent = completions >= growthMark;
                long grown = Math.max(newEvent ? Math.round(spacingNanos * GROWTH) : spacingNanos, wait.toNanos());
                spacingNanos = Math.min(MAX_SPACING_NANOS, Math.max(MIN_SPACING_NANOS, grown));
                if (newEvent) {
                    growthMark = completions + inFlight;
                }
            }
            holdUntil(now.plus(wait));
            if (wait.toMillis() >= ANNOUNCED_WAIT_MILLIS) {
                announce(now, now.plus(wait));
            }
        }
        return wait;
    }

    /**
     * Reads the quota headers of a successful response: keeps the advertised quota, and eases the
     * spacing that 429s set.
     *
     * @param header response header look-up
     */
    void observe(Function<String, String> header) {
        Instant now = context.clock().instant();
        Optional<Long> limit = number(header, "Limit");
        Optional<Long> remaining = number(header, "Remaining");
        Optional<Double> reset = MimecastRetryHint.seconds(name -> name.equals("Retry-After") ? null
                : header.apply(name), now);
        synchronized (lock) {
            long decayed = Math.round(spacingNanos * DECAY);
            spacingNanos = decayed < MIN_SPACING_NANOS ? 0 : decayed;
            if (remaining.isPresent() && reset.isPresent()) {
                long millis = Math.min(MAX_QUOTA_WAIT_MILLIS, Math.round(reset.get() * multiplier));
                quota(limit.orElse(-1L), remaining.get(), now.plusMillis(millis), now);
            } else if (remaining.isPresent() && remaining.get() <= 0) {
                // Spent, with no reset to wait for: hold as the 429 without a hint would.
                holdUntil(now.plusMillis(Math.max(1, multiplier)));
            }
        }
    }

    /** @return the current spacing between call starts; zero when calls are not spaced */
    Duration spacing() {
        synchronized (lock) {
            return Duration.ofNanos(spacingNanos);
        }
    }

    /** @return the calls the latest answers left in the quota, or -1 when none was advertised */
    long quotaRemaining() {
        synchronized (lock) {
            return quotaRemaining;
        }
    }

    // Called with the lock held.
    private void quota(long limit, long remaining, Instant reset, Instant now) {
        boolean known = quotaReset != null && now.isBefore(quotaReset);
        // The same window within a second; a later reset is a new window; a late answer of an old one is ignored.
        boolean newWindow = !known || reset.isAfter(quotaReset.plusSeconds(1));
        boolean sameWindow = known && !newWindow && !reset.isBefore(quotaReset.minusSeconds(1));
        if (newWindow) {
            quotaRemaining = remaining;
            quotaReset = reset;
        } else if (sameWindow && remaining < quotaRemaining) {
            quotaRemaining = remaining;
        } else if (!sameWindow) {
            return;
        }
        if (limit >= 0) {
            quotaLimit = limit;
            gauge(ConnectorMetrics.QUOTA_LIMIT, limit);
        }
        gauge(ConnectorMetrics.QUOTA_REMAINING, quotaRemaining);
        gauge(ConnectorMetrics.QUOTA_RESET_AT_MILLIS, quotaReset.toEpochMilli());
        long window = Duration.between(now, reset).toMillis();
        if (window > gauges.getOrDefault(ConnectorMetrics.QUOTA_WINDOW_MILLIS, 0L)) {
            gauge(ConnectorMetrics.QUOTA_WINDOW_MILLIS, window);
        }
        lock.notifyAll();
    }

    // Called with the lock held: whether the calls started would spend what the quota has left.
    private boolean quotaSpent(Instant now) {
        return quotaReset != null && now.isBefore(quotaReset.plusMillis(RESET_MARGIN_MILLIS))
                && quotaRemaining - inFlight <= 0;
    }

    // Called with the lock held.
    private void announce(Instant now, Instant until) {
        if (Duration.between(now, until).toMillis() < ANNOUNCED_WAIT_MILLIS) {
            return;
        }
        if (announced == null || until.isAfter(announced.plusSeconds(1))) {
            announced = until;
            LOG.info("Waiting for the API quota until {} ({} of {} calls left in the window; the crawl continues then)",
                    until.truncatedTo(ChronoUnit.SECONDS), Math.max(0, quotaRemaining),
                    quotaLimit < 0 ? "?" : quotaLimit);
            gauge(ConnectorMetrics.QUOTA_WAIT_UNTIL_MILLIS, until.toEpochMilli());
        }
    }

    // Called with the lock held: a gauge is reported to the counters as the change since the last report.
    private void gauge(String name, long value) {
        long before = gauges.getOrDefault(name, 0L);
        if (before != value) {
            gauges.put(name, value);
            context.metrics().add(name, value - before);
        }
    }

    private static Optional<Long> number(Function<String, String> header, String suffix) {
        String text = header.apply("X-RateLimit-" + suffix);
        if (text == null) {
            text = header.apply("X-Rate-Limit-" + suffix);
        }
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of((long) Double.parseDouble(text.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
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
            sleeper.await(lock, Math.max(1, millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException("Interrupted while waiting for the Mimecast rate limit");
        }
        context.metrics().add(ConnectorMetrics.RATE_LIMIT_WAIT_MILLIS, (System.nanoTime() - started) / 1_000_000);
    }
}
