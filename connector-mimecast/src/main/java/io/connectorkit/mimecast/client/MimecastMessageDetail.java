package io.connectorkit.mimecast.client;

import java.util.List;

/**
 * What {@code get-message-detail} says about one message.
 *
 * @param message the message in the shape of its listing (the attachment count taken from the
 *     attachments when the detail does not state it)
 * @param cc the copied addresses
 * @param headerDate {@code headerDate} as answered, or null
 * @param mimeMessageId {@code mimeMessageId}, or null
 * @param hasTextBody whether a plain-text body can be fetched
 * @param hasHtmlBody whether an HTML body can be fetched
 * @param attachments the attachments in message order
 * @param references the ids of the {@code References} header
 * @param inReplyTo the first {@code In-Reply-To} value, or null
 */
public record MimecastMessageDetail(MimecastMessage message, List<String> cc, String headerDate, String mimeMessageId,
        boolean hasTextBody, boolean hasHtmlBody, List<Attachment> attachments, List<String> references,
        String inReplyTo) {
    public MimecastMessageDetail {
        cc = List.copyOf(cc);
        attachments = List.copyOf(attachments);
        references = List.copyOf(references);
    }

    /**
     * One attachment of the detail.
     *
     * @param id the attachment id for {@code get-file}, or null
     * @param filename the file name, or null
     * @param contentType the declared media type as answered, or null
     * @param size the size in bytes, or -1 when not stated
     * @param sha256 hex SHA-256, or null
     */
    public record Attachment(String id, String filename, String contentType, long size, String sha256) { }
}
