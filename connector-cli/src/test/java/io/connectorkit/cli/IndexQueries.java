package io.connectorkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Plain HTTP requests from a test to the index a command crawled into, to see what the crawl
 * left there. They go to the index directly, not through the command, so that what the command
 * prints is checked against what the index holds.
 */
final class IndexQueries {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String url;

    /** @param url the index's base URL, such as the shared node's */
    IndexQueries(String url) {
        this.url = Objects.requireNonNull(url, "url");
    }

    /**
     * Posts a JSON body (none when {@code null}) and expects 200.
     *
     * @return the answer's JSON object
     */
    JsonObject post(String path, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + path))
                .header("Content-Type", "application/json")
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s: %s", path, response.body()).isEqualTo(200);
        return JsonParser.parseString(response.body()).getAsJsonObject();
    }

    /** Puts a JSON body, such as an index's settings, and expects 200. */
    void put(String path, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + path))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s: %s", path, response.body()).isEqualTo(200);
    }

    /** A GET whatever its status: whether an index exists is a 200 or a 404. */
    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + path)).GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Makes what was written to some indices (a name or a pattern such as {@code connector-x*}) searchable. */
    void refresh(String indices) throws IOException, InterruptedException {
        post("/" + indices + "/_refresh", null);
    }

    /** @return the documents an index holds now, without a refresh */
    long count(String index) throws IOException, InterruptedException {
        return post("/" + index + "/_count", "{}").get("count").getAsLong();
    }

    /**
     * The {@code _source} of every hit of a search (at most as many as the body's {@code size}).
     *
     * @param index the index to search
     * @param body the search request, such as {@code {"size":1000}}
     * @return the sources, in the order of the hits
     */
    List<JsonObject> sources(String index, String body) throws IOException, InterruptedException {
        JsonObject r = post("/" + index + "/_search", body);
        List<JsonObject> out = new ArrayList<>();
        for (JsonElement h : r.getAsJsonObject("hits").getAsJsonArray("hits")) {
            out.add(h.getAsJsonObject().getAsJsonObject("_source"));
        }
        return out;
    }

    /**
     * How often each (mailbox, Mimecast id) occurs among the emails of a content index: a crawl
     * that indexed a message twice, or lost one, shows here.
     *
     * @param index the content index
     * @return {@code "<mailbox in lower case> <Mimecast id>"} to the number of its email documents
     */
    Map<String, Integer> indexedEmails(String index) throws IOException, InterruptedException {
        Map<String, Integer> out = new HashMap<>();
        for (JsonObject src : sources(index,
                "{\"size\":10000,\"_source\":[\"kind\",\"fields.mailbox\",\"fields.mimecastId\"]}")) {
            if ("email".equals(src.get("kind").getAsString())) {
                JsonObject f = src.getAsJsonObject("fields");
                out.merge(f.get("mailbox").getAsString().toLowerCase(Locale.ROOT) + " "
                        + f.get("mimecastId").getAsString(), 1, Integer::sum);
            }
        }
        return out;
    }
}
