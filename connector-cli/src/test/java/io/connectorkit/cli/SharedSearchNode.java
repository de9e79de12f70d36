package io.connectorkit.cli;

import io.connectorkit.runtime.embedded.EmbeddedSearchNode;
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
 * (its data directory deleted) when the JVM's test run ends. Tests isolate themselves by
 * {@code connector.id}, which {@link CrawlConfig} prefixes with the test class, so each test has
 * indices of its own. A test may put a proxy in front of the node; it must never close or restart
 * it.
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
        return parameter.getParameter().getType() == EmbeddedSearchNode.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL);
        return store.getOrComputeIfAbsent(Holder.class, k -> new Holder(), Holder.class).node;
    }

    private static final class Holder implements AutoCloseable {
        private final Path dir;
        private final EmbeddedSearchNode node;

        Holder() {
            try {
                dir = Files.createTempDirectory("cli-it-node-");
                // It stands in for a cluster without security (sink.elasticsearch.url without credentials).
                node = EmbeddedSearchNode.startWithoutCredential(dir, 0);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded search node for the tests", e);
            }
            // Printed once per JVM: the test output shows how many nodes a run started.
            System.out.println("Shared embedded node started in " + node.startMillis() + " ms at " + node.url());
        }

        @Override
        public void close() {
            node.close();
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
