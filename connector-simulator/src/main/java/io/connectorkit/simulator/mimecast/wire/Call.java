package io.connectorkit.simulator.mimecast.wire;

import static java.util.Objects.requireNonNull;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.connectorkit.simulator.mimecast.Endpoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One parsed {@code /api/...} request.
 *
 * @param endpoint the endpoint
 * @param body the JSON body ({@code {}} when the request had none)
 * @param clientId the client the bearer token belongs to
 * @param now the server clock at arrival
 */
public record Call(Endpoint endpoint, JsonObject body, String clientId, Instant now) {
    public Call {
        requireNonNull(endpoint, "endpoint");
        requireNonNull(body, "body");
        requireNonNull(now, "now");
    }

    /** The {@code data} array, or null when the request has none. */
    public JsonArray data() {
        JsonElement data = body.get("data");
        return data != null && data.isJsonArray() ? data.getAsJsonArray() : null;
    }

    /** The first data item, or null. */
    public JsonObject item() {
        JsonArray data = data();
        return data != null && data.size() > 0 && data.get(0).isJsonObject() ? data.get(0).getAsJsonObject() : null;
    }

    private JsonObject pagination() {
        JsonElement meta = body.get("meta");
        if (meta == null || !meta.isJsonObject()) {
            return new JsonObject();
        }
        JsonElement pagination = meta.getAsJsonObject().get("pagination");
        return pagination != null && pagination.isJsonObject() ? pagination.getAsJsonObject() : new JsonObject();
    }

    public Optional<String> pageToken() {
        JsonElement token = pagination().get("pageToken");
        return token == null || token.isJsonNull() || token.getAsString().isEmpty() ? Optional.empty()
                : Optional.of(token.getAsString());
    }

    public int pageSize(int defaultSize, int maxSize) {
        JsonElement size = pagination().get("pageSize");
        if (size == null || size.isJsonNull()) {
            return defaultSize;
        }
        try {
            return Math.max(1, Math.min(maxSize, size.getAsInt()));
        } catch (NumberFormatException | UnsupportedOperationException e) {
            return defaultSize;
        }
    }

    /** Ids and mailboxes the request names, for id-bound fault rules. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        JsonArray data = data();
        if (data != null) {
            for (JsonElement item : data) {
                if (item.isJsonObject()) {
                    for (String field : List.of("id", "mailbox", "domain")) {
                        JsonElement value = item.getAsJsonObject().get(field);
                        if (value != null && value.isJsonPrimitive()) {
                            names.add(value.getAsString());
                        }
                    }
                }
            }
        }
        return names;
    }

    public static String string(JsonObject item, String field) {
        if (item == null) {
            return null;
        }
        JsonElement value = item.get(field);
        return value == null || value.isJsonNull() || !value.isJsonPrimitive() ? null : value.getAsString();
    }
}
