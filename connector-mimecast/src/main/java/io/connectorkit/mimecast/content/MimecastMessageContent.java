package io.connectorkit.mimecast.content;

import io.connectorkit.mimecast.http.MimecastSpool;
import java.time.Instant;
import java.util.List;

/**
 * What was read of one message's content, from a parsed {@code .eml} or from
 * {@code get-message-detail} and {@code get-message-part}. Closing it releases spooled
 * attachment bytes.
 *
 * @param subject the subject, or null when the content has none
 * @param from sender addresses
 * @param to recipient addresses
 * @param cc copied addresses
 * @param sent the date the sender put in the message, or null
 * @param messageId the Message-ID header, or null
 * @param inReplyTo the In-Reply-To header, or null
 * @param references the References header's ids
 * @param bodyText the body as plain text (HTML converted), or null
 * @param attachments the attachments in message order
 * @param issues codes of what was wrong with the content and how it was read anyway, such as
 *     {@code charset-mismatch}; empty for well-formed content
 */
public record MimecastMessageContent(String subject, List<String> from, List<String> to, List<String> cc, Instant sent,
        String messageId, String inReplyTo, List<String> references, String bodyText, List<Attachment> attachments,
        List<String> issues) implements AutoCloseable {

    /**
     * One attachment.
     *
     * @param id the Mimecast attachment id (parts mode), or null
     * @param name the file name, or null when it has none
     * @param mediaType the declared media type, or null
     * @param size the size in bytes, or -1 when unknown
     * @param sha256 hex SHA-256, or null when unknown
     * @param content the bytes, or null when not (yet) downloaded
     */
    record Attachment(String id, String name, String mediaType, long size, String sha256, MimecastSpool content) { }

    public MimecastMessageContent {
        from = List.copyOf(from);
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        references = List.copyOf(references);
        attachments = List.copyOf(attachments);
        issues = List.copyOf(issues);
    }

    @Override
    public void close() {
        for (Attachment a : attachments) {
            if (a.content() != null) {
                a.content().close();
            }
        }
    }
}
