package io.connectorkit.mimecast.client;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Lenient readers for Mimecast JSON, where fields may be missing, null or of an unexpected shape. */
public final class MimecastJson {
    private MimecastJson() {
    }

    static Optional<String> string(JsonObject o, String name) {
        if (o == null || !o.has(name) || !o.get(name).isJsonPrimitive()) {
            return Optional.empty();
        }
        return Optional.of(o.get(name).getAsString());
    }

    static Optional<Long> number(JsonObject o, String name) {
        try {
            return string(o, name).map(s -> (long) Double.parseDouble(s));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static boolean bool(JsonObject o, String name) {
        return string(o, name).map(Boolean::parseBoolean).orElse(false);
    }

    static Optional<JsonObject> object(JsonObject o, String name) {
        if (o == null || !o.has(name) || !o.get(name).isJsonObject()) {
            return Optional.empty();
        }
        return Optional.of(o.getAsJsonObject(name));
    }

    static List<JsonObject> objects(JsonObject o, String name) {
        List<JsonObject> out = new ArrayList<>();
        if (o != null && o.has(name) && o.get(name).isJsonArray()) {
            for (JsonElement e : o.getAsJsonArray(name)) {
                if (e.isJsonObject()) {
                    out.add(e.getAsJsonObject());
                }
            }
        }
        return out;
    }

    /**
     * The items of a list response: a flat {@code data[]}, or the array found under
     * {@code nested} in {@code data[0]} (such as {@code data[0].users[]}).
     */
    static List<JsonObject> items(JsonObject body, String... nested) {
        List<JsonObject> data = objects(body, "data");
        if (data.size() >= 1) {
            for (String name : nested) {
                if (data.get(0).has(name) && data.get(0).get(name).isJsonArray()) {
                    List<JsonObject> out = new ArrayList<>();
                    for (JsonObject d : data) {
                        out.addAll(objects(d, name));
                    }
                    return out;
                }
            }
        }
        return data;
    }

    /** An address from {@code {"emailAddress": ...}}, a plain string, or a list of either. */
    static List<String> addresses(JsonObject o, String name) {
        List<String> out = new ArrayList<>();
        if (o == null || !o.has(name)) {
            return out;
        }
        JsonElement e = o.get(name);
        JsonArray array = e.isJsonArray() ? e.getAsJsonArray() : null;
        if (array == null) {
            address(e).ifPresent(out::add);
        } else {
            for (JsonElement item : array) {
                address(item).ifPresent(out::add);
            }
        }
        return out;
    }

    private static Optional<String> address(JsonElement e) {
        if (e.isJsonPrimitive()) {
            return Optional.of(e.getAsString()).filter(s -> !s.isBlank());
        }
        if (e.isJsonObject()) {
            return string(e.getAsJsonObject(), "emailAddress").filter(s -> !s.isBlank());
        }
        return Optional.empty();
    }
}
