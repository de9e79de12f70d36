package io.connectorkit.mimecast;

import io.connectorkit.runtime.embedded.EmbeddedSearchNode;
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
 * {@link Extractors}. Tests isolate themselves by {@code connector.id}.
 */
final class SearchNodeExtension implements ParameterResolver {
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == EmbeddedSearchNode.class || type == Extractors.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL);
        Shared shared = store.getOrComputeIfAbsent(Shared.class, k -> new Shared(), Shared.class);
        return parameter.getParameter().getType() == EmbeddedSearchNode.class ? shared.node : shared.extractors;
    }

    private static final class Shared implements AutoCloseable {
        final EmbeddedSearchNode node;
        final Extractors extractors;

        Shared() {
            try {
                node = EmbeddedSearchNode.start(Files.createTempDirectory("mimecast-it-node-"));
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded search node for the tests", e);
            }
            ExtractionConfig tika = ExtractionConfig.defaults();
            extractors = new Extractors(ContentExtractors.create(tika),
                    ContentExtractors.create(new ExtractionConfig(false, tika.maxChars(), tika.timeoutSeconds())));
        }

        @Override
        public void close() {
            extractors.tika().close();
            extractors.metadataOnly().close();
            node.close();
        }
    }
}
