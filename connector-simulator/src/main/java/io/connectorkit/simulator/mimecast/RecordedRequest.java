package io.connectorkit.simulator.mimecast;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One request the fake server received, with the status it answered.
 *
 * @param endpoint the endpoint, or null for an unknown path
 * @param method the HTTP method
 * @param path the request path
 * @param query the raw query string, empty if none
 * @param headers the request headers, names in lower case
 * @param body the request body as UTF-8 text
 * @param status the HTTP status answered, 0 when a scripted fault dropped the connection mid-body
 * @param at when the request arrived, by the server's clock
 */
public record RecordedRequest(Endpoint endpoint, String method, String path, String query,
                              Map<String, List<String>> headers, String body, int status, Instant at) {
    public RecordedRequest {
        requireNonNull(method, "method");
        requireNonNull(path, "path");
        requireNonNull(query, "query");
        requireNonNull(body, "body");
        requireNonNull(at, "at");
        TreeMap<String, List<String>> lower = new TreeMap<>();
        headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        headers = Collections.unmodifiableMap(lower);
    }

    /** The first value of a header, by case-insensitive name. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The Authorization header, if the request carried one. */
    public Optional<String> authorization() {
        return header("Authorization");
    }
}
