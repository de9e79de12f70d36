package io.connectorkit.runtime.extract;

/**
 * What an extractor has done since it was created: a snapshot of its counters. Counters count
 * work: a result served again from the cache counts as a cache hit only, not as another failure
 * or truncation.
 *
 * @param parses contents handed to a parser
 * @param cacheHits results reused from this run's cache (or from a parse of the same bytes that
 *     was still running), without parsing again
 * @param earlierExtractionHits results reused from {@link EarlierExtractions}, without parsing
 * @param failures contents that could not be read or parsed, timeouts included
 * @param timeouts contents abandoned after {@code extract.timeout-seconds}
 * @param truncations parses whose text was cut at {@code extract.max-chars} or at the limits on
 *     embedded documents
 */
public record ExtractionStats(long parses, long cacheHits, long earlierExtractionHits, long failures, long timeouts,
        long truncations) {
    /** No work done. */
    public static final ExtractionStats NONE = new ExtractionStats(0, 0, 0, 0, 0, 0);
}
