package io.connectorkit.runtime.index;

import io.connectorkit.runtime.SearchResults;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The content index as the host reads it: the read port. The versions of known documents for
 * connectors ({@link IndexKnownDocuments}), the counts per partition for {@code status}, and
 * search. Every query is limited to this source's documents; nothing here writes to them.
 *
 * <p><b>Threading.</b> Safe for concurrent use.
 */
public interface DocumentReader {
    /**
     * Looks up the stored versions of documents. A document some of whose children could not be
     * indexed is left out: it is not known, so the next crawl emits it again.
     *
     * @param ids document ids
     * @return id to stored version, for the ids that exist
     * @throws SinkException if the index cannot be queried
     */
    Map<String, String> versions(Collection<String> ids) throws SinkException;

    /**
     * Counts this source's documents per partition.
     *
     * @return partition to document count
     * @throws SinkException if the index cannot be queried
     */
    Map<String, Long> countByPartition() throws SinkException;

    /**
     * Searches this source's documents.
     *
     * @param query the query, in simple query string syntax
     * @param principal when present, only documents whose ACL holds it
     * @param size how many hits at most
     * @return the results
     * @throws SinkException if the index cannot be queried
     */
    SearchResults search(String query, Optional<String> principal, int size) throws SinkException;

    /**
     * Makes recent writes visible to the queries that follow.
     *
     * @throws SinkException if the index cannot be reached
     */
    void refresh() throws SinkException;

    /** @return the content index name */
    String indexName();
}
