package com.example.files;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.Optional;

/**
 * Reads the title of a JSON file: its top-level {@code title} string. Gson is a library of the
 * connector's own, packaged next to its jar in the plugin folder; the host never lends it one.
 */
final class ExampleJsonTitle {
    private ExampleJsonTitle() {
    }

    /**
     * The title a JSON text declares.
     *
     * @param json the file's text
     * @return its {@code title}, or empty when it is not a JSON object with a string title
     */
    static Optional<String> of(String json) {
        try {
            JsonElement root = JsonParser.parseString(json);
            if (root.isJsonObject()) {
                JsonObject object = root.getAsJsonObject();
                JsonElement title = object.get("title");
                if (title != null && title.isJsonPrimitive() && title.getAsJsonPrimitive().isString()
                        && !title.getAsString().isBlank()) {
                    return Optional.of(title.getAsString().strip());
                }
            }
        } catch (JsonParseException e) {
            // Not JSON after all: the file name stays the title, as for any other file.
        }
        return Optional.empty();
    }
}
