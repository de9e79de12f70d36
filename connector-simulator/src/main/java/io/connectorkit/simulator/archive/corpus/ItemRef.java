package io.connectorkit.simulator.archive.corpus;

import io.connectorkit.simulator.archive.ArchiveIds;


import static java.util.Objects.requireNonNull;

/**
 * What an archive id points at, decoded by {@link ArchiveIds}.
 *
 * @param kind the kind of item
 * @param seedTag the tag of the archive seed that minted the id
 * @param mailbox the mailbox index (or the domain index for a domain id)
 * @param view the view, INBOX for domains
 * @param index the message index within the mailbox view
 * @param attachment the attachment index, -1 unless {@code kind} is ATTACHMENT
 */
public record ItemRef(Kind kind, int seedTag, int mailbox, View view, int index, int attachment) {
    /** Kinds of ids the archive mints. */
    public enum Kind {
        /** An archived message. */
        MESSAGE,
        /** One attachment of a message. */
        ATTACHMENT,
        /** An internal domain. */
        DOMAIN
    }

    public ItemRef {
        requireNonNull(kind, "kind");
        requireNonNull(view, "view");
    }

    /** The reference to the message that owns this attachment. */
    public ItemRef message() {
        return new ItemRef(Kind.MESSAGE, seedTag, mailbox, view, index, -1);
    }
}
