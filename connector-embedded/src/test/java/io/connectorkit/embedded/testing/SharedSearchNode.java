package io.connectorkit.embedded.testing;

import io.connectorkit.embedded.EmbeddedSearchNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Supplies one embedded OpenSearch node per test JVM to parameters of type
 * {@link EmbeddedSearchNode}: started on first use, kept in the root extension store and closed
 * (its data directory deleted) when the JVM's test run ends. Every module's integration tests use
 * this one, so a JVM never starts two nodes however its tests are mixed. Tests isolate themselves
 * by index name (a {@code connector.id} of their own). The node answers without a credential: it
 * stands in for a cluster without security ({@code sink.elasticsearch.url} without credentials).
 *
 * <p>A test may put a proxy in front of the node. It never closes it; a test that needs the index
 * to go away asks for a {@link NodeOutage}, which stops the node and brings it back on the same
 * data directory and port.
 *
 * <p>A test that runs a command starting an embedded node of its own ({@code demo},
 * {@code bench}) is tagged {@link #OWN_NODE}: the build runs those in a JVM per class, apart from
 * the one that holds this node, so that a JVM never runs two nodes.
 */
public final class SharedSearchNode implements ParameterResolver {
    /** Tag of the tests that start their own embedded node, run in a JVM of their own. */
    public static final String OWN_NODE = "own-node";

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == EmbeddedSearchNode.class || type == NodeOutage.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL);
        Holder holder = store.getOrComputeIfAbsent(Holder.class, k -> new Holder(), Holder.class);
        return parameter.getParameter().getType() == NodeOutage.class
                ? new NodeOutage(holder::stop, holder::restart) : holder.node;
    }

    private static final class Holder implements AutoCloseable {
        private final Path dir;
        private final int port;
        // Replaced by a restart; the URL stays the same, so earlier references still reach it.
        private volatile EmbeddedSearchNode node;
        private boolean running;

        Holder() {
            try {
                dir = Files.createTempDirectory("shared-search-node-");
                node = EmbeddedSearchNode.startWithoutCredential(dir, 0);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded search node for the tests", e);
            }
            running = true;
            port = node.port();
            // Printed once per JVM: the test output shows how many nodes a run started.
            System.out.println("Shared embedded node started in " + node.startMillis() + " ms at " + node.url());
        }

        synchronized void stop() {
            if (running) {
                running = false;
                node.close();
            }
        }

        synchronized void restart() throws IOException {
            if (!running) {
                node = EmbeddedSearchNode.startWithoutCredential(dir, port);
                running = true;
            }
        }

        @Override
        public synchronized void close() {
            stop();
            // A directory left behind wastes disk space but does not make a test wrong.
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            } catch (IOException e) {
                System.out.println("Could not delete the shared node's data in " + dir + ": " + e);
            }
        }
    }
}
