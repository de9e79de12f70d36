package io.connectorkit.cli.command;

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
import java.util.OptionalLong;

/**
 * Counts documents of one kind with a plain {@code _count} request, for the demo's summary
 * (messages and attachments apart). Only used against the demo's own embedded node, which
 * needs no credentials.
 */
final class IndexCounts {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String indexUrl;
    private final String index;
    private final Optional<String> authorization;

    IndexCounts(String indexUrl, String index, Optional<String> authorization) {
        this.indexUrl = indexUrl;
        this.index = index;
        this.authorization = authorization;
    }

    /**
     * Counts the documents of a kind.
     *
     * @param kind such as {@code email}
     * @return the count, or empty when the index could not answer
     */
    OptionalLong ofKind(String kind) {
        String q = URLEncoder.encode("kind:\"" + kind + "\"", StandardCharsets.UTF_8);
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(indexUrl + "/" + index + "/_count?q=" + q))
                .timeout(Duration.ofSeconds(10)).GET();
        authorization.ifPresent(a -> builder.header("Authorization", a));
        HttpRequest request = builder.build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(JsonParser.parseString(response.body()).getAsJsonObject().get("count").getAsLong());
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalLong.empty();
        }
    }
}
