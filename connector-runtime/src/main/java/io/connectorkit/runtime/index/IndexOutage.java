package io.connectorkit.runtime.index;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Whether the index is being waited for, shared by every request of one client: says once that
 * the crawl is waiting and since when, repeats it now and then while the wait lasts, and says
 * when the index is back. Thread-safe.
 */
final class IndexOutage {
    private static final Logger LOG = LogManager.getLogger(IndexOutage.class);
    private static final long REMIND_MILLIS = 30_000;

    private final String description;
    private final Duration maxWait;
    private final AtomicReference<Instant> since = new AtomicReference<>();
    private final AtomicLong lastNotice = new AtomicLong();

    IndexOutage(String description, Duration maxWait) {
        this.description = requireNonNull(description, "description");
        this.maxWait = requireNonNull(maxWait, "maxWait");
    }

    /**
     * Called when a request has used its ordinary retries and keeps waiting.
     *
     * @param failingSince when that request first failed
     * @param reason the last failure, without credentials
     */
    void waiting(Instant failingSince, String reason) {
        long now = System.currentTimeMillis();
        if (since.compareAndSet(null, failingSince)) {
            lastNotice.set(now);
            LOG.warn("Waiting for the index at {}: unavailable since {} ({}); the crawl resumes when it is back and"
                    + " fails if it stays unavailable for {} s (sink.retry.max-wait-seconds)", description,
                    failingSince, reason, maxWait.toSeconds());
            return;
        }
        long last = lastNotice.get();
        if (now - last >= REMIND_MILLIS && lastNotice.compareAndSet(last, now)) {
            Instant from = since.get();
            LOG.warn("Still waiting for the index at {}: unavailable since {} ({} s, {})", description, from,
                    from == null ? 0 : Duration.between(from, Instant.now()).toSeconds(), reason);
        }
    }

    /** Called when a request succeeded. */
    void available() {
        Instant from = since.get();
        if (from != null && since.compareAndSet(from, null)) {
            LOG.warn("The index at {} is available again after {} s; the crawl continues", description,
                    Duration.between(from, Instant.now()).toSeconds());
        }
    }

    /** @return since when the index is waited for, or empty when it is not */
    Optional<Instant> since() {
        return Optional.ofNullable(since.get());
    }
}
