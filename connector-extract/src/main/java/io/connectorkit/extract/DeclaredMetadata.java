package io.connectorkit.extract;

import io.connectorkit.api.ContentSource;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.tika.mime.MediaType;

/** What a {@link ContentSource} declares about itself, normalised. */
final class DeclaredMetadata {
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private DeclaredMetadata() {
    }

    /**
     * The SHA-256 the source declares, if it is one.
     *
     * @return lower-case hex, or {@code null} when absent or not 64 hex digits (then it is
     *     computed while reading instead)
     */
    static String sha256(ContentSource source) {
        Optional<String> declared = source.sha256();
        if (declared == null || declared.isEmpty()) {
            return null;
        }
        String hex = declared.get().strip().toLowerCase(Locale.ROOT);
        return SHA256_HEX.matcher(hex).matches() ? hex : null;
    }

    /** The declared media type without parameters, or {@code null}. */
    static String mediaType(ContentSource source) {
        Optional<String> declared = source.mediaType();
        return declared == null ? null : baseType(declared.orElse(null));
    }

    /** A lower-case media type without parameters, or {@code null} when the text is not one. */
    static String baseType(String type) {
        if (type == null || type.isBlank()) {
            return null;
        }
        MediaType parsed = MediaType.parse(type.strip());
        return parsed == null ? null : parsed.getBaseType().toString().toLowerCase(Locale.ROOT);
    }
}
