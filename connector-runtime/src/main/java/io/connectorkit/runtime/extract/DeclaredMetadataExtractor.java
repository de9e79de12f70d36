package io.connectorkit.runtime.extract;

import static java.util.Objects.requireNonNull;

import io.connectorkit.api.ContentSource;

/**
 * The extractor of a host that extracts no text ({@code extract.text=false}, or no text extractor
 * installed): the document keeps the media type, SHA-256 and length its source declares, as
 * declared, and the content is never opened. It costs nothing per document, which is the point of
 * turning extraction off. Stateless and thread-safe.
 */
final class DeclaredMetadataExtractor implements ContentExtractor {
    @Override
    public Extraction extract(String documentId, ContentSource source) {
        requireNonNull(documentId, "documentId");
        requireNonNull(source, "source");
        return new Extraction("", source.mediaType().orElse(null), null, false, source.sha256().orElse(null),
                Math.max(0, source.length()), null);
    }

    @Override
    public void close() {
        // Holds nothing.
    }
}
