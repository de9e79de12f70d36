package io.connectorkit.embedded;

import io.connectorkit.api.ConnectorException;
import io.connectorkit.runtime.embedded.EmbeddedIndexHandle;
import io.connectorkit.runtime.embedded.EmbeddedIndexProvider;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The embedded index the host finds through {@code ServiceLoader} when {@code sink.elasticsearch.url}
 * is blank: an {@link EmbeddedSearchNode} on the data directory, or the one another process runs
 * there ({@link EmbeddedIndex}).
 */
public final class EmbeddedSearchNodeProvider implements EmbeddedIndexProvider {
    /** Called by {@code ServiceLoader}. */
    public EmbeddedSearchNodeProvider() {
    }

    @Override
    public EmbeddedIndexHandle open(Path dataDir) throws IOException, ConnectorException {
        return EmbeddedIndex.open(dataDir);
    }
}
