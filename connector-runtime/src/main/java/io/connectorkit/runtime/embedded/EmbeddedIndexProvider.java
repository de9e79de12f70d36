package io.connectorkit.runtime.embedded;

import io.connectorkit.api.ConnectorException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ServiceLoader;

/**
 * Runs an index inside the host's process when {@code sink.elasticsearch.url} is blank. The host
 * finds one through {@link ServiceLoader}
 * ({@code META-INF/services/io.connectorkit.runtime.embedded.EmbeddedIndexProvider}); the
 * {@code connector-embedded} module provides an OpenSearch node. It is a module of its own so that
 * a host with a cluster does not carry an OpenSearch server on its class path; without one, a
 * blank URL is a configuration error.
 *
 * <p>Implementations need a public constructor without arguments; the host calls {@link #open}
 * once per {@code Host.open}.
 */
public interface EmbeddedIndexProvider {
    /**
     * Gets the index of a data directory: the one another process already runs there, or a new
     * one of this process's own. Only one process can hold a data directory, so a second command
     * on it uses the first's.
     *
     * @param dataDir {@code sink.embedded.data-dir}
     * @return the index; closing it stops only an index this process started
     * @throws IOException if an index cannot be started there
     * @throws ConnectorException TRANSIENT, naming the fix, when another process holds the
     *     directory but its index cannot be reached
     */
    EmbeddedIndexHandle open(Path dataDir) throws IOException, ConnectorException;
}
