package io.connectorkit.mimecast.client;

/**
 * One internal user of {@code get-internal-users}.
 *
 * @param emailAddress {@code emailAddress} as answered, or empty
 * @param alias whether the address is an alias of another mailbox
 */
public record MimecastUser(String emailAddress, boolean alias) { }
