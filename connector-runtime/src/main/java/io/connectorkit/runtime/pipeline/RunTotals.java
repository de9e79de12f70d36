package io.connectorkit.runtime.pipeline;

import io.connectorkit.runtime.CrawlProgress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** The running counts of one crawl. Thread-safe. */
final class RunTotals {
    final LongAdder upserted = new LongAdder();
    final LongAdder deletions = new LongAdder();
    final LongAdder failures = new LongAdder();
    final LongAdder bytes = new LongAdder();
    final LongAdder bulkRequests = new LongAdder();
    final LongAdder bulkNanos = new LongAdder();
    final AtomicInteger crawled = new AtomicInteger();
    final AtomicInteger failed = new AtomicInteger();
    final AtomicInteger removed = new AtomicInteger();
    private final long startNanos = System.nanoTime();
    private volatile int total;

    void total(int value) {
        total = value;
    }

    int total() {
        return total;
    }

    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    CrawlProgress progress(MetricCounters metrics) {
        return new CrawlProgress(crawled.get() + failed.get(), total, upserted.sum(), bytes.sum(), failures.sum(),
                elapsed(), metrics.snapshot());
    }
}
