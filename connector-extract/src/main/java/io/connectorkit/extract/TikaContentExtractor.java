package io.connectorkit.extract;

import static java.util.Objects.requireNonNull;

import io.connectorkit.api.ContentSource;
import io.connectorkit.runtime.extract.ContentExtractor;
import io.connectorkit.runtime.extract.EarlierExtractions;
import io.connectorkit.runtime.extract.Extraction;
import io.connectorkit.runtime.extract.ExtractionConfig;
import io.connectorkit.runtime.extract.ExtractionStats;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CompletableFuture;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;

/**
 * Extracts text with Apache Tika, bounded in threads, time, memory and nesting (see
 * {@code docs/extraction.md}). Content is read once into memory or a temporary file while its
 * SHA-256 is computed; equal bytes are then parsed once per run (the cache), or not at all when
 * {@link EarlierExtractions} already has their text. When the source declares its SHA-256, a known
 * result is returned without even opening the content.
 *
 * <p>Thread-safe; meant to be shared by every crawl thread of a host.
 */
public final class TikaContentExtractor implements ContentExtractor {
    /** Contents up to this size are held in memory while parsed; larger ones go to a temporary file. */
    static final int MEMORY_LIMIT = 1024 * 1024;
    /** Default bound of the result cache, in characters of text (about 32 MB of heap). */
    static final long DEFAULT_CACHE_CHARS = 16_000_000L;

    private final TikaTextParser tika;
    private final ExtractionCounters counters = new ExtractionCounters();
    private final ExtractionReuse reuse;
    private final ExtractionPool pool;

    /**
     * Creates an extractor with one thread per processor and the default cache.
     *
     * @param config the limits
     * @param earlier earlier results by hash, or {@link EarlierExtractions#none()}
     */
    public TikaContentExtractor(ExtractionConfig config, EarlierExtractions earlier) {
        this(config, earlier, Runtime.getRuntime().availableProcessors(), DEFAULT_CACHE_CHARS);
    }

    /**
     * Creates an extractor.
     *
     * @param config the limits
     * @param earlier earlier results by hash, or {@link EarlierExtractions#none()}
     * @param threads how many contents are read and parsed at once; callers beyond block
     * @param cacheChars the most characters of text the result cache holds
     */
    public TikaContentExtractor(ExtractionConfig config, EarlierExtractions earlier, int threads, long cacheChars) {
        requireNonNull(config, "config");
        requireNonNull(earlier, "earlier");
        this.tika = new TikaTextParser(config.maxChars());
        this.reuse = new ExtractionReuse(new ExtractionCache(cacheChars), earlier, counters, config.timeoutSeconds());
        this.pool = new ExtractionPool(threads, config.timeout(), counters);
    }

    @Override
    public Extraction extract(String documentId, ContentSource source) {
        requireNonNull(documentId, "documentId");
        requireNonNull(source, "source");
        String declaredSha = DeclaredMetadata.sha256(source);
        if (declaredSha != null) {
            Extraction earlier = reuse.earlier(declaredSha, true);
            if (earlier != null) {
                return ExtractionFailures.named(documentId, earlier);
            }
        }
        ExtractionAttempt attempt = new ExtractionAttempt(DeclaredMetadata.mediaType(source));
        return ExtractionFailures.named(documentId, pool.run(attempt, () -> readAndParse(source, attempt)));
    }

    @Override
    public ExtractionStats stats() {
        return counters.snapshot();
    }

    @Override
    public void close() {
        pool.close();
    }

    /** Runs on a pool thread. */
    private Extraction readAndParse(ContentSource source, ExtractionAttempt attempt) {
        SpooledContent content;
        InputStream in = null;
        try {
            in = attempt.hold(source.open());
            content = SpooledContent.read(in, MEMORY_LIMIT, attempt::bytesRead);
        } catch (IOException | RuntimeException e) {
            countFailure(attempt);
            return new Extraction("", attempt.mediaType(), null, false, null, attempt.bytesRead(),
                    ExtractionFailures.unreadable(e));
        } finally {
            closeQuietly(in, attempt);
        }
        try (content) {
            String sha = content.sha256();
            attempt.contentRead(sha, content.length());
            Extraction earlier = reuse.earlier(sha, false);
            if (earlier != null) {
                return earlier;
            }
            CompletableFuture<Extraction> mine = new CompletableFuture<>();
            Extraction shared = reuse.claim(sha, mine);
            if (shared != null) {
                return shared;
            }
            attempt.onAbandon(answer -> reuse.finish(sha, mine, answer));
            Extraction result = parse(source, content, attempt);
            reuse.finish(sha, mine, result);
            return result;
        }
    }

    private Extraction parse(ContentSource source, SpooledContent content, ExtractionAttempt attempt) {
        Metadata metadata = new Metadata();
        source.fileName().ifPresent(name -> metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name));
        source.mediaType().ifPresent(type -> metadata.set(Metadata.CONTENT_TYPE, type));
        TikaInputStream in = null;
        try {
            in = attempt.hold(content.open());
            String type = tika.detect(in, metadata);
            attempt.parsing(type);
            if (content.length() == 0) {
                return new Extraction("", type, null, false, content.sha256(), 0, null);
            }
            counters.parse();
            TikaTextParser.Parsed parsed = tika.parse(in, metadata, "text/plain".equals(type));
            if (parsed.truncated()) {
                counters.truncation();
            }
            if (parsed.failure() != null) {
                countFailure(attempt);
            }
            return new Extraction(parsed.text(), type, null, parsed.truncated(), content.sha256(), content.length(),
                    parsed.failure());
        } catch (IOException | RuntimeException e) {
            countFailure(attempt);
            return new Extraction("", attempt.mediaType(), null, false, content.sha256(), content.length(),
                    ExtractionFailures.parserFailed(attempt.mediaType(), e));
        } finally {
            closeQuietly(in, attempt);
        }
    }

    /** A worker abandoned on timeout fails by being interrupted; the timeout already counted. */
    private void countFailure(ExtractionAttempt attempt) {
        if (!attempt.abandoned()) {
            counters.failure();
        }
    }

    private static void closeQuietly(InputStream in, ExtractionAttempt attempt) {
        if (in == null) {
            return;
        }
        attempt.release(in);
        try {
            in.close();
        } catch (IOException ignored) {
            // Everything needed was read; a failing close loses nothing.
        }
    }
}
