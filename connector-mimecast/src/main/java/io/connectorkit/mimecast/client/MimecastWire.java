package io.connectorkit.mimecast.client;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import io.connectorkit.mimecast.MimecastDates;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * The one place where Mimecast's JSON becomes the client's records and back: request envelopes
 * and the answers the connector reads. Answers are read leniently (see {@link MimecastJson}):
 * where the service's shape is not certain, every plausible form is accepted.
 */
public final class MimecastWire {
    private MimecastWire() {
    }

    /** @return the body as a JSON object, or null when it is empty, binary or not a JSON object */
    static JsonObject parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            JsonElement e = JsonParser.parseString(text);
            return e.isJsonObject() ? e.getAsJsonObject() : null;
        } catch (JsonParseException e) {
            return null;
        }
    }

    /** @return {@code {"data":[]}}: a function that takes no item */
    static JsonObject noItem() {
        JsonObject body = new JsonObject();
        body.add("data", new JsonArray());
        return body;
    }

    /** @return {@code {"data":[{"id": id}]}} */
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

    /** @return {@code {"meta":{"pagination":{"pageSize":n,"pageToken":t}},"data":[item]}} */
    static JsonObject pageRequest(JsonObject item, int pageSize, String pageToken) {
        JsonObject pagination = new JsonObject();
        pagination.addProperty("pageSize", pageSize);
        if (pageToken != null) {
            pagination.addProperty("pageToken", pageToken);
        }
        JsonObject meta = new JsonObject();
        meta.add("pagination", pagination);
        JsonObject body = new JsonObject();
        body.add("meta", meta);
        JsonArray data = new JsonArray();
        data.add(item);
        body.add("data", data);
        return body;
    }

    static JsonObject usersItem(String domain) {
        JsonObject item = new JsonObject();
        item.addProperty("domain", domain);
        return item;
    }

    static JsonObject messagesItem(MimecastMessageQuery query) {
        JsonObject item = new JsonObject();
        item.addProperty("mailbox", query.mailbox());
        item.addProperty("view", query.view());
        item.addProperty("start", MimecastDates.format(query.start()));
        item.addProperty("end", MimecastDates.format(query.end()));
        item.addProperty("includeAliases", true);
        item.addProperty("includeDelegates", false);
        return item;
    }

    static JsonObject partRequest(String id, String mailbox, String type) {
        JsonObject item = new JsonObject();
        item.addProperty("id", id);
        item.addProperty("mailbox", mailbox);
        item.addProperty("context", "RECEIVED");
        item.addProperty("type", type);
        return envelope(item);
    }

    /**
     * One page of a list answer.
     *
     * @param body the answer
     * @param nested the array under {@code data[0]} that holds the items (else {@code data[]} does)
     * @param item reads one item
     * @return the page
     */
    static <T> MimecastPage<T> page(JsonObject body, String nested, Function<JsonObject, T> item) {
        boolean withoutData = !body.has("data") || !body.get("data").isJsonArray();
        String next = MimecastJson.object(body, "meta").flatMap(m -> MimecastJson.object(m, "pagination"))
                .flatMap(p -> MimecastJson.string(p, "next")).filter(s -> !s.isBlank()).orElse(null);
        return new MimecastPage<>(MimecastJson.items(body, nested).stream().map(item).toList(), next, withoutData);
    }

    static List<MimecastDomain> domains(JsonObject body) {
        return MimecastJson.items(body, "domains").stream().map(d -> new MimecastDomain(
                MimecastJson.string(d, "domain").orElse(""), MimecastJson.bool(d, "local"))).toList();
    }

    static MimecastUser user(JsonObject u) {
        return new MimecastUser(MimecastJson.string(u, "emailAddress").orElse(""), MimecastJson.bool(u, "alias"));
    }

    static MimecastMessage message(JsonObject m) {
        return new MimecastMessage(MimecastJson.string(m, "id").orElse(""),
                MimecastJson.string(m, "subject").orElse(null), MimecastJson.addresses(m, "from"),
                MimecastJson.addresses(m, "to"), MimecastJson.string(m, "received").orElse(null),
                MimecastJson.string(m, "size").orElse(null), MimecastJson.string(m, "status").orElse(null),
                MimecastJson.string(m, "smash").orElse(null),
                MimecastJson.number(m, "attachmentCount").orElse(null));
    }

    /** @return the first detail of the answer, or empty when {@code data[]} holds none */
    static Optional<MimecastMessageDetail> detail(JsonObject body) {
        return MimecastJson.objects(body, "data").stream().findFirst().map(MimecastWire::detailItem);
    }

    private static MimecastMessageDetail detailItem(JsonObject d) {
        List<MimecastMessageDetail.Attachment> attachments = new ArrayList<>();
        for (JsonObject a : MimecastJson.objects(d, "attachments")) {
            attachments.add(new MimecastMessageDetail.Attachment(MimecastJson.string(a, "id").orElse(null),
                    MimecastJson.string(a, "filename").orElse(null), MimecastJson.string(a, "contentType").orElse(null),
                    MimecastJson.number(a, "size").orElse(-1L), MimecastJson.string(a, "sha256").orElse(null)));
        }
        List<String> references = List.of();
        String inReplyTo = null;
        for (JsonObject h : MimecastJson.objects(d, "headers")) {
            String name = MimecastJson.string(h, "name").orElse("").toLowerCase(Locale.ROOT);
            List<String> values = new ArrayList<>();
            if (h.has("values") && h.get("values").isJsonArray()) {
                h.getAsJsonArray("values").forEach(v -> values.add(v.getAsString()));
            }
            if (name.equals("references")) {
                references = values.stream().flatMap(v -> Arrays.stream(v.trim().split("\\s+")))
                        .filter(s -> !s.isBlank()).toList();
            } else if (name.equals("in-reply-to") && !values.isEmpty()) {
                inReplyTo = values.get(0);
            }
        }
        // The detail states no attachment count, but lists the attachments.
        MimecastMessage message = message(d);
        if (!d.has("attachmentCount") && d.has("attachments") && d.get("attachments").isJsonArray()) {
            message = new MimecastMessage(message.id(), message.subject(), message.from(), message.to(),
                    message.received(), message.size(), message.status(), message.smash(),
                    (long) d.getAsJsonArray("attachments").size());
        }
        return new MimecastMessageDetail(message, MimecastJson.addresses(d, "cc"),
                MimecastJson.string(d, "headerDate").orElse(null), MimecastJson.string(d, "mimeMessageId").orElse(null),
                MimecastJson.bool(d, "hasTextBody"), MimecastJson.bool(d, "hasHtmlBody"), attachments, references,
                inReplyTo);
    }

    /** The first download URL of a 2.0 content answer: {@code data[].urls[0]} or {@code data[].url}. */
    static Optional<String> downloadUrl(JsonObject json) {
        for (JsonObject d : MimecastJson.objects(json, "data")) {
            if (d.has("urls") && d.get("urls").isJsonArray()) {
                JsonArray urls = d.getAsJsonArray("urls");
                if (!urls.isEmpty() && urls.get(0).isJsonPrimitive()) {
                    return Optional.of(urls.get(0).getAsString());
                }
            }
            Optional<String> one = MimecastJson.string(d, "url");
            if (one.isPresent()) {
                return one;
            }
        }
        return Optional.empty();
    }

    /**
     * Every error of an answer's {@code fail[]} array, which comes in two shapes: {@code code} and
     * {@code message} directly on the item (gateway and auth errors), or an {@code errors[]} array
     * per failed data item (function errors, often with HTTP 200).
     *
     * @param body the parsed body, or null
     * @return the errors, empty when {@code fail} is absent or empty
     */
    static List<MimecastFailure> failures(JsonObject body) {
        List<MimecastFailure> out = new ArrayList<>();
        if (body == null || !body.has("fail") || !body.get("fail").isJsonArray()) {
            return out;
        }
        for (JsonElement item : body.getAsJsonArray("fail")) {
            if (!item.isJsonObject()) {
                continue;
            }
            JsonObject o = item.getAsJsonObject();
            if (o.has("errors") && o.get("errors").isJsonArray()) {
                for (JsonElement e : o.getAsJsonArray("errors")) {
                    if (e.isJsonObject()) {
                        out.add(failure(e.getAsJsonObject()));
                    }
                }
            } else if (o.has("code") || o.has("message")) {
                out.add(failure(o));
            }
        }
        return out;
    }

    private static MimecastFailure failure(JsonObject o) {
        return new MimecastFailure(MimecastJson.string(o, "code").orElse("unknown"),
                MimecastJson.string(o, "message").orElse(""),
                o.has("retryable") && o.get("retryable").isJsonPrimitive() && o.get("retryable").getAsBoolean());
    }

    /**
     * The account of {@code get-account} ({@code data[0]}). Its shape is known from one fixture
     * only, so booleans and numbers are also read from strings, and a missing or non-positive
     * retention is "not stated".
     */
    static MimecastAccount account(JsonObject body) {
        JsonObject a = MimecastJson.objects(body, "data").stream().findFirst().orElse(new JsonObject());
        return new MimecastAccount(MimecastJson.string(a, "accountName").orElse(""),
                MimecastJson.string(a, "accountCode").orElse(""), bool(a.get("archive")), days(a.get("maxRetention")));
    }

    /** The access token of a token answer, or empty when it has none. */
    static Optional<String> accessToken(JsonObject body) {
        return body == null ? Optional.empty() : MimecastJson.string(body, "access_token");
    }

    /** The lifetime in seconds a token answer states. */
    static Optional<Long> expiresIn(JsonObject body) {
        return MimecastJson.number(body, "expires_in");
    }

    private static Optional<Boolean> bool(JsonElement e) {
        if (e == null || !e.isJsonPrimitive()) {
            return Optional.empty();
        }
        JsonPrimitive p = e.getAsJsonPrimitive();
        if (p.isBoolean()) {
            return Optional.of(p.getAsBoolean());
        }
        String s = p.getAsString().trim().toLowerCase(Locale.ROOT);
        return s.equals("true") ? Optional.of(true) : s.equals("false") ? Optional.of(false) : Optional.empty();
    }

    private static OptionalInt days(JsonElement e) {
        if (e == null || !e.isJsonPrimitive()) {
            return OptionalInt.empty();
        }
        try {
            double d = Double.parseDouble(e.getAsJsonPrimitive().getAsString().trim());
            return d >= 1 && d < Integer.MAX_VALUE ? OptionalInt.of((int) d) : OptionalInt.empty();
        } catch (NumberFormatException bad) {
            return OptionalInt.empty();
        }
    }
}
