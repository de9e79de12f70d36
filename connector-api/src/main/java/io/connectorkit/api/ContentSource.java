package io.connectorkit.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Binary content of a document (an attachment, a whole message) for the host to extract text
 * from. Content is streamed: a source never needs to hold a large file in memory.
 *
 * <p><b>Lifecycle.</b> The host opens the stream at most once per call of
 * {@link Emitter#upsert}, and reads and closes it <em>before</em> {@code upsert} returns. After
 * that the connector may release whatever backs the source (a temporary file, a connection).
 *
 * <p><b>Threading.</b> The host reads the stream on the thread that called {@code upsert} or on
 * a host thread while the caller waits; the source must not depend on the calling thread.
 */
public interface ContentSource {
    /**
     * Opens the content. The caller closes the stream.
     *
     * @return a fresh stream over the content
     * @throws IOException if the content cannot be read; the host records the document's
     *     content as failed and still indexes its metadata
     */
    InputStream open() throws IOException;

    /**
     * The length in bytes, when known.
     *
     * @return the length, or {@code -1} when unknown
     */
    long length();

    /**
     * The media type the source declared, such as {@code application/pdf}.
     *
     * @return the declared media type, or empty when the source did not say (the host detects it)
     */
    Optional<String> mediaType();

    /**
     * The file name, if the item has one; helps media-type detection.
     *
     * @return the file name, or empty
     */
    default Optional<String> fileName() {
        return Optional.empty();
    }

    /**
     * A SHA-256 of the bytes, lower-case hex, when the source already knows it. Hosts use it to
     * extract the same bytes only once.
     *
     * @return the hash, or empty when unknown
     */
    default Optional<String> sha256() {
        return Optional.empty();
    }
}
