package io.connectorkit.mimecast;

import io.connectorkit.runtime.embedded.EmbeddedSearchNode;
import io.connectorkit.runtime.extract.ContentExtractor;
import io.connectorkit.runtime.extract.ContentExtractors;
import io.connectorkit.runtime.extract.ExtractionConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Supplies one embedded OpenSearch node and one text extractor per test JVM (kept in the root
 * extension store, closed when the run ends) to parameters of type {@link EmbeddedSearchNode} and
 * {@link ContentExtractor}. Tests isolate themselves by {@code connector.id}.
 */
final class SearchNodeExtension implements ParameterResolver {
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == EmbeddedSearchNode.class || type == ContentExtractor.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL);
        Shared shared = store.getOrComputeIfAbsent(Shared.class, k -> new Shared(), Shared.class);
        return parameter.getParameter().getType() == EmbeddedSearchNode.class ? shared.node : shared.extractor;
    }

    private static final class Shared implements AutoCloseable {
        final EmbeddedSearchNode node;
        final ContentExtractor extractor;

        Shared() {
            try {
                node = EmbeddedSearchNode.start(Files.createTempDirectory("mimecast-it-node-"));
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded search node for the tests", e);
            }
            extractor = ContentExtractors.create(ExtractionConfig.defaults());
        }

        @Override
        public void close() {
            extractor.close();
            node.close();
        }
    }
}
