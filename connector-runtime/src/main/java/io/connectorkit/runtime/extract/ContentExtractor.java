package io.connectorkit.runtime.extract;

import io.connectorkit.api.ContentSource;

/**
 * Turns a document's binary content into searchable text. The crawl pipeline calls it from
 * {@code Emitter.upsert}, before the document is queued for the index, so the connector may
 * release the content as soon as {@code upsert} returns.
 *
 * <p><b>Threading.</b> Called from every crawl thread at once. Implementations bound their own
 * concurrency, time and memory; a call may block while the extraction pool is busy.
 *
 * <p><b>Errors.</b> Never throws for bad content: a parser that fails or times out yields an
 * {@link Extraction} with {@link Extraction#failure()} set, and the document is still indexed
 * with its metadata.
 */
public interface ContentExtractor extends AutoCloseable {
    /**
     * Extracts text from the content.
     *
     * @param documentId the document the content belongs to (for messages and failures)
     * @param source the content; opened at most once, closed before this returns
     * @return the result, never {@code null}
     */
    Extraction extract(String documentId, ContentSource source);

    /**
     * What this extractor has done so far: parses, cache hits, failures, timeouts, truncations.
     *
     * @return a snapshot of the counters; {@link ExtractionStats#NONE} for an extractor that
     *     keeps none
     */
    default ExtractionStats stats() {
        return ExtractionStats.NONE;
    }

    /** Stops the extraction pool. Idempotent. */
    @Override
    void close();
}
