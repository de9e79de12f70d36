package io.connectorkit.api;

import java.util.Collection;
import java.util.Map;

/**
 * What the index already holds. A connector asks before downloading content, so that a full
 * re-crawl of an unchanged source downloads nothing.
 *
 * <p><b>Threading.</b> Safe to call from any crawl thread; the host bounds how many look-ups run
 * at once, so a call may wait.
 */
public interface KnownDocuments {
    /**
     * Looks up the stored versions of documents.
     *
     * @param documentIds ids to look up (a page's worth, typically at most a few hundred)
     * @return for each id that exists in the index, its stored {@link Document#version()};
     *     ids that are not indexed are absent
     * @throws ConnectorException of kind {@link ErrorKind#TRANSIENT} if the index cannot be
     *     queried; a connector may then treat every document as unknown
     */
    Map<String, String> versions(Collection<String> documentIds) throws ConnectorException;

    /**
     * A look-up that knows nothing: every document is new. For hosts without an index and tests.
     *
     * @return an empty look-up
     */
    static KnownDocuments none() {
        return ids -> Map.of();
    }
}
