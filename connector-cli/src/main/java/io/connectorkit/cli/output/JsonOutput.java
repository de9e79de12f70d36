package io.connectorkit.cli.output;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import com.google.gson.JsonSerializer;
import java.time.Duration;
import java.time.Instant;

/**
 * Writes {@code --json} output: pretty-printed, instants and durations in ISO-8601, nulls kept
 * so that scripts see every field.
 */
public final class JsonOutput {
    private static final Gson GSON = new GsonBuilder()
            .setPrettyPrinting()
            .serializeNulls()
            .disableHtmlEscaping()
            .registerTypeAdapter(Instant.class, (JsonSerializer<Instant>) (v, t, c) -> new JsonPrimitive(v.toString()))
            .registerTypeAdapter(Duration.class, (JsonSerializer<Duration>) (v, t, c) -> new JsonPrimitive(v.toString()))
            .create();

    private JsonOutput() {
    }

    /**
     * Serialises a value (records, maps, lists and plain values).
     *
     * @param value the value
     * @return the JSON text
     */
    public static String write(Object value) {
        return GSON.toJson(value);
    }

    /**
     * Converts a value to a JSON tree, with the same rules as {@link #write}, to add fields to.
     *
     * @param value the value
     * @return the tree
     */
    public static JsonElement tree(Object value) {
        return GSON.toJsonTree(value);
    }
}
