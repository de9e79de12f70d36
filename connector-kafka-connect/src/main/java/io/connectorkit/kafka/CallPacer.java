package io.connectorkit.kafka;

import java.util.function.BooleanSupplier;

/**
 * Paces a task's calls to the source at its share of the credential's rate: each call reserves the
 * next slot, {@code 1 / rate} seconds after the previous one, and the calling thread waits for it.
 * The wait ends early when the task stops.
 */
final class CallPacer {
    private final long nanosPerCall;
    private final BooleanSupplier stopped;
    private long next = System.nanoTime();

    /** @param callsPerSecond the rate; 0 or less paces nothing */
    CallPacer(double callsPerSecond, BooleanSupplier stopped) {
        this.nanosPerCall = callsPerSecond > 0 ? (long) (1_000_000_000L / callsPerSecond) : 0;
        this.stopped = stopped;
    }

    /** Takes slots for {@code calls} calls and waits until the last of them is due. */
    void paced(long calls) {
        if (nanosPerCall == 0) {
            return;
        }
        long due;
        synchronized (this) {
            long now = System.nanoTime();
            // Time not used is not saved up: a burst after a pause starts from now.
            next = Math.max(next, now) + nanosPerCall * calls;
            due = next - nanosPerCall;
        }
        long wait;
        while ((wait = due - System.nanoTime()) > 0 && !stopped.getAsBoolean()) {
            try {
                Thread.sleep(Math.min(wait / 1_000_000 + 1, 200));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
