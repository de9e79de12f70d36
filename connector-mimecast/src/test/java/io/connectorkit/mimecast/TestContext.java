package io.connectorkit.mimecast;

import io.connectorkit.api.ConnectorContext;
import io.connectorkit.api.ConnectorMetrics;
import io.connectorkit.api.KnownDocuments;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** A host context for tests: real clock, counters kept in memory, a chosen known-documents look-up. */
public final class TestContext implements ConnectorContext {
    private final Path temp;
    private final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();
    private volatile KnownDocuments known = KnownDocuments.none();
    private volatile boolean cancelled;

    public TestContext(Path temp) {
        this.temp = temp;
    }

    TestContext known(KnownDocuments value) {
        this.known = value;
        return this;
    }

    /** Marks the run cancelled: from now on, anything that would wait throws instead. */
    public TestContext cancel() {
        this.cancelled = true;
        return this;
    }

    public long counter(String name) {
        AtomicLong v = counters.get(name);
        return v == null ? 0 : v.get();
    }

    @Override
    public String connectorId() {
        return "test";
    }

    @Override
    public KnownDocuments knownDocuments() {
        return known;
    }

    @Override
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Override
    public ConnectorMetrics metrics() {
        return (name, delta) -> counters.computeIfAbsent(name, k -> new AtomicLong()).addAndGet(delta);
    }

    @Override
    public Path tempDirectory() {
        return temp;
    }

    @Override
    public boolean cancelled() {
        return cancelled;
    }
}
