package io.connectorkit.runtime.index;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** Reads the errors the index answers with into the short "type: reason" text that messages quote. */
public final class IndexErrors {
    private IndexErrors() {
    }

    /**
     * The error of an answer as "type: reason", short enough for a message.
     *
     * @param reply the answer
     * @return the index's error, or the status and the start of the body when it gave none
     */
    public static String reason(IndexClient.Reply reply) {
        JsonObject b = reply.body();
        if (b.has("error")) {
            return describe(b.get("error"));
        }
        String s = b.toString();
        return "HTTP " + reply.status() + (s.equals("{}") ? "" : " " + (s.length() > 300 ? s.substring(0, 300) : s));
    }

    /**
     * An {@code error} element (of an answer, or of one bulk item) as "type: reason (caused by
     * type: reason)".
     *
     * @param error the element, an object or a plain string
     * @return the text
     */
    public static String describe(JsonElement error) {
        if (!error.isJsonObject()) {
            return error.getAsString();
        }
        JsonObject e = error.getAsJsonObject();
        String out = text(e, "type") + ": " + text(e, "reason");
        if (e.has("caused_by") && e.get("caused_by").isJsonObject()) {
            out += " (caused by " + text(e.getAsJsonObject("caused_by"), "type") + ": "
                    + text(e.getAsJsonObject("caused_by"), "reason") + ")";
        }
        return out;
    }

    private static String text(JsonObject o, String field) {
        JsonElement e = o.get(field);
        return e == null || e.isJsonNull() ? "" : e.isJsonPrimitive() ? e.getAsString() : e.toString();
    }
}
