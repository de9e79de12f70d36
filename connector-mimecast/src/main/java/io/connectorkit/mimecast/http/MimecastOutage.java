package io.connectorkit.mimecast.http;

import static java.util.Objects.requireNonNull;

import io.connectorkit.mimecast.MimecastConfig;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Whether Mimecast is being waited for, shared by every call of a session. Calls that cannot
 * connect (refused, no route, unknown host, connect timeout) once Mimecast has answered in this
 * session are an outage of the source: they wait, with backoff, until it answers again or has
 * been unreachable for {@code mimecast.retry.max-wait-seconds}; then every waiting call ends its
 * mailbox's crawl. Says once that the crawl is waiting and since when, repeats it every 30 s, and
 * says when Mimecast is back. Before any answer (a wrong endpoint) nothing is waited for beyond
 * the ordinary retries. Thread-safe.
 */
public final class MimecastOutage {
    private static final Logger LOG = LogManager.getLogger(MimecastOutage.class);
    private static final long REMIND_MILLIS = 30_000;

    private final Duration maxWait;
    private final AtomicReference<Instant> since = new AtomicReference<>();
    private final AtomicLong lastNotice = new AtomicLong();
    private volatile boolean answered;

    @Inject
    MimecastOutage(MimecastConfig config) {
        this.maxWait = requireNonNull(config, "config").retry().maxWait();
    }

    /** Called when Mimecast answered a call, whatever the status. */
    void answered() {
        answered = true;
        Instant from = since.get();
        if (from != null && since.compareAndSet(from, null)) {
            LOG.warn("Mimecast is reachable again after {} s; the crawl continues",
                    Duration.between(from, Instant.now()).toSeconds());
        }
    }

    /**
     * Called when a call could not connect.
     *
     * @param origin where the call went, such as {@code https://api.services.mimecast.com}
     * @param reason the failure, without credentials
     * @param failures how many times in a row this call could not connect
     * @param cause the failure
     * @throws MimecastUnreachableException when the call is not to wait any longer
     */
    void unreachable(String origin, String reason, int failures, Throwable cause)
            throws MimecastUnreachableException {
        if (!answered || maxWait.isZero()) {
            if (failures > MimecastHttp.MAX_TRANSIENT) {
                throw new MimecastUnreachableException("Cannot connect to Mimecast at " + origin + " (" + reason
                        + ", " + failures + " attempts); check the endpoint and the network path to Mimecast", cause);
            }
            return;
        }
        Instant now = Instant.now();
        long millis = System.currentTimeMillis();
        Instant from;
        if (since.compareAndSet(null, now)) {
            from = now;
            lastNotice.set(millis);
            LOG.warn("Waiting for Mimecast at {}: unreachable since {} ({}); the crawl resumes when it is back and"
                    + " stops the mailboxes still waiting after {} s (mimecast.retry.max-wait-seconds)", origin,
                    from, reason, maxWait.toSeconds());
        } else {
            Instant current = since.get();
            // null: another call got an answer a moment ago; this one counts from now.
            from = current == null ? now : current;
            long last = lastNotice.get();
            if (millis - last >= REMIND_MILLIS && lastNotice.compareAndSet(last, millis)) {
                LOG.warn("Still waiting for Mimecast at {}: unreachable since {} ({} s, {})", origin, from,
                        Duration.between(from, now).toSeconds(), reason);
            }
        }
        Duration waited = Duration.between(from, now);
        if (waited.compareTo(maxWait) > 0) {
            throw new MimecastUnreachableException("Mimecast at " + origin + " has been unreachable since " + from
                    + " (" + waited.toSeconds() + " s, " + reason + "), longer than mimecast.retry.max-wait-seconds"
                    + " (" + maxWait.toSeconds() + "); the mailbox is crawled again from its last checkpoint by the"
                    + " next run. Check the network path to Mimecast, or raise mimecast.retry.max-wait-seconds", cause);
        }
    }

    /** @return since when Mimecast is waited for, or empty while it answers */
    Optional<Instant> since() {
        return Optional.ofNullable(since.get());
    }
}
