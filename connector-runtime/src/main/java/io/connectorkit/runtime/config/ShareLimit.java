package io.connectorkit.runtime.config;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/**
 * A deletion breaker's limit: the largest share of a whole that one run may delete. Both breakers
 * (partitions no longer listed, and a FULL sweep's documents) use this one rule, so their
 * boundary is the same: exactly the limit may go, anything more is refused.
 *
 * @param key the configuration key that sets the limit, for messages
 * @param max the share, from 0 to 1
 */
public record ShareLimit(String key, double max) {
    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException if the share is outside 0..1
     */
    public ShareLimit {
        requireNonNull(key, "key");
        if (max < 0 || max > 1) {
            throw new IllegalArgumentException(key + " must be from 0 to 1, not " + max);
        }
    }

    /**
     * Whether deleting {@code deleting} of {@code of} is more than the limit allows.
     *
     * @param deleting how many would be deleted
     * @param of how many there are
     * @return {@code true} to refuse
     */
    public boolean refuses(long deleting, long of) {
        // A division is correctly rounded, like the parsed limit, so a share that equals the limit
        // exactly (3 of 10 against 0.3) compares equal instead of a hair above it.
        return deleting > 0 && (of <= 0 || (double) deleting / of > max);
    }

    /**
     * The share as people read it.
     *
     * @param deleting how many would be deleted
     * @param of how many there are
     * @return such as {@code 67%}
     */
    public static String percent(long deleting, long of) {
        return of <= 0 ? "100%" : String.format(Locale.ROOT, "%.0f%%", 100.0 * deleting / of);
    }

    /** @return the limit as written in the configuration, such as {@code crawl.sweep.max-share = 0.5} */
    public String setting() {
        return key + " = " + max;
    }
}
