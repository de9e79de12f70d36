package io.connectorkit.simulator.mimecast.faults;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A point a request stops at until the test opens it, so that a test acts at an exact moment of
 * a crawl (between two downloads, between two index requests). Used by {@link Fault#hold}; one
 * gate holds every request that reaches it, until opened.
 */
public final class Gate {
    /** How long a request waits at most, so that a test that forgets to open a gate still ends. */
    private static final Duration LIMIT = Duration.ofMinutes(5);

    private final CountDownLatch arrived = new CountDownLatch(1);
    private final CountDownLatch open = new CountDownLatch(1);

    /** A closed gate. */
    public Gate() {
    }

    /** Called by the held request: notes its arrival and waits until the gate is open. */
    public void pass() {
        arrived.countDown();
        try {
            open.await(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Waits until a request reaches the gate.
     *
     * @param timeout how long to wait at most
     * @return whether a request arrived within the timeout
     */
    public boolean awaitArrival(Duration timeout) throws InterruptedException {
        return arrived.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** @return whether a request has reached the gate */
    public boolean reached() {
        return arrived.getCount() == 0;
    }

    /** Lets every held and later request through. */
    public void open() {
        open.countDown();
    }
}
