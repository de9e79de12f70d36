package io.connectorkit.runtime.extract;

import static java.util.Objects.requireNonNull;

import io.connectorkit.api.config.ConfigProblem;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Builds the host's {@link ContentExtractor} from its settings: the installed
 * {@link TextExtractorProvider} (Apache Tika, from {@code connector-extract}) when
 * {@code extract.text} is on, else one that records the media type, hash and size the source
 * declares without opening the content (the document is still indexed with its metadata).
 *
 * <p>Without a provider on the class path, text extraction is simply not available: a host that
 * leaves {@code extract.text} at its default indexes metadata only (and says so once in the log),
 * while a configuration that sets {@code extract.text=true} is refused by {@link #problems}, since
 * its author expects text that would never be there.
 */
public final class ContentExtractors {
    private static final Logger LOG = LogManager.getLogger(ContentExtractors.class);
    /** The module that provides text extraction, as a configuration problem names it. */
    static final String EXTRACT_MODULE = "connector-extract";

    private ContentExtractors() {
    }

    /**
     * Creates the extractor for a host that has no earlier text to reuse.
     *
     * @param config the settings
     * @return the extractor; close it when the host closes
     */
    public static ContentExtractor create(ExtractionConfig config) {
        return create(config, EarlierExtractions.none());
    }

    /**
     * Creates the extractor, reusing earlier text by content hash.
     *
     * @param config the settings
     * @param earlier earlier results by SHA-256, such as the index's
     * @return the extractor; close it when the host closes
     * @throws IllegalStateException if more than one text extractor is installed
     */
    public static ContentExtractor create(ExtractionConfig config, EarlierExtractions earlier) {
        requireNonNull(config, "config");
        requireNonNull(earlier, "earlier");
        if (!config.extractText()) {
            return new DeclaredMetadataExtractor();
        }
        Optional<TextExtractorProvider> provider = installed();
        if (provider.isEmpty()) {
            LOG.info("No text extractor is installed ({} is not on the class path): binary content is indexed with"
                    + " its declared media type, hash and size only", EXTRACT_MODULE);
            return new DeclaredMetadataExtractor();
        }
        return provider.get().create(config, earlier);
    }

    /**
     * Whether text can be extracted: a {@link TextExtractorProvider} is on the class path.
     *
     * @return {@code true} when one is installed
     * @throws IllegalStateException if more than one is installed
     */
    public static boolean textExtractionInstalled() {
        return installed().isPresent();
    }

    /**
     * The problem of a configuration that asks for text extraction explicitly when no text
     * extractor is installed; the default ({@code extract.text} unset) is not one.
     *
     * @param values the configuration as given, before defaults are applied
     * @return the problem, or nothing
     */
    public static List<ConfigProblem> problems(Map<String, String> values) {
        requireNonNull(values, "values");
        String given = values.get(ExtractionConfig.TEXT);
        if (given == null || !given.strip().toLowerCase(Locale.ROOT).equals("true") || textExtractionInstalled()) {
            return List.of();
        }
        return List.of(new ConfigProblem(ExtractionConfig.TEXT, given, "no text extractor is installed; add "
                + EXTRACT_MODULE + " (Apache Tika) to the class path, or set " + ExtractionConfig.TEXT
                + "=false to index binary content with its metadata only"));
    }

    private static Optional<TextExtractorProvider> installed() {
        List<TextExtractorProvider> found = ServiceLoader.load(TextExtractorProvider.class,
                ContentExtractors.class.getClassLoader()).stream().map(ServiceLoader.Provider::get).toList();
        if (found.size() > 1) {
            throw new IllegalStateException("Two text extractors are installed: " + found.get(0).getClass().getName()
                    + " and " + found.get(1).getClass().getName() + "; remove one of them from the class path");
        }
        return found.stream().findFirst();
    }
}
