package io.connectorkit.runtime.extract;

import java.util.Optional;

/**
 * Text already extracted in an earlier run, looked up by the SHA-256 of the content (for example
 * from the index). An extractor asks it before parsing, so unchanged attachments are not parsed
 * again on every run.
 *
 * <p><b>Threading.</b> Called from every crawl thread at once; implementations are thread-safe
 * and answer quickly (one lookup, no parsing). A lookup that throws is treated as a miss.
 */
@FunctionalInterface
public interface EarlierExtractions {
    /**
     * Finds an earlier extraction of the same bytes.
     *
     * @param sha256 the SHA-256 of the content, lower-case hex
     * @return the earlier result (its {@code failure}, if any, is the reason only, without a
     *     document id), or empty when these bytes were never extracted or should be again
     */
    Optional<Extraction> find(String sha256);

    /**
     * A lookup that knows nothing, for a first run or a host without an index to ask.
     *
     * @return a lookup that always misses
     */
    static EarlierExtractions none() {
        return sha256 -> Optional.empty();
    }
}
