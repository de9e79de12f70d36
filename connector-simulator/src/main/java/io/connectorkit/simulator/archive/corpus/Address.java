package io.connectorkit.simulator.archive.corpus;

import static java.util.Objects.requireNonNull;

/**
 * An email address with its display name, in the shape Mimecast uses ({@code displayableName},
 * {@code emailAddress}).
 *
 * @param displayableName the display name, may be empty
 * @param emailAddress the address
 */
public record Address(String displayableName, String emailAddress) {
    public Address {
        requireNonNull(displayableName, "displayableName");
        requireNonNull(emailAddress, "emailAddress");
    }
}
