package io.connectorkit.runtime;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Asks a running crawl to stop. The crawl stops taking new work, commits what the index has
 * acknowledged and returns a report marked cancelled. Thread-safe; cancelling twice is harmless.
 */
public final class CancellationSignal {
    private final AtomicBoolean cancelled = new AtomicBoolean();

    /** Asks the run to stop. */
    public void cancel() {
        cancelled.set(true);
    }

    /**
     * Whether {@link #cancel()} was called.
     *
     * @return {@code true} once cancelled
     */
    public boolean isCancelled() {
        return cancelled.get();
    }
}
