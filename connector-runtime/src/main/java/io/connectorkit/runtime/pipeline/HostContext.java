package io.connectorkit.runtime.pipeline;

import static java.util.Objects.requireNonNull;

import io.connectorkit.api.ConnectorContext;
import io.connectorkit.api.ConnectorMetrics;
import io.connectorkit.api.KnownDocuments;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.BooleanSupplier;

/** The host's services for one run of a connector. */
public final class HostContext implements ConnectorContext {
    private final String connectorId;
    private final KnownDocuments knownDocuments;
    private final Clock clock;
    private final ConnectorMetrics metrics;
    private final Path tempDirectory;
    private final BooleanSupplier cancelled;

    /**
     * Creates the context.
     *
     * @param connectorId the source id
     * @param knownDocuments the index look-up
     * @param clock the clock
     * @param metrics the counters
     * @param tempDirectory an existing directory private to the run
     * @param cancelled whether the run should stop
     */
    public HostContext(String connectorId, KnownDocuments knownDocuments, Clock clock, ConnectorMetrics metrics,
            Path tempDirectory, BooleanSupplier cancelled) {
        this.connectorId = requireNonNull(connectorId, "connectorId");
        this.knownDocuments = requireNonNull(knownDocuments, "knownDocuments");
        this.clock = requireNonNull(clock, "clock");
        this.metrics = requireNonNull(metrics, "metrics");
        this.tempDirectory = requireNonNull(tempDirectory, "tempDirectory");
        this.cancelled = requireNonNull(cancelled, "cancelled");
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

    @Override
    public Path tempDirectory() {
        return tempDirectory;
    }

    @Override
    public boolean cancelled() {
        return cancelled.getAsBoolean();
    }
}
