package io.connectorkit.cli;

import io.connectorkit.api.ConnectorException;
import io.connectorkit.api.SourceConfig;
import io.connectorkit.runtime.ConnectorRegistry;
import io.connectorkit.runtime.Host;
import io.connectorkit.runtime.extract.ContentExtractor;
import io.connectorkit.runtime.extract.ContentExtractors;
import io.connectorkit.runtime.extract.ExtractionConfig;
import java.util.Objects;

/**
 * A {@link Host} together with the text extractor it borrows, closed together: what every
 * command that works on a configured source opens.
 */
public final class OpenHost implements AutoCloseable {
    private final Host host;
    private final ContentExtractor extractor;

    private OpenHost(Host host, ContentExtractor extractor) {
        this.host = Objects.requireNonNull(host, "host");
        this.extractor = Objects.requireNonNull(extractor, "extractor");
    }

    /**
     * Opens the host of a configured source: starts the embedded index when no cluster is set.
     *
     * @param source the validated configuration
     * @param registry the installed connectors
     * @return the open host; close it
     * @throws ConnectorException if the index cannot be reached or prepared
     */
    public static OpenHost open(SourceConfig source, ConnectorRegistry registry) throws ConnectorException {
        ContentExtractor extractor = ContentExtractors.create(ExtractionConfig.from(source));
        try {
            return new OpenHost(Host.open(source, registry, extractor), extractor);
        } catch (ConnectorException | RuntimeException e) {
            extractor.close();
            throw e;
        }
    }

    /** @return the host */
    public Host host() {
        return host;
    }

    @Override
    public void close() {
        try {
            host.close();
        } finally {
            extractor.close();
        }
    }
}
