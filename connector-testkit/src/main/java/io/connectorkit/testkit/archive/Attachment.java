package io.connectorkit.testkit.archive;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * One attachment of an archived message. Its bytes are not held: they are generated on demand
 * from {@code seed}, so a 500 MB attachment costs nothing until it is streamed.
 *
 * @param id the attachment id (usable with get-file)
 * @param filename the file name, empty for a nameless attachment
 * @param contentType the MIME type
 * @param extension the file extension without the dot, empty when nameless
 * @param size the size in bytes
 * @param contentId the Content-ID of an inline part, empty otherwise
 * @param seed the seed the bytes are generated from
 */
public record Attachment(String id, String filename, String contentType, String extension, long size,
                         String contentId, long seed) {
    public Attachment {
        requireNonNull(id, "id");
        requireNonNull(filename, "filename");
        requireNonNull(contentType, "contentType");
        requireNonNull(extension, "extension");
        requireNonNull(contentId, "contentId");
        if (size < 0) {
            throw new IllegalArgumentException("attachment size must be >= 0, got " + size);
        }
    }

    /** Whether the part is inline (has a Content-ID); the real service leaves these out of counts. */
    public boolean inline() {
        return !contentId.isEmpty();
    }

    /** Writes the attachment bytes, generated on the fly. */
    public void writeTo(OutputStream out) throws IOException {
        ContentBytes.write(seed, size, textual(), out);
    }

    /** Opens a stream of the attachment bytes, generated on the fly. */
    public InputStream openStream() {
        return ContentBytes.open(seed, size, textual());
    }

    /** The hex SHA-256 of the bytes (computed by streaming them). */
    public String sha256() {
        return ContentBytes.sha256(seed, size, textual());
    }

    private boolean textual() {
        return contentType.startsWith("text/");
    }
}
