package io.connectorkit.runtime.extract;

import java.util.ServiceLoader;

/**
 * Text extraction that a module adds to the host, found with {@link ServiceLoader}
 * ({@code META-INF/services/io.connectorkit.runtime.extract.TextExtractorProvider}). The core
 * runtime has no parser of its own: without a provider on the class path, binary content is
 * indexed with the metadata its source declares (see {@link ContentExtractors}).
 *
 * <p>Implementations have a public no-argument constructor and are cheap to create: the work
 * (loading parsers) happens in {@link #create}.
 */
public interface TextExtractorProvider {
    /**
     * Builds an extractor of text for a host.
     *
     * @param config the host's extraction settings ({@code extract.*}); text extraction is on
     * @param earlier earlier results by SHA-256 of the content, or {@link EarlierExtractions#none()}
     * @return the extractor; its owner closes it
     */
    ContentExtractor create(ExtractionConfig config, EarlierExtractions earlier);
}
