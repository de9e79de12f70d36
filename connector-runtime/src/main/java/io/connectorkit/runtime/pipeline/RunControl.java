package io.connectorkit.runtime.pipeline;

import static java.util.Objects.requireNonNull;

import io.connectorkit.runtime.CancellationSignal;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether a run should stop: because the user cancelled it, or because an error ended it.
 * Thread-safe.
 */
final class RunControl {
    private final CancellationSignal user;
    private final AtomicBoolean aborted = new AtomicBoolean();

    /**
     * Creates the control.
     *
     * @param user the caller's signal
     */
    RunControl(CancellationSignal user) {
        this.user = requireNonNull(user, "user");
    }

    /** @return whether the run should stop, for any reason */
    boolean cancelled() {
        return aborted.get() || user.isCancelled();
    }

    /** @return whether the user cancelled the run */
    boolean userCancelled() {
        return user.isCancelled();
    }

    /**
     * Waits, returning early once the run should stop.
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

    /** Stops the run because of an error. */
    void abort() {
        aborted.set(true);
    }
}
