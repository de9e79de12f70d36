package io.connectorkit.runtime;

import io.connectorkit.api.ConnectorException;
import io.connectorkit.api.ErrorKind;
import io.connectorkit.api.KnownDocuments;
import io.connectorkit.runtime.pipeline.HostContext;
import io.connectorkit.runtime.pipeline.MetricCounters;
import io.connectorkit.runtime.pipeline.RunControl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;

/** The services of one run: counters, a private temporary directory (deleted on close), cancellation. */
final class RunScope implements AutoCloseable {
    private final RunControl control;
    private final MetricCounters metrics = new MetricCounters();
    private final Path tempDir;
    private final HostContext context;

    RunScope(String connectorId, KnownDocuments knownDocuments, Clock clock, CancellationSignal cancel)
            throws ConnectorException {
        this.control = new RunControl(cancel);
        try {
            this.tempDir = Files.createTempDirectory("connector-" + connectorId + "-");
        } catch (IOException e) {
            throw new ConnectorException(ErrorKind.TRANSIENT, "Cannot create a temporary directory: " + e.getMessage()
                    + "; check java.io.tmpdir", e);
        }
        this.context = new HostContext(connectorId, knownDocuments, clock, metrics, tempDir, control::cancelled);
    }

    RunControl control() {
        return control;
    }

    MetricCounters metrics() {
        return metrics;
    }

    HostContext context() {
        return context;
    }

    @Override
    public void close() {
        try (var paths = Files.walk(tempDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary directory is harmless.
        }
    }
}
