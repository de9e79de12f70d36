package io.connectorkit.extract;

import static java.util.Objects.requireNonNull;

import io.connectorkit.api.ContentSource;
import io.connectorkit.runtime.extract.ContentExtractor;
import io.connectorkit.runtime.extract.Extraction;
import io.connectorkit.runtime.extract.ExtractionConfig;
import io.connectorkit.runtime.extract.ExtractionStats;
import java.io.IOException;
import java.io.InputStream;

/**
 * An extractor that parses nothing but hashes everything: the document keeps its declared media
 * type (without parameters), and the content is read once (under the same time limit and thread
 * bound as parsing) only to compute its SHA-256 and size. A source that declares both is not
 * opened.
 *
 * <p>The host does not choose it: with {@code extract.text=false} it records what the source
 * declares and never opens the content ({@code ContentExtractors}). This one is for a host or a
 * test that wants the hash of every content without paying for parsing.
 */
public final class MetadataOnlyContentExtractor implements ContentExtractor {
    private final ExtractionCounters counters = new ExtractionCounters();
    private final ExtractionPool pool;

    /**
     * Creates the extractor.
     *
     * @param config the time limit ({@code extract.timeout-seconds}); the other settings do not apply
     * @param threads how many contents are read at once; callers beyond block
     */
    public MetadataOnlyContentExtractor(ExtractionConfig config, int threads) {
        requireNonNull(config, "config");
        this.pool = new ExtractionPool(threads, config.timeout(), counters);
    }

    @Override
    public Extraction extract(String documentId, ContentSource source) {
        requireNonNull(documentId, "documentId");
        requireNonNull(source, "source");
        String type = DeclaredMetadata.mediaType(source);
        String sha = DeclaredMetadata.sha256(source);
        if (sha != null && source.length() >= 0) {
            return new Extraction("", type, null, false, sha, source.length(), null);
        }
        ExtractionAttempt attempt = new ExtractionAttempt(type);
        return ExtractionFailures.named(documentId, pool.run(attempt, () -> hash(source, type, attempt)));
    }

    @Override
    public ExtractionStats stats() {
        return counters.snapshot();
    }

    @Override
    public void close() {
        pool.close();
    }

    private Extraction hash(ContentSource source, String type, ExtractionAttempt attempt) {
        InputStream in = null;
        try {
            in = attempt.hold(source.open());
            SpooledContent content = SpooledContent.read(in, -1, attempt::bytesRead);
            return new Extraction("", type, null, false, content.sha256(), content.length(), null);
        } catch (IOException | RuntimeException e) {
            if (!attempt.abandoned()) {
                counters.failure();
            }
            return new Extraction("", type, null, false, null, attempt.bytesRead(), ExtractionFailures.unreadable(e));
        } finally {
            if (in != null) {
                attempt.release(in);
                try {
                    in.close();
                } catch (IOException ignored) {
                    // The hash is computed; a failing close loses nothing.
                }
            }
        }
    }
}
