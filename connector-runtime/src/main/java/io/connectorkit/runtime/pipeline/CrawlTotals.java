package io.connectorkit.runtime.pipeline;

import io.connectorkit.api.ItemFailure;
import io.connectorkit.runtime.CrawlProgress;
import io.connectorkit.runtime.FailedItem;
import io.connectorkit.runtime.FailedPartition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** The running counts of one crawl. Thread-safe. */
final class CrawlTotals {
    final LongAdder upserted = new LongAdder();
    final LongAdder deletions = new LongAdder();
    final LongAdder failures = new LongAdder();
    final LongAdder bytes = new LongAdder();
    final LongAdder bulkRequests = new LongAdder();
    final LongAdder bulkNanos = new LongAdder();
    final AtomicInteger crawled = new AtomicInteger();
    final AtomicInteger failed = new AtomicInteger();
    final AtomicInteger removed = new AtomicInteger();
    /** How many item failures a crawl keeps by name for its report; the count stays exact. */
    static final int NAMED_FAILURES = 20;
    private final long startNanos = System.nanoTime();
    private final List<FailedItem> named = new ArrayList<>();
    private final List<FailedPartition> failedPartitions = new ArrayList<>();
    private volatile int total;

    /** Counts an item failure and keeps it by name, up to {@link #NAMED_FAILURES}. */
    void failure(String partition, ItemFailure failure) {
        failures.increment();
        synchronized (named) {
            if (named.size() < NAMED_FAILURES) {
                named.add(new FailedItem(partition, failure));
            }
        }
    }

    /** The first item failures of the crawl, in the order they were recorded. */
    void partitionFailed(String partition, String reason) {
        synchronized (failedPartitions) {
            failedPartitions.add(new FailedPartition(partition, reason));
        }
    }

    List<FailedPartition> failedPartitions() {
        synchronized (failedPartitions) {
            return List.copyOf(failedPartitions);
        }
    }

    List<FailedItem> namedFailures() {
        synchronized (named) {
            return List.copyOf(named);
        }
    }

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
