package io.connectorkit.kafka;

import io.connectorkit.api.ConnectorContext;
import io.connectorkit.api.ConnectorMetrics;
import io.connectorkit.api.KnownDocuments;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * What the plugin offers a connector in a Connect connector or task: its source id, a private
 * temporary directory (deleted on close), the stop signal, the pacing of its calls, and the
 * look-up of known documents when the source may read the index (none otherwise).
 */
final class TaskContext implements ConnectorContext, AutoCloseable {
    private final String connectorId;
    private final Path temp;
    private final AtomicBoolean cancelled = new AtomicBoolean();

    private final CallPacer pacer;
    private final KnownDocuments known;
    private final java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.atomic.LongAdder> counters =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * @param connectorId the source id
     * @param callsPerSecond this task's share of the source's call rate; 0 for no pacing
     */
    TaskContext(String connectorId, double callsPerSecond) {
        this(connectorId, callsPerSecond, KnownDocuments.none());
    }

    /**
     * @param connectorId the source id
     * @param callsPerSecond this task's share of the source's call rate; 0 for no pacing
     * @param known what the index holds, for skipping unchanged items
     */
    TaskContext(String connectorId, double callsPerSecond, KnownDocuments known) {
        this.connectorId = connectorId;
        this.known = known;
        this.pacer = new CallPacer(callsPerSecond, cancelled::get);
        try {
            this.temp = Files.createTempDirectory("connectorkit-" + connectorId + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary directory for source '" + connectorId
                    + "': check java.io.tmpdir of the Connect worker", e);
        }
    }

    @Override
    public String connectorId() {
        return connectorId;
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
        return (name, delta) -> {
            counters.computeIfAbsent(name, k -> new java.util.concurrent.atomic.LongAdder()).add(delta);
            if (ConnectorMetrics.CALLS.equals(name) && delta > 0) {
                pacer.paced(delta);
            }
        };
    }

    /** @return the counter, 0 when never added to */
    long counter(String name) {
        java.util.concurrent.atomic.LongAdder a = counters.get(name);
        return a == null ? 0 : a.sum();
    }

    @Override
    public Path tempDirectory() {
        return temp;
    }

    @Override
    public boolean cancelled() {
        return cancelled.get();
    }

    void cancel() {
        cancelled.set(true);
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(temp)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Best effort: the directory is under java.io.tmpdir.
        }
    }
}
