package io.connectorkit.simulator.archive.corpus;

import static java.util.Objects.requireNonNull;

/**
 * An internal user entry, as get-internal-users lists it. Alias entries point at the mailbox
 * that owns them.
 *
 * @param emailAddress the address of this entry
 * @param name the display name
 * @param alias true for an alias entry (not a mailbox of its own)
 * @param owner the mailbox address this entry belongs to (itself when not an alias)
 * @param domain the domain part of the address
 */
public record User(String emailAddress, String name, boolean alias, String owner, String domain) {
    public User {
        requireNonNull(emailAddress, "emailAddress");
        requireNonNull(name, "name");
        requireNonNull(owner, "owner");
        requireNonNull(domain, "domain");
    }
}
