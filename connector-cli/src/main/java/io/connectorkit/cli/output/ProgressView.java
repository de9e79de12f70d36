package io.connectorkit.cli.output;

import java.time.Duration;
import java.util.Objects;

/**
 * One moment of a crawl as the progress line shows it.
 *
 * @param partitionsDone mailboxes finished
 * @param partitionsTotal mailboxes in scope, or {@code -1} while still listing
 * @param documents documents (messages and attachments) written so far
 * @param bytes content bytes read so far
 * @param failures items that failed so far
 * @param elapsed time since the crawl started
 * @param rateLimitWaits how many times the source asked the crawl to slow down
 * @param rateLimitWaited time spent waiting on rate limits
 * @param quota the source's API quota as advertised, or {@code null} when none was
 */
public record ProgressView(int partitionsDone, int partitionsTotal, long documents, long bytes, long failures,
        Duration elapsed, long rateLimitWaits, Duration rateLimitWaited, QuotaView quota) {
    /**
     * A view without an advertised quota.
     *
     * @throws NullPointerException if a duration is {@code null}
     */
    public ProgressView(int partitionsDone, int partitionsTotal, long documents, long bytes, long failures,
            Duration elapsed, long rateLimitWaits, Duration rateLimitWaited) {
        this(partitionsDone, partitionsTotal, documents, bytes, failures, elapsed, rateLimitWaits, rateLimitWaited,
                null);
    }

    /**
     * Creates a view.
     *
     * @throws NullPointerException if a duration is {@code null}
     */
    public ProgressView {
        Objects.requireNonNull(elapsed, "elapsed");
        Objects.requireNonNull(rateLimitWaited, "rateLimitWaited");
    }

    /**
     * Documents per second since the start.
     *
     * @return the rate, 0 before a second has passed
     */
    public double rate() {
        double seconds = elapsed.toMillis() / 1000.0;
        return seconds < 1 ? 0 : documents / seconds;
    }

    /**
     * A guess of the time left, from the share of mailboxes done, and no less than the advertised
     * quota needs to allow the calls that share projects (calls so far per mailbox done, times the
     * mailboxes left) and no less than a wait for a spent quota.
     *
     * @return the estimate, or {@code null} when nothing is done yet
     */
    public Duration eta() {
        if (partitionsTotal <= 0 || partitionsDone <= 0) {
            return null;
        }
        if (partitionsDone >= partitionsTotal) {
            return Duration.ZERO;
        }
        long perPartition = elapsed.toMillis() / partitionsDone;
        Duration byShare = Duration.ofMillis(perPartition * (partitionsTotal - partitionsDone));
        if (quota == null) {
            return byShare;
        }
        long moreCalls = quota.calls() / partitionsDone * (partitionsTotal - partitionsDone);
        Duration byQuota = quota.timeFor(moreCalls);
        return byQuota.compareTo(byShare) > 0 ? byQuota : byShare;
    }
}
