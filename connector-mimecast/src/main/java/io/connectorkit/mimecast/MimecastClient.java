package io.connectorkit.mimecast;

import static java.util.Objects.requireNonNull;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.connectorkit.api.ConnectorException;
import io.connectorkit.api.ErrorKind;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;

/**
 * Calls Mimecast API 2.0 functions: {@code POST {api-endpoint}/api/...} with a bearer token and
 * a JSON envelope. Reads {@code fail[]} even on HTTP 200, maps statuses and codes to
 * {@link ErrorKind}, re-mints the token once on a 401, and downloads content from 2.0 pre-signed
 * URLs ({@code urls[]} or {@code url}, fetched without the bearer, following redirects only to
 * https) or from a binary body. A redirect on an API call is an error (see {@link MimecastRedirects}).
 * Thread-safe; one per session.
 */
final class MimecastClient {
    private final MimecastHttp http;
    private final MimecastTokenSource tokens;
    private final MimecastTrace trace;
    private final MimecastStats stats;
    private final String apiEndpoint;

    @Inject
    MimecastClient(MimecastHttp http, MimecastTokenSource tokens, MimecastTrace trace, MimecastStats stats,
            MimecastConfig config) {
        this.http = requireNonNull(http, "http");
        this.tokens = requireNonNull(tokens, "tokens");
        this.trace = requireNonNull(trace, "trace");
        this.stats = requireNonNull(stats, "stats");
        this.apiEndpoint = requireNonNull(config, "config").connection().apiEndpoint();
    }

    /**
     * Calls a function and returns its JSON body.
     *
     * @param path such as {@code /api/archive/get-message-list}
     * @param body the request envelope
     * @param what the item the call is about, for messages
     * @return the response body
     * @throws ConnectorException classified by status and {@code fail[]} code
     */
    JsonObject call(String path, JsonObject body, String what) throws ConnectorException {
        for (int attempt = 1; ; attempt++) {
            MimecastReply reply = post(path, body, false, 0);
            JsonObject json = reply.json();
            List<MimecastFailure> failures = MimecastFailure.read(json);
            if (reply.status() == 200 && failures.isEmpty() && json != null) {
                return json;
            }
            if (reply.status() == 200 && failures.isEmpty()) {
                // A cut-off body: the call itself worked, so asking again is safe.
                if (attempt < MimecastHttp.MAX_TRANSIENT) {
                    continue;
                }
                throw new ConnectorException(ErrorKind.TRANSIENT, path + " for " + what + " answered HTTP 200 "
                        + attempt + " times with a body that is not a JSON object; retry later");
            }
            throw MimecastFailure.toException(failures, reply.status(), path, what);
        }
    }

    /**
     * Calls a function that returns content and downloads it.
     *
     * @param path {@code /api/archive/get-file} or {@code /api/archive/get-message-part}
     * @param body the request envelope
     * @param what the item, for messages
     * @param maxBytes bytes beyond this are counted but not kept
     * @return the spooled content; the caller closes it
     * @throws ConnectorException classified as for {@link #call}
     */
    MimecastSpool download(String path, JsonObject body, String what, long maxBytes) throws ConnectorException {
        int cutBodies = 0;
        int expiredUrls = 0;
        while (true) {
            MimecastReply reply = post(path, body, true, maxBytes);
            if (reply.spool() != null) {
                stats.download(reply.spool().length());
                return reply.spool();
            }
            JsonObject json = reply.json();
            List<MimecastFailure> failures = MimecastFailure.read(json);
            if (reply.status() == 200 && failures.isEmpty() && json == null) {
                // A cut-off body, as in call(): the request worked, so asking again is safe.
                if (++cutBodies < MimecastHttp.MAX_TRANSIENT) {
                    continue;
                }
                throw new ConnectorException(ErrorKind.TRANSIENT, path + " for " + what + " answered HTTP 200 "
                        + cutBodies + " times with neither content nor a JSON object; retry later");
            }
            if (reply.status() != 200 || !failures.isEmpty()) {
                throw MimecastFailure.toException(failures, reply.status(), path, what);
            }
            Optional<String> url = downloadUrl(json);
            if (url.isEmpty()) {
                throw new ConnectorException(ErrorKind.PERMANENT, path + " for " + what
                        + " answered without content and without a download URL (data[0].urls[] or data[0].url)");
            }
            MimecastReply download = fetch(url.get(), what, maxBytes);
            if (download.status() == 200 && download.spool() != null) {
                stats.download(download.spool().length());
                return download.spool();
            }
            boolean expired = download.status() == 403 || download.status() == 404;
            if (expired && ++expiredUrls == 1) {
                // Pre-signed URLs are short-lived: ask for a fresh one once.
                continue;
            }
            ErrorKind kind = expired || download.status() >= 500 ? ErrorKind.TRANSIENT : ErrorKind.PERMANENT;
            throw new ConnectorException(kind, "Downloading " + what + " from " + trace.redact(url.get())
                    + " answered HTTP " + download.status() + (expired ? " for " + expiredUrls + " fresh URLs" : "")
                    + "; retry later");
        }
    }

    private MimecastReply fetch(String first, String what, long maxBytes) throws ConnectorException {
        String url = first;
        for (int hops = 0; ; hops++) {
            String target = url;
            // Pre-signed URLs carry their own credentials: the bearer must not travel to the download host.
            // Not an API call: the download host's GETs do not spend the application's quota.
            MimecastReply reply = http.send(() -> ClassicRequestBuilder.get(target).build(), true, maxBytes, false);
            if (!MimecastRedirects.is(reply.status())) {
                return reply;
            }
            url = MimecastRedirects.nextDownload(url, reply, what, hops);
        }
    }

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

    private MimecastReply post(String path, JsonObject body, boolean spool, long maxBytes)
            throws ConnectorException {
        String url = apiEndpoint + path;
        String text = body.toString();
        trace.body("request", url, text);
        String token = tokens.token();
        MimecastReply reply = notRedirected(url, http.send(() -> request(url, text, token), spool, maxBytes));
        if (reply.status() == 401) {
            // Tokens expire every 30 minutes, possibly mid-crawl: mint once more, then give up.
            tokens.invalidate(token);
            String fresh = tokens.token();
            reply = notRedirected(url, http.send(() -> request(url, text, fresh), spool, maxBytes));
            if (reply.status() == 401) {
                throw MimecastFailure.toException(MimecastFailure.read(reply.json()), 401, path, "a fresh token");
            }
        }
        return reply;
    }

    private static MimecastReply notRedirected(String url, MimecastReply reply) throws ConnectorException {
        if (MimecastRedirects.is(reply.status())) {
            throw MimecastRedirects.refused("POST " + url, url, reply, MimecastKeys.API_ENDPOINT);
        }
        return reply;
    }

    private static org.apache.hc.core5.http.ClassicHttpRequest request(String url, String json, String token) {
        return ClassicRequestBuilder.post(url)
                .setEntity(new StringEntity(json, ContentType.APPLICATION_JSON))
                .addHeader("Authorization", "Bearer " + token)
                .addHeader("Accept", "application/json")
                .build();
    }
}
