package io.connectorkit.mimecast.content;

import static java.util.Objects.requireNonNull;

import io.connectorkit.api.ConnectorContext;
import io.connectorkit.api.ConnectorException;
import io.connectorkit.api.ErrorKind;
import io.connectorkit.mimecast.MimecastConfig;
import io.connectorkit.mimecast.client.MimecastClient;
import io.connectorkit.mimecast.client.MimecastMessage;
import io.connectorkit.mimecast.client.MimecastMessageDetail;
import io.connectorkit.mimecast.http.MimecastSpool;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fetches one message's content per {@code mimecast.content.mode}: {@code eml} downloads the
 * whole MIME message with one {@code get-file} and parses it locally; {@code parts} reads
 * {@code get-message-detail}, the body with {@code get-message-part} and leaves attachments to
 * {@link MimecastAttachments} (one {@code get-file} each, only when needed).
 */
public final class MimecastContentReader {
    private static final long MAX_BODY_BYTES = 20L << 20;

    private final MimecastClient client;
    private final MimecastConfig config;
    private final MimecastEmlParser parser;

    @Inject
    MimecastContentReader(MimecastClient client, MimecastConfig config, ConnectorContext context) {
        this.client = requireNonNull(client, "client");
        this.config = requireNonNull(config, "config");
        this.parser = new MimecastEmlParser(requireNonNull(context, "context").tempDirectory());
    }

    /**
     * Reads a message's content.
     *
     * @param mailbox the mailbox it was listed in
     * @param messageId the Mimecast message id
     * @return the content; the caller closes it
     * @throws ConnectorException if a call fails, or PERMANENT if the message cannot be parsed
     */
    public MimecastMessageContent read(String mailbox, String messageId) throws ConnectorException {
        return config.messages().contentMode() == MimecastConfig.ContentMode.EML
                ? eml(messageId) : parts(mailbox, messageId);
    }

    private MimecastMessageContent eml(String messageId) throws ConnectorException {
        try (MimecastSpool eml = client.file(messageId, "message " + messageId, Long.MAX_VALUE);
                InputStream in = eml.open()) {
            return parser.parse(in, config.attachments().extract(), config.attachments().maxBytes());
        } catch (IOException e) {
            throw new ConnectorException(ErrorKind.PERMANENT, "Message " + messageId
                    + " could not be read as a MIME message (" + e.getMessage() + "); set mimecast.content.mode=parts"
                    + " to read it through get-message-detail instead", e);
        }
    }

    private MimecastMessageContent parts(String mailbox, String messageId) throws ConnectorException {
        MimecastMessageDetail detail = client.messageDetail(messageId);
        String body = null;
        if (detail.hasTextBody() || detail.hasHtmlBody()) {
            boolean text = detail.hasTextBody();
            String type = text ? "PLAIN" : "HTML";
            try (MimecastSpool part = client.messagePart(messageId, mailbox, type, "the " + type + " body of message "
                    + messageId, MAX_BODY_BYTES)) {
                String raw = part.overLimit() ? null : part.text(StandardCharsets.UTF_8);
                body = text ? raw : MimecastHtml.toText(raw);
            }
        }
        List<MimecastMessageContent.Attachment> attachments = new ArrayList<>();
        for (MimecastMessageDetail.Attachment a : detail.attachments()) {
            attachments.add(new MimecastMessageContent.Attachment(a.id(), a.filename(),
                    a.contentType() == null ? null : a.contentType().toLowerCase(Locale.ROOT), a.size(), a.sha256(),
                    null));
        }
        String headerDate = detail.headerDate();
        Instant sent = MimecastEmlParser.date(headerDate);
        MimecastMessage message = detail.message();
        return new MimecastMessageContent(message.subject(), message.from(), message.to(), detail.cc(), sent,
                detail.mimeMessageId(), detail.inReplyTo(), detail.references(), body, attachments,
                headerDate != null && !headerDate.isBlank() && sent == null
                        ? List.of(MimecastEmlParser.DATE_UNREADABLE) : List.of());
    }

    /**
     * Downloads one attachment (parts mode).
     *
     * @param attachmentId the Mimecast attachment id
     * @param maxBytes bytes beyond this are not kept
     * @return the bytes; the caller closes them
     * @throws ConnectorException if the download fails
     */
    MimecastSpool attachment(String attachmentId, long maxBytes) throws ConnectorException {
        return client.file(attachmentId, "attachment " + attachmentId, maxBytes);
    }
}
