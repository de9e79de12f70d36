package io.connectorkit.mimecast;

import static java.util.Objects.requireNonNull;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.connectorkit.api.ConnectorContext;
import io.connectorkit.api.ConnectorException;
import io.connectorkit.api.ErrorKind;
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
final class MimecastContentReader {
    static final String GET_FILE = "/api/archive/get-file";
    static final String DETAIL = "/api/archive/get-message-detail";
    static final String PART = "/api/archive/get-message-part";
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
    MimecastMessageContent read(String mailbox, String messageId) throws ConnectorException {
        return config.messages().contentMode() == MimecastConfig.ContentMode.EML
                ? eml(messageId) : parts(mailbox, messageId);
    }

    private MimecastMessageContent eml(String messageId) throws ConnectorException {
        try (MimecastSpool eml = client.download(GET_FILE, idRequest(messageId), "message " + messageId,
                Long.MAX_VALUE); InputStream in = eml.open()) {
            return parser.parse(in, config.attachments().extract(), config.attachments().maxBytes());
        } catch (IOException e) {
            throw new ConnectorException(ErrorKind.PERMANENT, "Message " + messageId
                    + " could not be read as a MIME message (" + e.getMessage() + "); set mimecast.content.mode=parts"
                    + " to read it through get-message-detail instead", e);
        }
    }

    /**
     * Reads a message's detail (get-message-detail).
     *
     * @param messageId the Mimecast message id
     * @return the answer, with the detail as the first item of {@code data}
     * @throws ConnectorException if the call fails
     */
    JsonObject detail(String messageId) throws ConnectorException {
        return client.call(DETAIL, idRequest(messageId), "message " + messageId);
    }

    private MimecastMessageContent parts(String mailbox, String messageId) throws ConnectorException {
        JsonObject detail = MimecastJson.objects(detail(messageId),
                "data").stream().findFirst().orElseThrow(() -> new ConnectorException(ErrorKind.PERMANENT,
                        DETAIL + " returned no detail for message " + messageId));
        String body = null;
        boolean text = MimecastJson.bool(detail, "hasTextBody");
        boolean html = MimecastJson.bool(detail, "hasHtmlBody");
        if (text || html) {
            String type = text ? "PLAIN" : "HTML";
            JsonObject item = new JsonObject();
            item.addProperty("id", messageId);
            item.addProperty("mailbox", mailbox);
            item.addProperty("context", "RECEIVED");
            item.addProperty("type", type);
            try (MimecastSpool part = client.download(PART, envelope(item), "the " + type + " body of message "
                    + messageId, MAX_BODY_BYTES)) {
                String raw = part.overLimit() ? null : part.text(StandardCharsets.UTF_8);
                body = text ? raw : MimecastHtml.toText(raw);
            }
        }
        List<MimecastMessageContent.Attachment> attachments = new ArrayList<>();
        for (JsonObject a : MimecastJson.objects(detail, "attachments")) {
            attachments.add(new MimecastMessageContent.Attachment(MimecastJson.string(a, "id").orElse(null),
                    MimecastJson.string(a, "filename").orElse(null),
                    MimecastJson.string(a, "contentType").map(s -> s.toLowerCase(Locale.ROOT)).orElse(null),
                    MimecastJson.number(a, "size").orElse(-1L), MimecastJson.string(a, "sha256").orElse(null), null));
        }
        List<String> references = List.of();
        String inReplyTo = null;
        for (JsonObject h : MimecastJson.objects(detail, "headers")) {
            String name = MimecastJson.string(h, "name").orElse("").toLowerCase(Locale.ROOT);
            List<String> values = new ArrayList<>();
            if (h.has("values") && h.get("values").isJsonArray()) {
                h.getAsJsonArray("values").forEach(v -> values.add(v.getAsString()));
            }
            if (name.equals("references")) {
                references = values.stream().flatMap(v -> java.util.Arrays.stream(v.trim().split("\\s+")))
                        .filter(s -> !s.isBlank()).toList();
            } else if (name.equals("in-reply-to") && !values.isEmpty()) {
                inReplyTo = values.get(0);
            }
        }
        String headerDate = MimecastJson.string(detail, "headerDate").orElse(null);
        Instant sent = MimecastEmlParser.date(headerDate);
        return new MimecastMessageContent(MimecastJson.string(detail, "subject").orElse(null),
                MimecastJson.addresses(detail, "from"), MimecastJson.addresses(detail, "to"),
                MimecastJson.addresses(detail, "cc"), sent,
                MimecastJson.string(detail, "mimeMessageId").orElse(null), inReplyTo, references, body, attachments,
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
        return client.download(GET_FILE, idRequest(attachmentId), "attachment " + attachmentId, maxBytes);
    }

    static JsonObject idRequest(String id) {
        JsonObject item = new JsonObject();
        item.addProperty("id", id);
        return envelope(item);
    }

    static JsonObject envelope(JsonObject item) {
        JsonArray data = new JsonArray();
        data.add(item);
        JsonObject body = new JsonObject();
        body.add("data", data);
        return body;
    }
}
