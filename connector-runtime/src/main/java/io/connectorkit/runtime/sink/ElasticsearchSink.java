package io.connectorkit.runtime.sink;

import static java.util.Objects.requireNonNull;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.connectorkit.runtime.SearchHit;
import io.connectorkit.runtime.SearchResults;
import io.connectorkit.runtime.index.IndexClient;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The content index in Elasticsearch or OpenSearch, written with {@code _bulk} and cleaned with
 * {@code _delete_by_query}. Every query is limited to this source's documents.
 */
public final class ElasticsearchSink implements DocumentSink {
    private static final org.apache.logging.log4j.Logger LOG =
            org.apache.logging.log4j.LogManager.getLogger(ElasticsearchSink.class);

    private final IndexClient client;
    private final String index;
    private final String connectorId;
    private final IndexDisk disk;
    // Whether this sink wrote since its last refresh (true at start: another process may have).
    private final AtomicBoolean unrefreshedWrites = new AtomicBoolean(true);

    /**
     * Creates the sink; call {@link #start(int)} before use.
     *
     * @param client the cluster client (not closed by this sink)
     * @param index the content index
     * @param connectorId the source id stamped on every document
     */
    public ElasticsearchSink(IndexClient client, String index, String connectorId) {
        this(client, index, connectorId, IndexDisk.cluster());
    }

    /**
     * Creates the sink on a watched disk; call {@link #start(int)} before use.
     *
     * @param client the cluster client (not closed by this sink)
     * @param index the content index
     * @param connectorId the source id stamped on every document
     * @param disk the disk under the index, such as {@link IndexDisk#embedded}
     */
    public ElasticsearchSink(IndexClient client, String index, String connectorId, IndexDisk disk) {
        this.client = requireNonNull(client, "client");
        this.index = requireNonNull(index, "index");
        this.connectorId = requireNonNull(connectorId, "connectorId");
        this.disk = requireNonNull(disk, "disk");
    }

    /**
     * Creates the content index with its mapping unless it exists.
     *
     * @param replicas replicas per shard for a new index
     * @throws SinkException if the index cannot be created
     */
    public void start(int replicas) throws SinkException {
        try {
            putTemplate(replicas);
            IndexClient.Reply head = client.json("HEAD", "/" + index, Map.of(), null);
            if (head.status() == 200) {
                return;
            }
            IndexClient.Reply r = client.json("PUT", "/" + index, Map.of(), DocumentJson.indexBody(replicas));
            if (!r.ok() && !r.body().toString().contains("resource_already_exists_exception")) {
                throw new SinkException("Cannot create index '" + index + "' on " + client.description() + ": "
                        + r.reason() + "; check the user's create_index privilege", null);
            }
        } catch (IOException e) {
            throw new SinkException(e.getMessage(), e);
        }
    }

    /**
     * Registers the mapping as an index template too, so that an index re-created by a write
     * (after someone deleted it) gets the same mapping. Optional: a user without the
     * manage_index_templates privilege still gets the explicitly created index.
     */
    private void putTemplate(int replicas) throws IOException {
        JsonObject body = new JsonObject();
        body.add("index_patterns", Json.array(List.of(index)));
        body.add("template", Json.parse(DocumentJson.indexBody(replicas)));
        body.addProperty("priority", 100);
        IndexClient.Reply r = client.json("PUT", "/_index_template/" + index, Map.of(), body.toString());
        if (!r.ok()) {
            LOG.warn("Index template '{}' not registered ({}); the index is still created with its mapping", index,
                    r.reason());
        }
    }

    @Override
    public List<String> write(List<SinkAction> actions) throws SinkException {
        unrefreshedWrites.set(true);
        return new BulkWrite(client, index, disk).write(actions);
    }

    @Override
    public void keep(String partition, long generation, Collection<String> ids) throws SinkException {
        if (ids.isEmpty()) {
            return;
        }
        // A re-stamp rewrites each document: it needs the disk's room as much as a bulk write.
        disk.awaitRoom(client.retry().maxWait());
        // The documents come from earlier runs, but one written moments ago may not be
        // searchable yet, and _update_by_query only sees what a search sees. A re-crawl that
        // writes nothing skips the refresh.
        if (unrefreshedWrites.get()) {
            refresh();
        }
        JsonObject bool = sourceFilter();
        bool.getAsJsonArray("filter").add(Json.term(DocumentJson.PARTITION, partition));
        bool.add("should", selfOrChildren(ids));
        bool.addProperty("minimum_should_match", 1);
        JsonObject query = new JsonObject();
        query.add("bool", bool);
        JsonObject script = new JsonObject();
        script.addProperty("lang", "painless");
        script.addProperty("source", "ctx._source." + DocumentJson.GENERATION + " = params.g");
        JsonObject params = new JsonObject();
        params.addProperty("g", generation);
        script.add("params", params);
        JsonObject body = new JsonObject();
        body.add("query", query);
        body.add("script", script);
        try {
            IndexClient.Reply r = client.json("POST", "/" + index + "/_update_by_query",
                    Map.of("conflicts", "proceed"), body.toString());
            if (!r.ok()) {
                throw new SinkException("Cannot keep " + ids.size() + " unchanged documents of partition '" + partition
                        + "' in index '" + index + "': " + r.reason()
                        + "; the cluster needs the painless script language (built into Elasticsearch and OpenSearch)",
                        null);
            }
        } catch (IOException e) {
            throw new SinkException(e.getMessage(), e);
        }
    }

    @Override
    public long deleteChildren(Collection<String> parentIds) throws SinkException {
        if (parentIds.isEmpty()) {
            return 0;
        }
        JsonObject bool = sourceFilter();
        bool.getAsJsonArray("filter").add(Json.terms(DocumentJson.PARENT_ID, parentIds));
        return deleteByQuery(bool, "children of " + parentIds.size() + " deleted documents");
    }

    @Override
    public long sweep(String partition, long generation, Set<String> keep) throws SinkException {
        return deleteByQuery(sweepQuery(partition, generation, keep), "documents of partition '" + partition
                + "' not seen again");
    }

    @Override
    public SweepCount countSweep(String partition, long generation, Set<String> keep) throws SinkException {
        // What the sweep would see: documents acknowledged moments ago included.
        refresh();
        JsonObject partitionOnly = sourceFilter();
        partitionOnly.getAsJsonArray("filter").add(Json.term(DocumentJson.PARTITION, partition));
        JsonObject stale = new JsonObject();
        stale.add("bool", sweepQuery(partition, generation, keep));
        JsonObject staleAgg = new JsonObject();
        staleAgg.add("filter", stale);
        JsonObject aggs = new JsonObject();
        aggs.add("stale", staleAgg);
        JsonObject query = new JsonObject();
        query.add("bool", partitionOnly);
        JsonObject body = new JsonObject();
        body.addProperty("size", 0);
        body.addProperty("track_total_hits", true);
        body.add("query", query);
        body.add("aggs", aggs);
        try {
            IndexClient.Reply r = client.json("POST", "/" + index + "/_search", Map.of(), body.toString());
            if (!r.ok()) {
                throw new SinkException("Cannot count the documents of partition '" + partition + "' in index '"
                        + index + "' before its sweep: " + r.reason(), null);
            }
            long documents = r.body().getAsJsonObject("hits").getAsJsonObject("total").get("value").getAsLong();
            long swept = r.body().getAsJsonObject("aggregations").getAsJsonObject("stale").get("doc_count").getAsLong();
            return new SweepCount(swept, documents);
        } catch (IOException e) {
            throw new SinkException(e.getMessage(), e);
        }
    }

    /** This source's documents of a partition from older generations, except the kept ids and their children. */
    private JsonObject sweepQuery(String partition, long generation, Set<String> keep) {
        JsonObject bool = sourceFilter();
        JsonArray filter = bool.getAsJsonArray("filter");
        filter.add(Json.term(DocumentJson.PARTITION, partition));
        JsonObject range = new JsonObject();
        JsonObject lt = new JsonObject();
        lt.addProperty("lt", generation);
        range.add(DocumentJson.GENERATION, lt);
        JsonObject rangeQuery = new JsonObject();
        rangeQuery.add("range", range);
        filter.add(rangeQuery);
        if (!keep.isEmpty()) {
            bool.add("must_not", selfOrChildren(keep));
        }
        return bool;
    }

    /** Clauses matching the given documents and the documents whose parent they are. */
    private static JsonArray selfOrChildren(Collection<String> ids) {
        JsonObject values = new JsonObject();
        values.add("values", Json.array(ids));
        JsonObject idsQuery = new JsonObject();
        idsQuery.add("ids", values);
        JsonArray clauses = new JsonArray();
        clauses.add(idsQuery);
        clauses.add(Json.terms(DocumentJson.PARENT_ID, ids));
        return clauses;
    }

    @Override
    public long deletePartition(String partition) throws SinkException {
        JsonObject bool = sourceFilter();
        bool.getAsJsonArray("filter").add(Json.term(DocumentJson.PARTITION, partition));
        return deleteByQuery(bool, "documents of partition '" + partition + "'");
    }

    private long deleteByQuery(JsonObject bool, String what) throws SinkException {
        refresh();
        JsonObject body = new JsonObject();
        JsonObject query = new JsonObject();
        query.add("bool", bool);
        body.add("query", query);
        try {
            IndexClient.Reply r = client.json("POST", "/" + index + "/_delete_by_query",
                    Map.of("conflicts", "proceed", "refresh", "true"), body.toString());
            if (!r.ok()) {
                throw new SinkException("Cannot delete " + what + " from index '" + index + "': " + r.reason(), null);
            }
            return r.body().has("deleted") ? r.body().get("deleted").getAsLong() : 0;
        } catch (IOException e) {
            throw new SinkException(e.getMessage(), e);
        }
    }

    @Override
    public Map<String, String> versions(Collection<String> ids) throws SinkException {
        Map<String, String> out = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        JsonObject body = new JsonObject();
        body.add("ids", Json.array(ids));
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
                    if (src.has("version") && connectorId.equals(Json.text(src, "source"))
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
        query.add("bool", sourceFilter());
        body.add("query", query);
        body.add("aggs", Json.parse("{\"p\":{\"terms\":{\"field\":\"partition\",\"size\":65535}}}"));
        try {
            IndexClient.Reply r = client.json("POST", "/" + index + "/_search", Map.of(), body.toString());
            if (!r.ok()) {
                throw new SinkException("Cannot count documents in index '" + index + "': " + r.reason(), null);
            }
            Map<String, Long> out = new java.util.TreeMap<>();
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
        JsonObject bool = sourceFilter();
        principal.ifPresent(p -> bool.getAsJsonArray("filter").add(Json.termIgnoringCase(DocumentJson.ACL, p.trim())));
        JsonObject sqs = new JsonObject();
        sqs.addProperty("query", query);
        sqs.add("fields", Json.array(List.of("title^2", "content", "fields.*")));
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
        body.add("_source", Json.parse("{\"excludes\":[\"content\"]}"));
        try {
            IndexClient.Reply r = client.json("POST", "/" + index + "/_search", Map.of(), body.toString());
            if (!r.ok()) {
                throw new SinkException("Search in index '" + index + "' failed: " + r.reason(), null);
            }
            JsonObject hits = r.body().getAsJsonObject("hits");
            List<SearchHit> out = new ArrayList<>();
            for (JsonElement e : hits.getAsJsonArray("hits")) {
                out.add(Json.hit(e.getAsJsonObject()));
            }
            long total = hits.getAsJsonObject("total").get("value").getAsLong();
            return new SearchResults(total, out, r.body().get("took").getAsLong());
        } catch (IOException e) {
            throw new SinkException(e.getMessage(), e);
        }
    }

    @Override
    public void refresh() throws SinkException {
        // Cleared before the request: a write racing with it marks the index dirty again.
        unrefreshedWrites.set(false);
        try {
            IndexClient.Reply r = client.json("POST", "/" + index + "/_refresh", Map.of(), null);
            if (!r.ok()) {
                unrefreshedWrites.set(true);
                throw new SinkException("Cannot refresh index '" + index + "': " + r.reason(), null);
            }
        } catch (IOException e) {
            unrefreshedWrites.set(true);
            throw new SinkException(e.getMessage(), e);
        }
    }

    @Override
    public String indexName() {
        return index;
    }

    private JsonObject sourceFilter() {
        JsonObject bool = new JsonObject();
        JsonArray filter = new JsonArray();
        filter.add(Json.term(DocumentJson.SOURCE, connectorId));
        bool.add("filter", filter);
        return bool;
    }

    @Override
    public void close() {
        // The client belongs to the host, which closes it.
    }
}
