package io.connectorkit.mimecast.client;

/**
 * One internal domain of {@code get-internal-domain}.
 *
 * @param name {@code domain}, or empty when the answer has none
 * @param local whether Mimecast flags it {@code local}
 */
public record MimecastDomain(String name, boolean local) { }
