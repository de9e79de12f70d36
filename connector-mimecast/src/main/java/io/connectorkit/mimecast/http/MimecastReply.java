package io.connectorkit.mimecast.http;

import java.util.Locale;
import java.util.Map;

/**
 * One HTTP response: status, headers (looked up ignoring case), and either the text of a JSON or
 * error body or the spooled bytes of a binary body. What a text body says is the client's to read.
 *
 * @param status the HTTP status
 * @param headers header names in lower case to values
 * @param text the body as text, or null for a binary body
 * @param spool the binary body, or null for a text body
 */
public record MimecastReply(int status, Map<String, String> headers, String text, MimecastSpool spool) {
    public MimecastReply {
        headers = Map.copyOf(headers);
    }

    /**
     * A header value.
     *
     * @param name the header name, any case
     * @return the value, or null when absent
     */
    String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

}
