package io.connectorkit.testkit.contract;

import java.util.Objects;

/**
 * What a {@link RecordingEmitter} read from one document's binary content while the connector's
 * {@code upsert} call was running, as a host reads it.
 *
 * @param documentId the document
 * @param declaredLength what {@link io.connectorkit.api.ContentSource#length()} said, or -1
 * @param bytesRead how many bytes the stream gave before it ended (or failed)
 * @param declaredSha256 what {@link io.connectorkit.api.ContentSource#sha256()} said, or null
 * @param actualSha256 the SHA-256 of the bytes read, lower-case hex
 * @param error why the content could not be read, or null when it was read to its end
 */
public record ContentRead(String documentId, long declaredLength, long bytesRead, String declaredSha256,
        String actualSha256, String error) {
    /** Checks the components. */
    public ContentRead {
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(actualSha256, "actualSha256");
    }

    /** @return whether the declared length and hash, where given, match what was read */
    public boolean honest() {
        return error == null && (declaredLength < 0 || declaredLength == bytesRead)
                && (declaredSha256 == null || declaredSha256.equalsIgnoreCase(actualSha256));
    }
}
