package io.connectorkit.cli.bench.measure;

import static java.util.Objects.requireNonNull;

import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Counts what an index of the benchmark's own node holds, per document kind, after a refresh:
 * how "nothing lost" is checked. The benchmark's node answers only with its data directory's
 * credential, sent when given.
 */
public final class IndexTally {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String url;
    private final Optional<String> authorization;

    public IndexTally(String url) {
        this(url, Optional.empty());
    }

    public IndexTally(String url, Optional<String> authorization) {
        this.url = requireNonNull(url, "url");
        this.authorization = requireNonNull(authorization, "authorization");
    }

    /**
     * Counts the documents of one kind.
     *
     * @param index the index
     * @param kind such as {@code email}
     * @return the count
     * @throws IOException if the node does not answer 200
     */
    public long count(String index, String kind) throws IOException {
        send("POST", "/" + index + "/_refresh");
        return visible(index, kind);
    }

    /**
     * Counts the documents of one kind that searches see now, without forcing a refresh: cheap
     * enough to watch a crawl's progress often (the index refreshes on its own schedule).
     *
     * @param index the index
     * @param kind such as {@code email}
     * @return the count, possibly behind what was written
     * @throws IOException if the node does not answer 200
     */
    public long visible(String index, String kind) throws IOException {
        String q = URLEncoder.encode("kind:\"" + kind + "\"", StandardCharsets.UTF_8);
        String body = send("GET", "/" + index + "/_count?q=" + q);
        return JsonParser.parseString(body).getAsJsonObject().get("count").getAsLong();
    }

    private String send(String method, String path) throws IOException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofMinutes(2))
                .method(method, HttpRequest.BodyPublishers.noBody());
        authorization.ifPresent(a -> builder.header("Authorization", a));
        HttpRequest request = builder.build();
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IOException(method + " " + url + path + " answered " + r.statusCode() + ": " + r.body());
            }
            return r.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while asking " + url + path, e);
        }
    }
}
