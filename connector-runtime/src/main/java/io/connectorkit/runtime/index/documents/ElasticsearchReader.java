package io.connectorkit.runtime.index.documents;

import static java.util.Objects.requireNonNull;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.connectorkit.runtime.SearchHit;
import io.connectorkit.runtime.SearchResults;
import io.connectorkit.runtime.index.DocumentReader;
import io.connectorkit.runtime.index.IndexClient;
import io.connectorkit.runtime.index.SinkException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a content index in Elasticsearch or OpenSearch holds of one source: versions by
 * {@code _mget}, counts and search by {@code _search}.
 */
final class ElasticsearchReader implements DocumentReader {
    private final ContentIndex content;
    private final IndexClient client;
    private final String index;

    ElasticsearchReader(ContentIndex content) {
        this.content = requireNonNull(content, "content");
        this.client = content.client();
        this.index = content.name();
    }

    @Override
    public Map<String, String> versions(Collection<String> ids) throws SinkException {
        Map<String, String> out = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        JsonObject body = new JsonObject();
        body.add("ids", QueryClauses.array(ids));
        try {
            IndexClient.Reply r = client.json("POST", "/" + index + "/_mget",
                    Map.of("_source", "version,source," + DocumentJson.CHILDREN_INCOMPLETE),
                    body.toString());
            if (!r.ok()) {
                throw new SinkException("Cannot look up documents in index '" + index + "': " + r.reason(), null);
            }
            for (JsonElement e : r.body().getAsJsonArray("docs")) {
                JsonObject d = e.getAsJsonObject();
                if (d.has("found") && d.get("found").getAsBoolean() && d.has("_source")) {
                    JsonObject src = d.getAsJsonObject("_source");
                    // A document whose children are not all indexed is not known: it must be crawled again.
                    if (src.has("version") && content.connectorId().equals(text(src, "source"))
                            && !(src.has(DocumentJson.CHILDREN_INCOMPLETE)
                                    && src.get(DocumentJson.CHILDREN_INCOMPLETE).getAsBoolean())) {
                        out.put(d.get("_id").getAsString(), src.get("version").getAsString());
                    }
                }
            }
            return out;
        } catch (IOException e) {
            throw new SinkException(e.getMessage(), e);
        }
    }

    @Override
    public Map<String, Long> countByPartition() throws SinkException {
        JsonObject body = new JsonObject();
        body.addProperty("size", 0);
        JsonObject query = new JsonObject();
        query.add("bool", content.sourceFilter());
        body.add("query", query);
        body.add("aggs", QueryClauses.parse("{\"p\":{\"terms\":{\"field\":\"partition\",\"size\":65535}}}"));
        try {
            IndexClient.Reply r = client.json("POST", "/" + index + "/_search", Map.of(), body.toString());
            if (!r.ok()) {
                throw new SinkException("Cannot count documents in index '" + index + "': " + r.reason(), null);
            }
            Map<String, Long> out = new TreeMap<>();
            for (JsonElement b : r.body().getAsJsonObject("aggregations").getAsJsonObject("p").getAsJsonArray("buckets")) {
                out.put(b.getAsJsonObject().get("key").getAsString(), b.getAsJsonObject().get("doc_count").getAsLong());
            }
            return out;
        } catch (IOException e) {
            throw new SinkException(e.getMessage(), e);
        }
    }

    @Override
    public SearchResults search(String query, Optional<String> principal, int size) throws SinkException {
        JsonObject bool = content.sourceFilter();
        principal.ifPresent(p -> bool.getAsJsonArray("filter").add(QueryClauses.termIgnoringCase(DocumentJson.ACL, p.trim())));
        JsonObject sqs = new JsonObject();
        sqs.addProperty("query", query);
        sqs.add("fields", QueryClauses.array(List.of("title^2", "content", "fields.*")));
        sqs.addProperty("lenient", true);
        JsonObject must = new JsonObject();
        must.add("simple_query_string", sqs);
        bool.add("must", must);
        JsonObject q = new JsonObject();
        q.add("bool", bool);
        JsonObject body = new JsonObject();
        body.add("query", q);
        body.addProperty("size", size);
        body.addProperty("track_total_hits", true);
        body.add("_source", QueryClauses.parse("{\"excludes\":[\"content\"]}"));
        try {
            IndexClient.Reply r = client.json("POST", "/" + index + "/_search", Map.of(), body.toString());
            if (!r.ok()) {
                throw new SinkException("Search in index '" + index + "' failed: " + r.reason(), null);
            }
            JsonObject hits = r.body().getAsJsonObject("hits");
            List<SearchHit> out = new ArrayList<>();
            for (JsonElement e : hits.getAsJsonArray("hits")) {
                out.add(hit(e.getAsJsonObject()));
            }
            long total = hits.getAsJsonObject("total").get("value").getAsLong();
            return new SearchResults(total, out, r.body().get("took").getAsLong());
        } catch (IOException e) {
            throw new SinkException(e.getMessage(), e);
        }
    }

    @Override
    public void refresh() throws SinkException {
        content.refresh();
    }

    @Override
    public String indexName() {
        return index;
    }

    /** A hit of {@link #search} as the host shows it: the document's fixed fields and its connector's fields. */
    private static SearchHit hit(JsonObject hit) {
        JsonObject src = hit.has("_source") ? hit.getAsJsonObject("_source") : new JsonObject();
        Map<String, Object> fields = new LinkedHashMap<>();
        if (src.has("fields") && src.get("fields").isJsonObject()) {
            for (Map.Entry<String, JsonElement> f : src.getAsJsonObject("fields").entrySet()) {
                fields.put(f.getKey(), plain(f.getValue()));
            }
        }
        List<String> acl = new ArrayList<>();
        if (src.has("acl") && src.get("acl").isJsonArray()) {
            src.getAsJsonArray("acl").forEach(e -> acl.add(e.getAsString()));
        }
        double score = hit.has("_score") && !hit.get("_score").isJsonNull() ? hit.get("_score").getAsDouble() : 0;
        return new SearchHit(hit.get("_id").getAsString(), text(src, "partition"), text(src, "kind"), text(src, "title"),
                score, fields, acl);
    }

    /** A field's value as plain Java: booleans, numbers, strings and lists of them; anything else as JSON text. */
    private static Object plain(JsonElement e) {
        if (e.isJsonArray()) {
            List<Object> out = new ArrayList<>();
            e.getAsJsonArray().forEach(x -> out.add(plain(x)));
            return out;
        }
        if (e.isJsonPrimitive()) {
            JsonPrimitive p = e.getAsJsonPrimitive();
            return p.isBoolean() ? p.getAsBoolean() : p.isNumber() ? p.getAsNumber() : p.getAsString();
        }
        return e.toString();
    }

    private static String text(JsonObject o, String field) {
        JsonElement e = o.get(field);
        return e == null || e.isJsonNull() ? "" : e.isJsonPrimitive() ? e.getAsString() : e.toString();
    }
}
