package io.connectorkit.mimecast;

import io.connectorkit.extract.MetadataOnlyContentExtractor;
import io.connectorkit.runtime.extract.ContentExtractors;
import io.connectorkit.runtime.extract.ExtractionConfig;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Supplies one pair of text {@link Extractors} per test JVM (kept in the root extension store,
 * closed when the run ends) to parameters of that type: Tika starts once, not once per test.
 */
final class SharedExtractors implements ParameterResolver {
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Extractors.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL);
        return store.getOrComputeIfAbsent(Holder.class, k -> new Holder(), Holder.class).extractors;
    }

    private static final class Holder implements AutoCloseable {
        private final Extractors extractors;

        Holder() {
            ExtractionConfig tika = ExtractionConfig.defaults();
            extractors = new Extractors(ContentExtractors.create(tika),
                    new MetadataOnlyContentExtractor(new ExtractionConfig(false, tika.maxChars(), tika.timeoutSeconds()),
                            Runtime.getRuntime().availableProcessors()));
        }

        @Override
        public void close() {
            extractors.tika().close();
            extractors.metadataOnly().close();
        }
    }
}
