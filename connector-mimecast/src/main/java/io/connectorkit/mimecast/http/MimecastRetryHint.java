package io.connectorkit.mimecast.http;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the server's "wait this long" hint from rate-limit headers. {@code Retry-After} is
 * seconds (or an HTTP date); {@code X-RateLimit-Reset} (also spelled {@code X-Rate-Limit-Reset})
 * is documented as milliseconds, but some API 2.0 clients read it as an epoch timestamp, so
 * values of at least 1e12 are taken as epoch milliseconds and values of at least 1e9 as epoch
 * seconds. The hint is returned in (fractional) seconds; the caller applies
 * {@code mimecast.retry-after-multiplier}.
 */
public final class MimecastRetryHint {
    private static final double EPOCH_MILLIS = 1e12;
    private static final double EPOCH_SECONDS = 1e9;

    private MimecastRetryHint() {
    }

    /**
     * The hint in seconds.
     *
     * @param header looks a header up by name, case-insensitively; returns null when absent
     * @param now the current time, for epoch values and HTTP dates
     * @return seconds to wait (never negative), or empty when no header gives a hint
     */
    static Optional<Double> seconds(Function<String, String> header, Instant now) {
        String retryAfter = header.apply("Retry-After");
        if (retryAfter != null && !retryAfter.isBlank()) {
            Optional<Double> s = retryAfterSeconds(retryAfter.trim(), now);
            if (s.isPresent()) {
                return s;
            }
        }
        String reset = header.apply("X-RateLimit-Reset");
        if (reset == null || reset.isBlank()) {
            reset = header.apply("X-Rate-Limit-Reset");
        }
        if (reset != null && !reset.isBlank()) {
            return resetSeconds(reset.trim(), now);
        }
        return Optional.empty();
    }

    static Optional<Double> retryAfterSeconds(String value, Instant now) {
        try {
            return Optional.of(Math.max(0, Double.parseDouble(value)));
        } catch (NumberFormatException e) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return Optional.of(Math.max(0, Duration.between(now, at).toMillis() / 1000.0));
            } catch (DateTimeParseException e2) {
                return Optional.empty();
            }
        }
    }

    static Optional<Double> resetSeconds(String value, Instant now) {
        double v;
        try {
            v = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (v >= EPOCH_MILLIS) {
            return Optional.of(Math.max(0, (v - now.toEpochMilli()) / 1000.0));
        }
        if (v >= EPOCH_SECONDS) {
            return Optional.of(Math.max(0, v - now.toEpochMilli() / 1000.0));
        }
        return Optional.of(Math.max(0, v / 1000.0));
    }
}
