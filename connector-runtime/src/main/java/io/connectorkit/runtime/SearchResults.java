package io.connectorkit.runtime;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The answer to a search.
 *
 * @param total how many documents match
 * @param hits the best matches, at most the requested size
 * @param tookMillis how long the index took
 */
public record SearchResults(long total, List<SearchHit> hits, long tookMillis) {
    /**
     * Copies the hits.
     *
     * @throws NullPointerException if {@code hits} is {@code null}
     */
    public SearchResults {
        hits = List.copyOf(requireNonNull(hits, "hits"));
    }
}
