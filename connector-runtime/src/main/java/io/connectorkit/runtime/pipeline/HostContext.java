package io.connectorkit.runtime.pipeline;

import static java.util.Objects.requireNonNull;

import io.connectorkit.api.ConnectorContext;
import io.connectorkit.api.ConnectorException;
import io.connectorkit.api.ConnectorMetrics;
import io.connectorkit.api.ErrorKind;
import io.connectorkit.api.KnownDocuments;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.function.BooleanSupplier;

/**
 * The host's services for one call of a connector (a crawl, a check, a preview): the index
 * look-up, the clock, counters, and a temporary directory private to the call, deleted on close.
 */
final class HostContext implements ConnectorContext, AutoCloseable {
    private final String connectorId;
    private final KnownDocuments knownDocuments;
    private final Clock clock;
    private final MetricCounters metrics = new MetricCounters();
    private final Path tempDirectory;
    private final BooleanSupplier cancelled;

    private HostContext(String connectorId, KnownDocuments knownDocuments, Clock clock, Path tempDirectory,
            BooleanSupplier cancelled) {
        this.connectorId = connectorId;
        this.knownDocuments = knownDocuments;
        this.clock = clock;
        this.tempDirectory = tempDirectory;
        this.cancelled = cancelled;
    }

    /**
     * Creates the context and its temporary directory.
     *
     * @param connectorId the source id
     * @param knownDocuments the index look-up
     * @param clock the clock
     * @param cancelled whether the call should stop
     * @return the context; close it
     * @throws ConnectorException if the temporary directory cannot be created
     */
    static HostContext open(String connectorId, KnownDocuments knownDocuments, Clock clock, BooleanSupplier cancelled)
            throws ConnectorException {
        requireNonNull(connectorId, "connectorId");
        requireNonNull(knownDocuments, "knownDocuments");
        requireNonNull(clock, "clock");
        requireNonNull(cancelled, "cancelled");
        Path tempDirectory;
        try {
            tempDirectory = Files.createTempDirectory("connector-" + connectorId + "-");
        } catch (IOException e) {
            throw new ConnectorException(ErrorKind.TRANSIENT, "Cannot create a temporary directory: " + e.getMessage()
                    + "; check java.io.tmpdir", e);
        }
        return new HostContext(connectorId, knownDocuments, clock, tempDirectory, cancelled);
    }

    @Override
    public String connectorId() {
        return connectorId;
    }

    @Override
    public KnownDocuments knownDocuments() {
        return knownDocuments;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public ConnectorMetrics metrics() {
        return metrics;
    }

    /** @return the counters, for the report */
    MetricCounters counters() {
        return metrics;
    }

    @Override
    public Path tempDirectory() {
        return tempDirectory;
    }

    @Override
    public boolean cancelled() {
        return cancelled.getAsBoolean();
    }

    /** Deletes the temporary directory and what the connector left in it. */
    @Override
    public void close() {
        try (var paths = Files.walk(tempDirectory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary directory is harmless.
        }
    }
}
