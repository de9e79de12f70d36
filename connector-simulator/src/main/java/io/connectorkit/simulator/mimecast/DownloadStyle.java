package io.connectorkit.simulator.mimecast;

/** How get-file and get-message-part hand out content. */
public enum DownloadStyle {
    /** API 2.0: JSON {@code data[0].urls[]} with a pre-signed download URL. */
    URLS,
    /** API 2.0 as one client reads it: JSON {@code data[0].url}. */
    URL,
    /** API 1.0: the bytes themselves in the response body. */
    BINARY
}
