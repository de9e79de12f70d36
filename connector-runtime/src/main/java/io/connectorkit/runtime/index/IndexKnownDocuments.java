package io.connectorkit.runtime.index;

import static java.util.Objects.requireNonNull;

import io.connectorkit.api.ConnectorException;
import io.connectorkit.api.ErrorKind;
import io.connectorkit.api.KnownDocuments;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.Semaphore;

/**
 * {@link KnownDocuments} answered by the content index, with at most as many queries in flight
 * as the semaphore allows ({@code crawl.parallel.index-queries}).
 */
public final class IndexKnownDocuments implements KnownDocuments {
    private final DocumentReader documents;
    private final Semaphore permits;

    /**
     * Creates the look-up.
     *
     * @param documents the index
     * @param permits bounds concurrent index queries; shared with sweeps
     */
    public IndexKnownDocuments(DocumentReader documents, Semaphore permits) {
        this.documents = requireNonNull(documents, "documents");
        this.permits = requireNonNull(permits, "permits");
    }

    @Override
    public Map<String, String> versions(Collection<String> documentIds) throws ConnectorException {
        if (documentIds.isEmpty()) {
            return Map.of();
        }
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException(ErrorKind.TRANSIENT, "Interrupted while waiting to query the index", e);
        }
        try {
            return documents.versions(documentIds);
        } catch (SinkException e) {
            throw new ConnectorException(ErrorKind.TRANSIENT, e.getMessage(), e);
        } finally {
            permits.release();
        }
    }
}
