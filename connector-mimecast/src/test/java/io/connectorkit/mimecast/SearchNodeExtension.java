package io.connectorkit.mimecast;

import io.connectorkit.extract.MetadataOnlyContentExtractor;
import io.connectorkit.runtime.embedded.EmbeddedSearchNode;
import io.connectorkit.runtime.extract.ContentExtractors;
import io.connectorkit.runtime.extract.ExtractionConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Supplies one embedded OpenSearch node and one text extractor per test JVM (kept in the root
 * extension store, closed when the run ends) to parameters of type {@link EmbeddedSearchNode} and
 * {@link Extractors}, and a {@link NodeOutage} that stops and restarts that node on the same data
 * directory and port. Tests isolate themselves by {@code connector.id}.
 */
final class SearchNodeExtension implements ParameterResolver {
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == EmbeddedSearchNode.class || type == Extractors.class || type == NodeOutage.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL);
        Shared shared = store.getOrComputeIfAbsent(Shared.class, k -> new Shared(), Shared.class);
        Class<?> type = parameter.getParameter().getType();
        if (type == NodeOutage.class) {
            return new NodeOutage(shared::stop, shared::restart);
        }
        return type == EmbeddedSearchNode.class ? shared.node : shared.extractors;
    }

    private static final class Shared implements AutoCloseable {
        private final Path dir;
        private final int port;
        private final Extractors extractors;
        // Replaced by a restart; the URL stays the same, so earlier references still reach it.
        private volatile EmbeddedSearchNode node;
        private volatile boolean running;

        Shared() {
            try {
                dir = Files.createTempDirectory("mimecast-it-node-");
                // It stands in for a cluster without security (sink.elasticsearch.url without credentials).
                node = EmbeddedSearchNode.startWithoutCredential(dir, 0);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded search node for the tests", e);
            }
            running = true;
            port = node.port();
            ExtractionConfig tika = ExtractionConfig.defaults();
            extractors = new Extractors(ContentExtractors.create(tika),
                    new MetadataOnlyContentExtractor(new ExtractionConfig(false, tika.maxChars(), tika.timeoutSeconds()),
                            Runtime.getRuntime().availableProcessors()));
        }

        synchronized void stop() {
            if (running) {
                running = false;
                node.close();
            }
        }

        synchronized void restart() throws IOException {
            if (!running) {
                // It stands in for a cluster without security (sink.elasticsearch.url without credentials).
                node = EmbeddedSearchNode.startWithoutCredential(dir, port);
                running = true;
            }
        }

        @Override
        public synchronized void close() {
            extractors.tika().close();
            extractors.metadataOnly().close();
            stop();
        }
    }
}
