package io.connectorkit.extract;

import io.connectorkit.runtime.extract.ContentExtractor;
import io.connectorkit.runtime.extract.EarlierExtractions;
import io.connectorkit.runtime.extract.ExtractionConfig;
import io.connectorkit.runtime.extract.TextExtractorProvider;

/**
 * Puts Apache Tika at the host's disposal: the runtime finds this class through
 * {@code META-INF/services/io.connectorkit.runtime.extract.TextExtractorProvider} when this module
 * is on the class path, and asks it for a {@link TikaContentExtractor} when {@code extract.text}
 * is on.
 */
public final class TikaTextExtractorProvider implements TextExtractorProvider {
    @Override
    public ContentExtractor create(ExtractionConfig config, EarlierExtractions earlier) {
        return new TikaContentExtractor(config, earlier);
    }
}
