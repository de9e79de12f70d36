package io.connectorkit.cli.bench.measure;

import static java.util.Objects.requireNonNull;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The documents of an index a crawl wrote, as their final JSON, loaded again with {@code _bulk}
 * alone into new indices of the same mapping and shards: what the index costs without a crawl in
 * front of it. The bodies are built before the clock starts; only the requests are timed.
 */
public final class BulkLoad {
    /** One document: its id and its {@code _source} as the index holds it. */
    private record Doc(String id, String source) {
    }

    /**
     * One timed load.
     *
     * @param seconds wall time of the requests
     * @param documents documents the index holds afterwards
     * @param failed items the index refused
     */
    public record Load(double seconds, long documents, long failed) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String url;
    private final Optional<String> authorization;
    private final List<Doc> docs = new ArrayList<>();
    private final String indexBody;

    /**
     * Reads every document of the source index, with its mapping and shard settings.
     *
     * @param url the node
     * @param authorization the node's credential, if it needs one
     * @param source the index a crawl wrote
     * @throws IOException if the node does not answer
     */
    public BulkLoad(String url, Optional<String> authorization, String source) throws IOException {
        this.url = requireNonNull(url, "url");
        this.authorization = requireNonNull(authorization, "authorization");
        JsonObject mapping = json("GET", "/" + source + "/_mapping", null).getAsJsonObject(source)
                .getAsJsonObject("mappings");
        JsonObject settings = json("GET", "/" + source + "/_settings", null).getAsJsonObject(source)
                .getAsJsonObject("settings").getAsJsonObject("index");
        JsonObject index = new JsonObject();
        index.add("number_of_shards", settings.get("number_of_shards"));
        index.add("number_of_replicas", settings.get("number_of_replicas"));
        JsonObject wrapped = new JsonObject();
        wrapped.add("index", index);
        JsonObject body = new JsonObject();
        body.add("settings", wrapped);
        body.add("mappings", mapping);
        this.indexBody = body.toString();
        JsonObject page = json("POST", "/" + source + "/_search?scroll=2m",
                "{\"size\":1000,\"sort\":[\"_doc\"],\"query\":{\"match_all\":{}}}");
        while (true) {
            var hits = page.getAsJsonObject("hits").getAsJsonArray("hits");
            if (hits.isEmpty()) {
                break;
            }
            for (JsonElement h : hits) {
                JsonObject hit = h.getAsJsonObject();
                docs.add(new Doc(hit.get("_id").getAsString(), hit.get("_source").toString()));
            }
            String scroll = page.get("_scroll_id").getAsString();
            page = json("POST", "/_search/scroll", "{\"scroll\":\"2m\",\"scroll_id\":\"" + scroll + "\"}");
        }
    }

    /** @return the documents read */
    public int documents() {
        return docs.size();
    }

    /**
     * Loads every document into a new index and deletes it afterwards.
     *
     * @param index the new index's name
     * @param batch documents per {@code _bulk} request
     * @param concurrency requests in flight at once
     * @return the load
     * @throws Exception if the node does not answer
     */
    public Load load(String index, int batch, int concurrency) throws Exception {
        send("DELETE", "/" + index + "?ignore_unavailable=true", null);
        json("PUT", "/" + index, indexBody);
        List<String> bodies = new ArrayList<>();
        for (int from = 0; from < docs.size(); from += batch) {
            StringBuilder b = new StringBuilder();
            for (Doc d : docs.subList(from, Math.min(docs.size(), from + batch))) {
                JsonObject meta = new JsonObject();
                meta.addProperty("_index", index);
                meta.addProperty("_id", d.id());
                JsonObject line = new JsonObject();
                line.add("index", meta);
                b.append(line).append('\n').append(d.source()).append('\n');
            }
            bodies.add(b.toString());
        }
        AtomicInteger next = new AtomicInteger();
        AtomicLong failed = new AtomicLong();
        ExecutorService threads = Executors.newFixedThreadPool(concurrency);
        long started = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < concurrency; t++) {
                done.add(threads.submit(() -> {
                    for (int i = next.getAndIncrement(); i < bodies.size(); i = next.getAndIncrement()) {
                        JsonObject r = json("POST", "/_bulk", bodies.get(i));
                        if (r.get("errors").getAsBoolean()) {
                            for (JsonElement item : r.getAsJsonArray("items")) {
                                if (item.getAsJsonObject().getAsJsonObject("index").has("error")) {
                                    failed.incrementAndGet();
                                }
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            threads.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        send("POST", "/" + index + "/_refresh", null);
        long count = json("GET", "/" + index + "/_count", null).get("count").getAsLong();
        send("DELETE", "/" + index, null);
        return new Load(seconds, count, failed.get());
    }

    private JsonObject json(String method, String path, String body) throws IOException {
        return JsonParser.parseString(send(method, path, body)).getAsJsonObject();
    }

    private String send(String method, String path, String body) throws IOException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofMinutes(5))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            builder.header("Content-Type", path.startsWith("/_bulk") ? "application/x-ndjson" : "application/json");
        }
        authorization.ifPresent(a -> builder.header("Authorization", a));
        try {
            HttpResponse<String> r = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2 && !(method.equals("DELETE") && r.statusCode() == 404)) {
                throw new IOException(method + " " + url + path + " answered " + r.statusCode() + ": " + r.body());
            }
            return r.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while asking " + url + path, e);
        }
    }
}
