package io.connectorkit.runtime.index.documents;

import static java.util.Objects.requireNonNull;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.connectorkit.runtime.index.DocumentSink;
import io.connectorkit.runtime.index.IndexClient;
import io.connectorkit.runtime.index.SinkAction;
import io.connectorkit.runtime.index.SinkException;
import io.connectorkit.runtime.index.SweepCount;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pipeline's writes to a content index in Elasticsearch or OpenSearch: {@code _bulk} for
 * documents, {@code _update_by_query} to re-stamp unchanged ones, {@code _delete_by_query} for
 * children, sweeps and partitions. Every query is limited to this source's documents.
 */
final class ElasticsearchSink implements DocumentSink {
    private final ContentIndex content;
    private final IndexClient client;
    private final String index;
    private final IndexDisk disk;

    ElasticsearchSink(ContentIndex content, IndexDisk disk) {
        this.content = requireNonNull(content, "content");
        this.client = content.client();
        this.index = content.name();
        this.disk = requireNonNull(disk, "disk");
    }

    @Override
    public List<String> write(List<SinkAction> actions) throws SinkException {
        content.written();
        return new BulkRequest(client, index, disk).send(actions);
    }

    @Override
    public void stampUnchanged(String partition, long generation, Collection<String> ids) throws SinkException {
        if (ids.isEmpty()) {
            return;
        }
        // A re-stamp rewrites each document: it needs the disk's room as much as a bulk write.
        disk.awaitRoom(client.retry().maxWait());
        // The documents come from earlier runs, but one written moments ago may not be
        // searchable yet, and _update_by_query only sees what a search sees. A re-crawl that
        // writes nothing skips the refresh.
        if (content.unrefreshed()) {
            content.refresh();
        }
        JsonObject bool = content.sourceFilter();
        bool.getAsJsonArray("filter").add(QueryClauses.term(DocumentJson.PARTITION, partition));
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
        JsonObject bool = content.sourceFilter();
        bool.getAsJsonArray("filter").add(QueryClauses.terms(DocumentJson.PARENT_ID, parentIds));
        return deleteByQuery(bool, "children of " + parentIds.size() + " deleted documents");
    }

    @Override
    public long sweep(String partition, long generation, Set<String> spared) throws SinkException {
        return deleteByQuery(sweepQuery(partition, generation, spared), "documents of partition '" + partition
                + "' not seen again");
    }

    @Override
    public SweepCount countSweep(String partition, long generation, Set<String> spared) throws SinkException {
        // What the sweep would see: documents acknowledged moments ago included.
        content.refresh();
        JsonObject partitionOnly = content.sourceFilter();
        partitionOnly.getAsJsonArray("filter").add(QueryClauses.term(DocumentJson.PARTITION, partition));
        JsonObject stale = new JsonObject();
        stale.add("bool", sweepQuery(partition, generation, spared));
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

    /** This source's documents of a partition from older generations, except the spared ids and their children. */
    private JsonObject sweepQuery(String partition, long generation, Set<String> spared) {
        JsonObject bool = content.sourceFilter();
        JsonArray filter = bool.getAsJsonArray("filter");
        filter.add(QueryClauses.term(DocumentJson.PARTITION, partition));
        JsonObject range = new JsonObject();
        JsonObject lt = new JsonObject();
        lt.addProperty("lt", generation);
        range.add(DocumentJson.GENERATION, lt);
        JsonObject rangeQuery = new JsonObject();
        rangeQuery.add("range", range);
        filter.add(rangeQuery);
        if (!spared.isEmpty()) {
            bool.add("must_not", selfOrChildren(spared));
        }
        return bool;
    }

    /** Clauses matching the given documents and the documents whose parent they are. */
    private static JsonArray selfOrChildren(Collection<String> ids) {
        JsonObject values = new JsonObject();
        values.add("values", QueryClauses.array(ids));
        JsonObject idsQuery = new JsonObject();
        idsQuery.add("ids", values);
        JsonArray clauses = new JsonArray();
        clauses.add(idsQuery);
        clauses.add(QueryClauses.terms(DocumentJson.PARENT_ID, ids));
        return clauses;
    }

    @Override
    public long deletePartition(String partition) throws SinkException {
        JsonObject bool = content.sourceFilter();
        bool.getAsJsonArray("filter").add(QueryClauses.term(DocumentJson.PARTITION, partition));
        return deleteByQuery(bool, "documents of partition '" + partition + "'");
    }

    private long deleteByQuery(JsonObject bool, String what) throws SinkException {
        content.refresh();
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
}
