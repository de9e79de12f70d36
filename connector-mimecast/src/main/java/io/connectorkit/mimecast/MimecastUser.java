package io.connectorkit.mimecast;

/**
 * One internal user of {@code get-internal-users}.
 *
 * @param emailAddress {@code emailAddress} as answered, or empty
 * @param alias whether the address is an alias of another mailbox
 */
record MimecastUser(String emailAddress, boolean alias) { }
