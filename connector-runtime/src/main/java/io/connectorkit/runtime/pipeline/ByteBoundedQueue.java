package io.connectorkit.runtime.pipeline;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * A FIFO queue bounded by the bytes it holds rather than by its length, so that a few large
 * documents and many small ones take the same memory. An element larger than the bound is
 * admitted when the queue is empty; zero-byte elements (markers) are always admitted.
 *
 * @param <T> the element type
 */
final class ByteBoundedQueue<T> {
    private record Entry<T>(T value, long bytes) {
    }

    private final long capacity;
    private final ArrayDeque<Entry<T>> entries = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notFull = lock.newCondition();
    private final Condition notEmpty = lock.newCondition();
    private long used;

    ByteBoundedQueue(long capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, not " + capacity);
        }
        this.capacity = capacity;
    }

    /**
     * Adds an element, waiting for room.
     *
     * @return {@code false} if {@code stop} became true while waiting (the element was not added)
     */
    boolean put(T value, long bytes, BooleanSupplier stop) throws InterruptedException {
        lock.lock();
        try {
            while (bytes > 0 && used > 0 && used + bytes > capacity) {
                if (stop.getAsBoolean()) {
                    return false;
                }
                notFull.await(100, TimeUnit.MILLISECONDS);
            }
            entries.addLast(new Entry<>(value, bytes));
            used += bytes;
            notEmpty.signal();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Takes the head, waiting up to the timeout; {@code null} if none arrived. */
    T poll(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        lock.lock();
        try {
            while (entries.isEmpty()) {
                if (nanos <= 0) {
                    return null;
                }
                nanos = notEmpty.awaitNanos(nanos);
            }
            return take();
        } finally {
            lock.unlock();
        }
    }

    /** Takes the head without waiting; {@code null} when empty. */
    T pollNow() {
        lock.lock();
        try {
            return entries.isEmpty() ? null : take();
        } finally {
            lock.unlock();
        }
    }

    private T take() {
        Entry<T> e = entries.removeFirst();
        used -= e.bytes();
        notFull.signalAll();
        return e.value();
    }
}
