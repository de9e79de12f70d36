package io.connectorkit.runtime.testing;

import io.connectorkit.runtime.embedded.EmbeddedSearchNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Supplies one embedded OpenSearch node per test JVM (kept in the root extension store, closed
 * when the run ends) to parameters of type {@link EmbeddedSearchNode}. Tests isolate themselves
 * by index name.
 */
public final class EmbeddedNodeExtension implements ParameterResolver {
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
        final EmbeddedSearchNode node;

        Holder() {
            try {
                // It stands in for a cluster without security (sink.elasticsearch.url without credentials).
                node = EmbeddedSearchNode.startWithoutCredential(Files.createTempDirectory("embedded-node-"), 0);
                System.out.println("Embedded node started in " + node.startMillis() + " ms at " + node.url());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            node.close();
        }
    }
}
