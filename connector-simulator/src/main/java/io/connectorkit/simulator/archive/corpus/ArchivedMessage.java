package io.connectorkit.simulator.archive.corpus;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * The full content of one archived message, a pure function of its id (and of the overlay for
 * messages added at run time).
 *
 * @param id the message id
 * @param mailbox the mailbox this copy is archived in
 * @param view the view this copy is archived in
 * @param received when the archive received it
 * @param subject the subject, may be empty or very long
 * @param smash the content hash shared by copies of the message
 * @param mimeMessageId the Message-ID header value, with angle brackets
 * @param from the sender
 * @param to the recipients
 * @param cc the carbon-copy recipients
 * @param textBody the text/plain body
 * @param htmlBody the text/html body
 * @param attachments the attachments, inline ones included
 * @param viaAlias true when the message reached the mailbox through one of its aliases
 */
public record ArchivedMessage(String id, String mailbox, View view, Instant received, String subject, String smash,
                              String mimeMessageId, Address from, List<Address> to, List<Address> cc,
                              String textBody, String htmlBody, List<Attachment> attachments, boolean viaAlias) {
    public ArchivedMessage {
        requireNonNull(id, "id");
        requireNonNull(mailbox, "mailbox");
        requireNonNull(view, "view");
        requireNonNull(received, "received");
        requireNonNull(subject, "subject");
        requireNonNull(smash, "smash");
        requireNonNull(mimeMessageId, "mimeMessageId");
        requireNonNull(from, "from");
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        requireNonNull(textBody, "textBody");
        requireNonNull(htmlBody, "htmlBody");
        attachments = List.copyOf(attachments);
    }

    /** Attachments that are not inline, the number the listing reports. */
    public int attachmentCount() {
        return (int) attachments.stream().filter(a -> !a.inline()).count();
    }

    /** The listing row for this message, given its RFC822 size. */
    public MessageHeader header(long size) {
        return new MessageHeader(id, mailbox, view, received, subject, from, to.get(0), size, attachmentCount(),
                smash);
    }
}
