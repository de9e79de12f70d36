package io.connectorkit.extract;

import static java.util.Objects.requireNonNull;

import io.connectorkit.runtime.extract.Extraction;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads extraction runs on, and its time limit. At most {@code threads} extractions run at
 * once; further callers block until one finishes, so extraction slows crawling down rather than
 * starving it of CPU or memory. A caller waits at most the timeout, then abandons the worker
 * (interrupts it and closes its streams). A worker that ignores both keeps its thread until it
 * ends; up to {@code threads} such workers are tolerated beside the running ones, after which
 * extractions fail fast instead of piling up threads.
 */
final class ExtractionPool implements AutoCloseable {
    private static final int SUBMIT_RETRIES = 50;
    private static final long SUBMIT_RETRY_MILLIS = 10;

    private final Semaphore permits;
    private final ThreadPoolExecutor executor;
    private final Duration timeout;
    private final ExtractionCounters counters;

    ExtractionPool(int threads, Duration timeout, ExtractionCounters counters) {
        if (threads < 1) {
            throw new IllegalArgumentException("Extraction threads is " + threads + "; use at least 1");
        }
        this.timeout = requireNonNull(timeout, "timeout");
        this.counters = requireNonNull(counters, "counters");
        this.permits = new Semaphore(threads, true);
        this.executor = new ThreadPoolExecutor(threads, threads * 2, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                daemonThreads());
        this.executor.allowCoreThreadTimeOut(true);
    }

    /**
     * Runs one extraction on the pool and waits for it, at most the timeout.
     *
     * @param attempt the attempt's shared state, for the answer on timeout
     * @param work reads and parses; returns the result with a reason-only failure
     * @return the result, or a failure result on timeout, interruption or a crashed worker
     */
    Extraction run(ExtractionAttempt attempt, Callable<Extraction> work) {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(attempt, "the crawl was stopped before extraction started");
        }
        try {
            Future<Extraction> future = submit(work);
            if (future == null) {
                return failed(attempt, executor.isShutdown() ? "the extractor is closed"
                        : "every extraction thread is held by an earlier parse that ignored its timeout");
            }
            try {
                return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                counters.timeout();
                Extraction answer = answer(attempt, ExtractionFailures.timedOut((int) timeout.toSeconds(),
                        attempt.isParsing()));
                // Abandon before interrupting, so the worker knows its failure is no longer its own to count.
                attempt.abandon(answer);
                future.cancel(true);
                return answer;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                Extraction answer = failed(attempt, "the crawl was stopped during extraction");
                attempt.abandon(answer);
                future.cancel(true);
                return answer;
            } catch (ExecutionException e) {
                // Work converts every exception to a result itself; this is an Error such as OutOfMemoryError.
                return failed(attempt, "the extraction crashed (" + ExtractionFailures.detail(e.getCause()) + ")");
            }
        } finally {
            permits.release();
        }
    }

    /**
     * Submits work, or returns {@code null} when the pool is closed or full. A thread that has
     * just finished may not yet be waiting for work, so a full pool is retried briefly before it
     * counts as held by abandoned parses.
     */
    private Future<Extraction> submit(Callable<Extraction> work) {
        for (int attempt = 0; ; attempt++) {
            try {
                return executor.submit(work);
            } catch (RejectedExecutionException e) {
                if (executor.isShutdown() || attempt >= SUBMIT_RETRIES) {
                    return null;
                }
                try {
                    Thread.sleep(SUBMIT_RETRY_MILLIS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            }
        }
    }

    private Extraction failed(ExtractionAttempt attempt, String reason) {
        counters.failure();
        return answer(attempt, reason);
    }

    private static Extraction answer(ExtractionAttempt attempt, String reason) {
        return new Extraction("", attempt.mediaType(), null, false, attempt.sha256(), attempt.bytesRead(), reason);
    }

    /** Stops accepting work and interrupts running workers. Idempotent. */
    @Override
    public void close() {
        executor.shutdownNow();
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger next = new AtomicInteger();
        return runnable -> {
            Thread t = new Thread(runnable, "connectorkit-extract-" + next.incrementAndGet());
            // Never keep the JVM alive for a parse nobody waits for any more.
            t.setDaemon(true);
            return t;
        };
    }
}
