package io.connectorkit.runtime.extract;

/**
 * The outcome of extracting text from one content source.
 *
 * @param text the extracted text, possibly cut at the configured limit; empty when nothing could
 *     be read
 * @param mediaType the detected media type, or {@code null} when unknown
 * @param language the detected language code, or {@code null}
 * @param truncated whether the text was cut at the configured limit
 * @param sha256 the SHA-256 of the bytes read, lower-case hex, or {@code null} when the content
 *     could not be read
 * @param bytes how many bytes were read
 * @param failure why extraction failed (one sentence), or {@code null} when it succeeded
 */
public record Extraction(String text, String mediaType, String language, boolean truncated, String sha256,
        long bytes, String failure) {
    /**
     * Whether extraction failed; metadata is still indexed.
     *
     * @return {@code true} when {@link #failure()} is set
     */
    public boolean failed() {
        return failure != null;
    }
}
