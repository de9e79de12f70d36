package io.connectorkit.mimecast.http;

/**
 * How the rate limiter waits. The limiter waits on its own lock, so that a call ending or a newly
 * advertised quota wakes every waiting caller early: a sleeper must release that lock while it
 * waits, as {@link Object#wait(long)} does. Tests replace it to see the waits without taking them.
 */
interface MimecastSleeper {
    /** Waits on the monitor, which the caller holds, for at most the given time or until notified. */
    MimecastSleeper ON_MONITOR = Object::wait;

    /**
     * Waits at most {@code millis}, releasing {@code monitor} meanwhile.
     *
     * @param monitor the lock the caller holds and that wakes it early when notified
     * @param millis the longest wait, at least 1
     * @throws InterruptedException if the waiting thread is interrupted
     */
    void await(Object monitor, long millis) throws InterruptedException;
}
