package io.connectorkit.runtime.pipeline;

import static java.util.Objects.requireNonNull;

import io.connectorkit.api.ErrorKind;
import io.connectorkit.runtime.CancellationSignal;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Whether a crawl should stop, and why: the user cancelled it, or an error ended it. The first
 * error recorded is the one the report names. Thread-safe.
 */
final class CrawlStop {
    /** The error that ended the crawl. */
    private record Fatal(ErrorKind kind, String message) {
    }

    private final CancellationSignal user;
    private final AtomicBoolean aborted = new AtomicBoolean();
    private final AtomicReference<Fatal> fatal = new AtomicReference<>();

    /**
     * Creates the stop signal of one crawl.
     *
     * @param user the caller's signal
     */
    CrawlStop(CancellationSignal user) {
        this.user = requireNonNull(user, "user");
    }

    /** @return whether the crawl should stop, for any reason */
    boolean cancelled() {
        return aborted.get() || user.isCancelled();
    }

    /** @return whether the user cancelled the crawl */
    boolean userCancelled() {
        return user.isCancelled();
    }

    /**
     * Waits, returning early once the crawl should stop.
     *
     * @param millis how long at most
     * @throws InterruptedException if the thread is interrupted
     */
    void await(long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000;
        for (long left = millis; left > 0 && !cancelled(); left = (end - System.nanoTime()) / 1_000_000) {
            Thread.sleep(Math.min(left, 100));
        }
    }

    /**
     * Stops the crawl because of an error that concerns every partition (a fatal kind, a full
     * disk), and records it.
     *
     * @param kind the error's kind
     * @param message the error's message
     */
    void abort(ErrorKind kind, String message) {
        fatal(kind, message);
        aborted.set(true);
    }

    /**
     * Records the error the report names, without stopping the partitions still crawling (one
     * partition's crawl failed unexpectedly); a later error does not replace the first.
     *
     * @param kind the error's kind
     * @param message the error's message
     */
    void fatal(ErrorKind kind, String message) {
        fatal.compareAndSet(null, new Fatal(requireNonNull(kind, "kind"), message));
    }

    /** @return the kind of the error that ended the crawl, or {@code null} */
    ErrorKind fatalKind() {
        Fatal f = fatal.get();
        return f == null ? null : f.kind();
    }

    /** @return the message of the error that ended the crawl, or {@code null} */
    String fatalMessage() {
        Fatal f = fatal.get();
        return f == null ? null : f.message();
    }
}
