package io.connectorkit.simulator.mimecast.wire;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-credential limits: a quota per period (reported in {@code X-RateLimit-*} headers on every
 * answer) and an optional calls-per-second token bucket. Denied calls do not use quota.
 */
public final class RateLimiter {
    public record Decision(boolean allowed, long limit, long remaining, long resetMillis) {
    }

    private static final class State {
        private Instant windowStart;
        private long used;
        private double tokens;
        private Instant refilled;
        private final List<Long> closedWindows = new ArrayList<>();
    }

    private final long quota;
    private final Duration period;
    private final double callsPerSecond;
    private final Map<String, State> states = new ConcurrentHashMap<>();

    public RateLimiter(long quota, Duration period, double callsPerSecond) {
        this.quota = quota;
        this.period = period;
        this.callsPerSecond = callsPerSecond;
    }

    public Decision acquire(String clientId, Instant now) {
        State s = states.computeIfAbsent(clientId, k -> new State());
        synchronized (s) {
            if (s.windowStart == null || !now.isBefore(s.windowStart.plus(period))) {
                if (s.windowStart != null) {
                    s.closedWindows.add(s.used);
                }
                s.windowStart = now;
                s.used = 0;
            }
            long windowReset = Math.max(0, Duration.between(now, s.windowStart.plus(period)).toMillis());
            if (s.used >= quota) {
                return new Decision(false, quota, 0, windowReset);
            }
            if (callsPerSecond > 0) {
                double burst = Math.max(1, callsPerSecond);
                if (s.refilled == null) {
                    s.tokens = burst;
                } else {
                    double elapsed = Math.max(0, Duration.between(s.refilled, now).toNanos() / 1e9);
                    s.tokens = Math.min(burst, s.tokens + elapsed * callsPerSecond);
                }
                s.refilled = now;
                if (s.tokens < 1) {
                    long wait = (long) Math.ceil((1 - s.tokens) / callsPerSecond * 1000);
                    return new Decision(false, quota, quota - s.used, Math.max(1, wait));
                }
                s.tokens -= 1;
            }
            s.used++;
            return new Decision(true, quota, quota - s.used, windowReset);
        }
    }

    /**
     * The calls allowed in each quota window so far, per client in order of first call; the last
     * entry of each client is its current window.
     */
    public List<Long> windows() {
        List<Long> out = new ArrayList<>();
        states.values().forEach(s -> {
            synchronized (s) {
                out.addAll(s.closedWindows);
                if (s.windowStart != null) {
                    out.add(s.used);
                }
            }
        });
        return out;
    }

    /** The headers' view for a client without using quota (for scripted 429s). */
    public Decision exhausted(Duration reset) {
        return new Decision(false, quota, 0, reset.toMillis());
    }
}
