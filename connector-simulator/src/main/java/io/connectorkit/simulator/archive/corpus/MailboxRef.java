package io.connectorkit.simulator.archive.corpus;

import static java.util.Objects.requireNonNull;

/**
 * A resolved address: the mailbox that owns it, and whether the address was an alias.
 *
 * @param index the mailbox index
 * @param mailbox the owning mailbox address
 * @param alias true when the resolved address is an alias of the mailbox
 */
public record MailboxRef(int index, String mailbox, boolean alias) {
    public MailboxRef {
        requireNonNull(mailbox, "mailbox");
    }
}
