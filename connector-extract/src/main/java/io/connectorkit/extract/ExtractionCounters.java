package io.connectorkit.extract;

import io.connectorkit.runtime.extract.ExtractionStats;
import java.util.concurrent.atomic.LongAdder;

/** The live counters behind {@link ExtractionStats}; updated from every extraction thread. */
final class ExtractionCounters {
    private final LongAdder parses = new LongAdder();
    private final LongAdder cacheHits = new LongAdder();
    private final LongAdder earlierExtractionHits = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private final LongAdder timeouts = new LongAdder();
    private final LongAdder truncations = new LongAdder();

    void parse() {
        parses.increment();
    }

    void cacheHit() {
        cacheHits.increment();
    }

    void earlierExtractionHit() {
        earlierExtractionHits.increment();
    }

    void failure() {
        failures.increment();
    }

    void timeout() {
        timeouts.increment();
        failures.increment();
    }

    void truncation() {
        truncations.increment();
    }

    ExtractionStats snapshot() {
        return new ExtractionStats(parses.sum(), cacheHits.sum(), earlierExtractionHits.sum(), failures.sum(),
                timeouts.sum(), truncations.sum());
    }
}
