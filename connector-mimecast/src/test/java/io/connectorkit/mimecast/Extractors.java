package io.connectorkit.mimecast;

import io.connectorkit.runtime.extract.ContentExtractor;

/**
 * The text extractors end-to-end tests share: Tika, and metadata-only for tests that do not
 * search content (the fake archive's binary attachments are random bytes under real media types,
 * which Tika rightly reports as corrupt).
 *
 * @param tika extracts text with Apache Tika
 * @param metadataOnly indexes hash, size and media type only
 */
record Extractors(ContentExtractor tika, ContentExtractor metadataOnly) {
}
