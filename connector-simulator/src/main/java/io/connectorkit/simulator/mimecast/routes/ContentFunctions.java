package io.connectorkit.simulator.mimecast.routes;

import static java.util.Objects.requireNonNull;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.connectorkit.simulator.archive.Archive;
import io.connectorkit.simulator.archive.ArchiveIds;
import io.connectorkit.simulator.archive.corpus.Address;
import io.connectorkit.simulator.archive.corpus.ArchivedMessage;
import io.connectorkit.simulator.archive.corpus.Attachment;
import io.connectorkit.simulator.archive.corpus.RawMessage;
import io.connectorkit.simulator.archive.mime.EmlWriter;
import io.connectorkit.simulator.mimecast.DownloadStyle;
import io.connectorkit.simulator.mimecast.ServerOptions;
import io.connectorkit.simulator.mimecast.wire.Call;
import io.connectorkit.simulator.mimecast.wire.Envelope;
import io.connectorkit.simulator.mimecast.wire.LenientDates;
import io.connectorkit.simulator.mimecast.wire.Reply;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * get-message-detail, get-message-part and get-file, plus the download URLs they hand out.
 * Id handling follows the real service: a non-id (such as a smash) is a 200 {@code xdk_failure},
 * a damaged id is a 400 with an empty body.
 */
public final class ContentFunctions {
    private final Archive archive;
    private final ServerOptions options;
    private final Downloads downloads;

    public ContentFunctions(Archive archive, ServerOptions options, Downloads downloads) {
        this.archive = requireNonNull(archive, "archive");
        this.options = requireNonNull(options, "options");
        this.downloads = requireNonNull(downloads, "downloads");
    }

    public Reply detail(Call call) {
        JsonObject item = call.item();
        Reply invalid = validate(call, item, true);
        if (invalid != null) {
            return invalid;
        }
        Optional<ArchivedMessage> found = archive.message(Call.string(item, "id"));
        if (found.isEmpty()) {
            return notFound(item);
        }
        ArchivedMessage m = found.get();
        Optional<RawMessage> raw = archive.raw(m.id());
        if (raw.isPresent()) {
            return Reply.json(200, Envelope.ok(RawDetail.of(m, raw.get()), null));
        }
        JsonObject o = detailHead(m);
        o.add("cc", addresses(m.cc()));
        o.addProperty("headerDate", EmlWriter.headerDate(m));
        JsonArray headers = new JsonArray();
        headers.add(header("Message-ID", m.mimeMessageId()));
        headers.add(header("Date", EmlWriter.headerDate(m)));
        headers.add(header("From", m.from().emailAddress()));
        headers.add(header("Subject", m.subject()));
        headers.add(header("MIME-Version", "1.0"));
        o.add("headers", headers);
        o.addProperty("received", LenientDates.format(m.received()));
        o.addProperty("processed", LenientDates.format(m.received().plusSeconds(1)));
        o.addProperty("size", archive.emlSize(m));
        o.addProperty("hasHtmlBody", true);
        o.addProperty("hasTextBody", true);
        o.addProperty("isPassthrough", false);
        String text = m.textBody();
        o.addProperty("messageBodyPreview", text.substring(0, text.offsetByCodePoints(0,
                Math.min(100, text.codePointCount(0, text.length())))));
        JsonArray attachments = new JsonArray();
        for (Attachment a : m.attachments()) {
            JsonObject j = new JsonObject();
            j.addProperty("id", a.id());
            j.addProperty("filename", a.filename());
            j.addProperty("size", a.size());
            j.addProperty("extension", a.extension());
            j.addProperty("contentType", a.contentType());
            j.addProperty("contentId", a.contentId());
            j.addProperty("bodyType", 5);
            j.addProperty("sha256", archive.sha256(a));
            attachments.add(j);
        }
        o.add("attachments", attachments);
        JsonArray data = new JsonArray();
        data.add(o);
        return Reply.json(200, Envelope.ok(data, null));
    }

    public Reply part(Call call) {
        JsonObject item = call.item();
        Reply invalid = validate(call, item, true);
        if (invalid != null) {
            return invalid;
        }
        String type = Call.string(item, "type");
        List<String> types = List.of("HTML", "PLAIN", "RFC822", "TRANSMISSION_MESSAGE_BODY");
        if (type == null || !types.contains(type)) {
            return Envelope.functionFailure(item, type == null ? "err_validation_null" : "err_validation_value_not_allowed",
                    "Field must be one of " + types.toString().replace(" ", ""), false, "type");
        }
        String id = Call.string(item, "id");
        if (archive.message(id).isEmpty()) {
            return notFound(item);
        }
        Downloads.Kind kind = switch (type) {
            case "HTML" -> Downloads.Kind.HTML;
            case "PLAIN" -> Downloads.Kind.PLAIN;
            default -> Downloads.Kind.EML;
        };
        return handOut(call, options.partStyle(), kind, id);
    }

    public Reply file(Call call) {
        JsonObject item = call.item();
        Reply invalid = validate(call, item, false);
        if (invalid != null) {
            return invalid;
        }
        String id = Call.string(item, "id");
        if (archive.message(id).isPresent()) {
            return handOut(call, options.fileStyle(), Downloads.Kind.EML, id);
        }
        if (archive.attachment(id).isPresent()) {
            return handOut(call, options.fileStyle(), Downloads.Kind.ATTACHMENT, id);
        }
        return notFound(item);
    }

    private Reply handOut(Call call, DownloadStyle style, Downloads.Kind kind, String id) {
        if (style == DownloadStyle.BINARY) {
            return downloads.content(kind, id).orElseGet(() -> notFound(call.item()));
        }
        String url = downloads.url(kind, id, call.now());
        JsonObject o = new JsonObject();
        if (style == DownloadStyle.URL) {
            o.addProperty("url", url);
        } else {
            JsonArray urls = new JsonArray();
            urls.add(url);
            o.add("urls", urls);
        }
        JsonArray data = new JsonArray();
        data.add(o);
        return Reply.json(200, Envelope.ok(data, null));
    }

    /** Checks item count, id form and context; null when the request is fine. */
    private static Reply validate(Call call, JsonObject item, boolean hasContext) {
        if (call.data() == null || call.data().size() != 1 || item == null) {
            return Envelope.functionFailure(null, "err_validation_null", "data must hold exactly 1 item", false, "data");
        }
        String id = Call.string(item, "id");
        if (id == null || id.isBlank()) {
            return Envelope.functionFailure(item, "err_validation_blank", "id must not be blank", false, "id");
        }
        if (id.startsWith("eNo") && ArchiveIds.decode(id).isEmpty()) {
            return Reply.empty(400);
        }
        if (!id.startsWith("eNo")) {
            return Envelope.functionFailure(item, "xdk_failure", "0007 Invalid token", false, null);
        }
        String context = Call.string(item, "context");
        if (hasContext && context != null && !context.equals("DELIVERED") && !context.equals("RECEIVED")) {
            return Envelope.functionFailure(item, "err_validation_value_not_allowed",
                    "Field must be one of [DELIVERED,RECEIVED]", false, "context");
        }
        return null;
    }

    private static Reply notFound(JsonObject item) {
        return Envelope.functionFailure(item, "err_message_not_found", "The requested item could not be found",
                false, "id");
    }

    /**
     * The fields of a get-message-detail item that come from the listing metadata alone, up to
     * {@code to}: shared by generated and hand-written messages.
     */
    static JsonObject detailHead(ArchivedMessage m) {
        JsonObject o = new JsonObject();
        o.addProperty("id", m.id());
        o.addProperty("status", "ARCHIVED");
        o.addProperty("smash", m.smash());
        o.addProperty("mimeMessageId", m.mimeMessageId());
        o.addProperty("subject", m.subject());
        o.add("from", ListFunction.address(m.from()));
        o.add("envelopeFrom", ListFunction.address(new Address("", "bounce@" + domainOf(m.from()))));
        o.add("replyTo", ListFunction.address(m.from()));
        o.add("to", addresses(m.to()));
        return o;
    }

    static JsonArray addresses(List<Address> list) {
        JsonArray array = new JsonArray();
        list.forEach(a -> array.add(ListFunction.address(a)));
        return array;
    }

    static JsonObject header(String name, String value) {
        JsonObject o = new JsonObject();
        o.addProperty("name", name);
        JsonArray values = new JsonArray();
        values.add(value);
        o.add("values", values);
        return o;
    }

    static String domainOf(Address a) {
        return a.emailAddress().substring(a.emailAddress().indexOf('@') + 1);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
