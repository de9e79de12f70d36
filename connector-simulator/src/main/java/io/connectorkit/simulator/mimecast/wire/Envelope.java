package io.connectorkit.simulator.mimecast.wire;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** The JSON envelope every {@code /api/...} answer uses: meta.status, data, fail. */
public final class Envelope {
    private Envelope() {
    }

    public static JsonObject ok(JsonArray data, JsonObject pagination) {
        JsonObject meta = new JsonObject();
        meta.addProperty("status", 200);
        if (pagination != null) {
            meta.add("pagination", pagination);
        }
        JsonObject body = new JsonObject();
        body.add("meta", meta);
        body.add("data", data);
        body.add("fail", new JsonArray());
        return body;
    }

    /** A function-level failure (HTTP 200): one fail entry with key and errors[]. */
    public static Reply functionFailure(JsonElement key, String code, String message, boolean retryable, String field) {
        JsonObject error = new JsonObject();
        error.addProperty("code", code);
        error.addProperty("message", message);
        error.addProperty("retryable", retryable);
        if (field != null) {
            error.addProperty("field", field);
        }
        JsonArray errors = new JsonArray();
        errors.add(error);
        JsonObject entry = new JsonObject();
        entry.add("key", key == null ? new JsonObject() : key);
        entry.add("errors", errors);
        return Reply.json(200, withFail(200, entry));
    }

    /** A gateway-level failure: fail[0] has code and message directly (401, 403). */
    public static Reply gatewayFailure(int status, String code, String message) {
        JsonObject entry = new JsonObject();
        entry.addProperty("code", code);
        entry.addProperty("message", message);
        return Reply.json(status, withFail(status, entry));
    }

    /** An HTTP error whose body uses the errors[] form (429, 5xx). */
    public static Reply httpFailure(int status, String code, String message, boolean retryable) {
        JsonObject error = new JsonObject();
        error.addProperty("code", code);
        error.addProperty("message", message);
        error.addProperty("retryable", retryable);
        JsonArray errors = new JsonArray();
        errors.add(error);
        JsonObject entry = new JsonObject();
        entry.add("errors", errors);
        return Reply.json(status, withFail(status, entry));
    }

    private static JsonObject withFail(int status, JsonObject entry) {
        JsonObject meta = new JsonObject();
        meta.addProperty("status", status);
        JsonArray fail = new JsonArray();
        fail.add(entry);
        JsonObject body = new JsonObject();
        body.add("meta", meta);
        body.add("data", new JsonArray());
        body.add("fail", fail);
        return body;
    }
}
