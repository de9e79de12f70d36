package io.connectorkit.extract;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import org.apache.tika.detect.Detector;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;

/**
 * Tika's detector, remembering its answer for a top-level content: the extractor detects the
 * type before parsing (to report it and to treat plain text apart), and the parser would otherwise
 * run the same magic-byte detection over the same bytes again, which costs as much as the first
 * time. Embedded documents come with their own metadata and are detected as usual.
 */
final class DetectedTypeDetector implements Detector {
    private static final long serialVersionUID = 1L;
    /** The metadata key under which {@link #detect} leaves its answer for the parse that follows. */
    private static final String DETECTED = "X-Connectorkit-Detected-Type";

    private final Detector delegate;

    DetectedTypeDetector(Detector delegate) {
        this.delegate = requireNonNull(delegate, "delegate");
    }

    /**
     * Detects the type and leaves it in the metadata, so that the parse of the same content with
     * the same metadata does not detect it again.
     */
    MediaType detectOnce(InputStream input, Metadata metadata) throws IOException {
        MediaType type = delegate.detect(input, metadata);
        metadata.set(DETECTED, type.toString());
        return type;
    }

    @Override
    public MediaType detect(InputStream input, Metadata metadata) throws IOException {
        String known = metadata == null ? null : metadata.get(DETECTED);
        if (known == null) {
            return delegate.detect(input, metadata);
        }
        // Used once: a later detection with this metadata (a parser's own) sees the bytes afresh.
        metadata.remove(DETECTED);
        MediaType type = MediaType.parse(known);
        return type != null ? type : delegate.detect(input, metadata);
    }
}
