package io.connectorkit.simulator.mimecast.wire;

import com.google.gson.JsonElement;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An answer before it is sent: status, content type, exact length (-1 = no body) and a writer
 * that streams the body, so huge downloads are produced while they are sent.
 */
public record Reply(int status, String contentType, long length, Body body, Map<String, String> headers) {
    /** Streams a body. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    public static Reply json(int status, JsonElement json) {
        return bytes(status, "application/json", json.toString().getBytes(StandardCharsets.UTF_8));
    }

    public static Reply bytes(int status, String contentType, byte[] bytes) {
        return new Reply(status, contentType, bytes.length, out -> out.write(bytes), new LinkedHashMap<>());
    }

    public static Reply empty(int status) {
        return new Reply(status, null, -1, out -> { }, new LinkedHashMap<>());
    }

    public static Reply stream(String contentType, long length, Body body) {
        return new Reply(200, contentType, length, body, new LinkedHashMap<>());
    }

    boolean isJson() {
        return "application/json".equals(contentType);
    }
}
