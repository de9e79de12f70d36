package io.connectorkit.runtime.extract;

import static java.util.Objects.requireNonNull;

/**
 * Builds the host's {@link ContentExtractor} from its settings: Apache Tika when
 * {@code extract.text} is on, else an extractor that records hash, size and declared media type
 * without parsing (the document is still indexed with its metadata).
 */
public final class ContentExtractors {
    private ContentExtractors() {
    }

    /**
     * Creates the extractor for a run that has no earlier text to reuse.
     *
     * @param config the settings
     * @return the extractor; close it when the run ends
     */
    public static ContentExtractor create(ExtractionConfig config) {
        return create(config, KnownText.none());
    }

    /**
     * Creates the extractor, reusing earlier text by content hash.
     *
     * @param config the settings
     * @param knownText earlier results by SHA-256, such as the index's
     * @return the extractor; close it when the run ends
     */
    public static ContentExtractor create(ExtractionConfig config, KnownText knownText) {
        requireNonNull(config, "config");
        requireNonNull(knownText, "knownText");
        int threads = Runtime.getRuntime().availableProcessors();
        return config.extractText()
                ? new TikaContentExtractor(config, knownText)
                : new MetadataOnlyContentExtractor(config, threads);
    }
}
