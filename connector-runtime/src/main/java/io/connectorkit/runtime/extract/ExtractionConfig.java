package io.connectorkit.runtime.extract;

import io.connectorkit.api.config.ConfigKey;
import io.connectorkit.api.config.ConfigSpec;
import io.connectorkit.api.config.ConfigType;
import io.connectorkit.api.config.SourceConfig;
import java.time.Duration;

/**
 * Settings of content extraction, read from the host's {@code extract.*} keys.
 *
 * @param extractText whether text is extracted at all; when {@code false} documents are indexed
 *     with their hash, size and declared media type only
 * @param maxChars the most characters of text kept per document; the rest is cut and the
 *     document marked truncated
 * @param timeoutSeconds how long reading and parsing one content may take before it is abandoned
 */
public record ExtractionConfig(boolean extractText, int maxChars, int timeoutSeconds) {
    /** Key: whether to extract text. */
    public static final String TEXT = "extract.text";
    /** Key: the text limit per document. */
    public static final String MAX_CHARS = "extract.max-chars";
    /** Key: the time limit per content. */
    public static final String TIMEOUT_SECONDS = "extract.timeout-seconds";

    private static final int MIN_CHARS = 100;
    private static final int MAX_MAX_CHARS = 50_000_000;
    private static final int MAX_TIMEOUT_SECONDS = 3_600;

    /** The keys a host validates together with a connector's own. */
    public static final ConfigSpec SPEC = ConfigSpec.of(
            ConfigKey.of(TEXT, ConfigType.BOOLEAN)
                    .defaultValue("true")
                    .description("Extract text from binary content (PDF, Office, HTML, RFC 822 messages ...) with "
                            + "Apache Tika before indexing; when false, documents are indexed with their hash, size "
                            + "and declared media type only."),
            ConfigKey.of(MAX_CHARS, ConfigType.INTEGER)
                    .defaultValue("1000000")
                    .range(MIN_CHARS, MAX_MAX_CHARS)
                    .description("Text beyond this many characters is cut and the document marked truncated; "
                            + "it also bounds the memory one extraction holds."),
            ConfigKey.of(TIMEOUT_SECONDS, ConfigType.INTEGER)
                    .defaultValue("60")
                    .range(1, MAX_TIMEOUT_SECONDS)
                    .description("Reading and parsing one content that takes longer is abandoned; the document's "
                            + "metadata is still indexed and the failure recorded."));

    /**
     * Checks the ranges, so that a config built in code obeys the same rules as one read from
     * {@link #SPEC}.
     */
    public ExtractionConfig {
        if (maxChars < MIN_CHARS || maxChars > MAX_MAX_CHARS) {
            throw new IllegalArgumentException(MAX_CHARS + " is " + maxChars + "; use a value from " + MIN_CHARS
                    + " to " + MAX_MAX_CHARS);
        }
        if (timeoutSeconds < 1 || timeoutSeconds > MAX_TIMEOUT_SECONDS) {
            throw new IllegalArgumentException(TIMEOUT_SECONDS + " is " + timeoutSeconds
                    + "; use a value from 1 to " + MAX_TIMEOUT_SECONDS);
        }
    }

    /**
     * Reads the settings from a configuration validated against a spec that includes
     * {@link #SPEC} (the host's union spec).
     *
     * @param config the validated configuration
     * @return the settings
     * @throws IllegalArgumentException if the configuration's spec does not declare the keys
     */
    public static ExtractionConfig from(SourceConfig config) {
        return new ExtractionConfig(config.getBoolean(TEXT), config.getInt(MAX_CHARS), config.getInt(TIMEOUT_SECONDS));
    }

    /**
     * The documented defaults.
     *
     * @return text extraction on, 1,000,000 characters, 60 seconds
     */
    public static ExtractionConfig defaults() {
        return new ExtractionConfig(true, 1_000_000, 60);
    }

    /**
     * The time limit as a duration.
     *
     * @return {@link #timeoutSeconds()} seconds
     */
    public Duration timeout() {
        return Duration.ofSeconds(timeoutSeconds);
    }
}
