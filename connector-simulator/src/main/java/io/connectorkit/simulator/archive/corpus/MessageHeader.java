package io.connectorkit.simulator.archive.corpus;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One row of a mailbox listing, the fields get-message-list returns.
 *
 * @param id the message id (the handle for detail, part and file calls)
 * @param mailbox the mailbox the row was listed for
 * @param view the view it was listed in
 * @param received when the archive received it, to the second
 * @param subject the subject, may be empty
 * @param from the sender
 * @param to the first recipient
 * @param size the size in bytes of the whole RFC822 message
 * @param attachmentCount the attachment count, which like the real service skips inline parts
 * @param smash the content hash, equal for copies of one message in several mailboxes
 */
public record MessageHeader(String id, String mailbox, View view, Instant received, String subject,
                            Address from, Address to, long size, int attachmentCount, String smash) {
    public MessageHeader {
        requireNonNull(id, "id");
        requireNonNull(mailbox, "mailbox");
        requireNonNull(view, "view");
        requireNonNull(received, "received");
        requireNonNull(subject, "subject");
        requireNonNull(from, "from");
        requireNonNull(to, "to");
        requireNonNull(smash, "smash");
    }
}
