package io.connectorkit.testkit.contract;

import io.connectorkit.api.ConnectorContext;
import io.connectorkit.api.ConnectorMetrics;
import io.connectorkit.api.KnownDocuments;
import io.connectorkit.api.Partition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

/**
 * A {@link ConnectorContext} for tests. Its {@link #knownDocuments()} answer from what the
 * emitters it made recorded so far (an upsert stores the document's version, a delete removes
 * it), as a host answers from its index; it counts metrics, can be cancelled, and owns a
 * temporary directory that {@link #close()} deletes.
 *
 * <p><b>Threading.</b> Safe to use from every crawl thread.
 */
public final class RecordingContext implements ConnectorContext, AutoCloseable {
    private final String connectorId;
    private final Clock clock;
    private final Path tempDirectory;
    private final Map<String, String> knownVersions = new ConcurrentHashMap<>();
    private final Map<String, String> knownParents = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AtomicInteger upsertsUntilCancel = new AtomicInteger(-1);
    private final LongAdder lookups = new LongAdder();

    /**
     * Creates a context.
     *
     * @param connectorId the value of {@link #connectorId()}
     * @param clock the clock the connector reads
     * @param tempDirectory an existing directory the context owns and deletes on close
     */
    public RecordingContext(String connectorId, Clock clock, Path tempDirectory) {
        this.connectorId = Objects.requireNonNull(connectorId, "connectorId");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tempDirectory = Objects.requireNonNull(tempDirectory, "tempDirectory");
    }

    /**
     * Creates a context with the system clock and a fresh temporary directory.
     *
     * @param connectorId the value of {@link #connectorId()}
     * @return the context; close it to delete its directory
     */
    public static RecordingContext create(String connectorId) {
        try {
            return new RecordingContext(connectorId, Clock.systemUTC(), Files.createTempDirectory("connector-tck-"));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a temporary directory for a test context", e);
        }
    }

    /**
     * An emitter bound to a partition whose upserts and deletes update {@link #knownDocuments()}.
     *
     * @param partition the partition about to be crawled
     * @return a fresh emitter
     */
    public RecordingEmitter emitter(Partition partition) {
        return new RecordingEmitter(partition.id(), knownVersions, knownParents, cancelled::get, this::upserted);
    }

    @Override
    public String connectorId() {
        return connectorId;
    }

    @Override
    public KnownDocuments knownDocuments() {
        return ids -> {
            lookups.add(ids.size());
            Map<String, String> found = new LinkedHashMap<>();
            for (String id : ids) {
                String version = knownVersions.get(id);
                if (version != null) {
                    found.put(id, version);
                }
            }
            return found;
        };
    }

    /**
     * What the context holds as indexed: every document upserted and not deleted since it was
     * created.
     *
     * @return id to version
     */
    public Map<String, String> knownVersions() {
        return Map.copyOf(knownVersions);
    }

    /** @return how many ids the connector looked up through {@link #knownDocuments()} so far */
    public long knownDocumentLookups() {
        return lookups.sum();
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public ConnectorMetrics metrics() {
        return (name, delta) -> counters.computeIfAbsent(name, n -> new LongAdder()).add(delta);
    }

    /** @return the metric counters reported so far, by name */
    public Map<String, Long> counters() {
        Map<String, Long> out = new TreeMap<>();
        counters.forEach((name, adder) -> out.put(name, adder.sum()));
        return out;
    }

    /**
     * One metric counter.
     *
     * @param name the counter's name, as the connector reported it
     * @return its sum so far, 0 when never reported
     */
    public long counter(String name) {
        LongAdder adder = counters.get(Objects.requireNonNull(name, "name"));
        return adder == null ? 0 : adder.sum();
    }

    @Override
    public Path tempDirectory() {
        return tempDirectory;
    }

    @Override
    public boolean cancelled() {
        return cancelled.get();
    }

    /**
     * Asks the run to stop: {@link #cancelled()} turns true and emitters throw on writes other
     * than checkpoints and failures.
     */
    public void cancel() {
        cancelled.set(true);
    }

    /**
     * Cancels the run once its emitters have recorded this many more upserts, as a host cancels
     * a run in the middle of a crawl.
     *
     * @param upserts how many upserts to let through; at least 1
     */
    public void cancelAfterUpserts(int upserts) {
        if (upserts < 1) {
            throw new IllegalArgumentException("upserts must be at least 1, was " + upserts);
        }
        upsertsUntilCancel.set(upserts);
    }

    private void upserted() {
        if (upsertsUntilCancel.get() > 0 && upsertsUntilCancel.decrementAndGet() == 0) {
            cancelled.set(true);
        }
    }

    /** Deletes the temporary directory and what the connector left in it. */
    @Override
    public void close() {
        if (!Files.exists(tempDirectory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(tempDirectory)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete the test context's directory " + tempDirectory, e);
        }
    }
}
