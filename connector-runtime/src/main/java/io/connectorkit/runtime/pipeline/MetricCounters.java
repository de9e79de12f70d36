package io.connectorkit.runtime.pipeline;

import io.connectorkit.api.ConnectorMetrics;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Connector counters aggregated over every crawl thread of a run. */
final class MetricCounters implements ConnectorMetrics {
    private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();

    @Override
    public void add(String name, long delta) {
        counters.computeIfAbsent(name, n -> new LongAdder()).add(delta);
    }

    /**
     * The current values.
     *
     * @return counter name to value, sorted by name
     */
    Map<String, Long> snapshot() {
        Map<String, Long> out = new TreeMap<>();
        counters.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
