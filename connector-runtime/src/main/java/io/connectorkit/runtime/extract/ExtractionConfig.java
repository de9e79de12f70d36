package io.connectorkit.runtime.extract;

import io.connectorkit.api.ConfigKey;
import io.connectorkit.api.ConfigSpec;
import io.connectorkit.api.ConfigType;

/** The configuration keys of content extraction ({@code extract.*}). */
public final class ExtractionConfig {
    /** The extraction keys: {@code extract.text}, {@code extract.max-chars}, {@code extract.timeout-seconds}. */
    public static final ConfigSpec SPEC = ConfigSpec.of(
            ConfigKey.of("extract.text", ConfigType.BOOLEAN).defaultValue("true")
                    .description("Extract text from binary content before indexing."),
            ConfigKey.of("extract.max-chars", ConfigType.INTEGER).defaultValue("1000000").range(0, Integer.MAX_VALUE)
                    .description("Text beyond this is cut and the document marked truncated."),
            ConfigKey.of("extract.timeout-seconds", ConfigType.INTEGER).defaultValue("60").range(1, 86_400)
                    .description("A parse that takes longer is abandoned; metadata is still indexed."));

    private ExtractionConfig() {
    }
}
