package io.connectorkit.runtime.index.documents;

import static java.util.Objects.requireNonNull;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.connectorkit.runtime.index.DocumentSink;
import io.connectorkit.runtime.index.IndexClient;
import io.connectorkit.runtime.index.SinkAction;
import io.connectorkit.runtime.index.SinkException;
import io.connectorkit.runtime.index.SweepCount;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The pipeline's writes to a content index in Elasticsearch or OpenSearch: {@code _bulk} for
 * documents. Re-stamping unchanged documents, deleting children, sweeps and partition removal
 * find their documents with searches paged by {@code search_after} in the stable order of the
 * {@code id} keyword, and change them with {@code _bulk} deletes and partial updates, a page at a
 * time: no server-side script and no reindex module, so any cluster serves them, scripts
 * disabled included. Every query is limited to this source's documents.
 */
final class ElasticsearchSink implements DocumentSink {
    /** Hits per page of the searches that find what to re-stamp or delete (at most 10,000, the default result window). */
    static final int DEFAULT_PAGE_SIZE = 1000;

    private final ContentIndex content;
    private final IndexClient client;
    private final String index;
    private final IndexDisk disk;
    private final int pageSize;

    ElasticsearchSink(ContentIndex content, IndexDisk disk) {
        this(content, disk, DEFAULT_PAGE_SIZE);
    }

    ElasticsearchSink(ContentIndex content, IndexDisk disk, int pageSize) {
        this.content = requireNonNull(content, "content");
        this.client = content.client();
        this.index = content.name();
        this.disk = requireNonNull(disk, "disk");
        if (pageSize < 1 || pageSize > 10_000) {
            throw new IllegalArgumentException("pageSize " + pageSize + " is not within 1..10000");
        }
        this.pageSize = pageSize;
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
        // A re-stamp rewrites each document: it needs the disk's room as much as a bulk write,
        // and waits for it before it asks anything.
        disk.awaitRoom(client.retry().maxWait());
        // The documents come from earlier runs, but one written moments ago may not be
        // searchable yet, and the search below only sees what a refresh made visible. A
        // re-crawl that writes nothing skips the refresh.
        if (content.unrefreshed()) {
            content.refresh();
        }
        JsonObject bool = content.sourceFilter();
        bool.getAsJsonArray("filter").add(QueryClauses.term(DocumentJson.PARTITION, partition));
        bool.add("should", selfOrChildren(ids));
        bool.addProperty("minimum_should_match", 1);
        JsonObject stamp = new JsonObject();
        stamp.addProperty(DocumentJson.GENERATION, generation);
        String what = ids.size() + " unchanged documents of partition '" + partition + "'";
        forEachPage(bool, "find the " + what,
                page -> send(page.stream().map(id -> BulkRequest.Item.update(id, stamp)).toList(), "keep " + what));
    }

    @Override
    public long deleteChildren(Collection<String> parentIds) throws SinkException {
        if (parentIds.isEmpty()) {
            return 0;
        }
        JsonObject bool = content.sourceFilter();
        bool.add("should", QueryClauses.anyOf(DocumentJson.PARENT_ID, parentIds));
        bool.addProperty("minimum_should_match", 1);
        return deleteAll(bool, "children of " + parentIds.size() + " deleted documents");
    }

    @Override
    public long sweep(String partition, long generation, Set<String> spared) throws SinkException {
        return deleteAll(sweepQuery(partition, generation, spared), "documents of partition '" + partition
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

    /**
     * Clauses matching the given documents and the documents whose parent they are. The ids are
     * matched on the {@code id} keyword (the same value as {@code _id}) with {@code terms}
     * clauses of bounded size: an {@code ids} query of more than 10,000 values is refused by
     * Elasticsearch 9.
     */
    private static JsonArray selfOrChildren(Collection<String> ids) {
        JsonArray clauses = QueryClauses.anyOf(DocumentJson.ID, ids);
        clauses.addAll(QueryClauses.anyOf(DocumentJson.PARENT_ID, ids));
        return clauses;
    }

    @Override
    public long deletePartition(String partition) throws SinkException {
        JsonObject bool = content.sourceFilter();
        bool.getAsJsonArray("filter").add(QueryClauses.term(DocumentJson.PARTITION, partition));
        return deleteAll(bool, "documents of partition '" + partition + "'");
    }

    /** Deletes every document the query matches, a page at a time; returns how many were deleted. */
    private long deleteAll(JsonObject bool, String what) throws SinkException {
        content.refresh();
        long deleted = forEachPage(bool, "find the " + what,
                page -> send(page.stream().map(BulkRequest.Item::delete).toList(), "delete " + what));
        if (deleted > 0) {
            // What a later query, count or search sees no longer holds them.
            content.refresh();
        }
        return deleted;
    }

    /**
     * Sends the items in one bulk request.
     *
     * @return how many found their document and changed it (the rest were already gone)
     * @throws SinkException if the index refused any item: the operation failed, and whatever it
     *     did not change is still there for the next run to find
     */
    private int send(List<BulkRequest.Item> items, String what) throws SinkException {
        // Deletes and re-stamps write segments too: they need the disk's room as much as documents.
        content.written();
        BulkRequest.Outcome outcome = new BulkRequest(client, index, disk).sendItems(items);
        List<String> refused = outcome.reasons().stream().filter(Objects::nonNull).toList();
        if (!refused.isEmpty()) {
            throw new SinkException("Cannot " + what + " in index '" + index + "': " + refused.size() + " of "
                    + items.size() + " refused, first " + refused.get(0), null);
        }
        return items.size() - outcome.missing();
    }

    /** What is done with a page of matching document ids: returns how many it changed. */
    @FunctionalInterface
    private interface PageAction {
        long apply(List<String> ids) throws SinkException;
    }

    /**
     * Runs the action on the ids of every document the query matches, a page at a time, in the
     * order of the {@code id} keyword. Each page's search starts after the last id of the one
     * before, so documents the action deletes or updates never shift what comes next, and
     * documents written meanwhile with a later id are found too.
     *
     * @return the sum of what the action returned for every page
     */
    private long forEachPage(JsonObject bool, String what, PageAction action) throws SinkException {
        long changed = 0;
        JsonArray after = null;
        while (true) {
            JsonObject query = new JsonObject();
            query.add("bool", bool);
            JsonObject order = new JsonObject();
            order.addProperty(DocumentJson.ID, "asc");
            JsonArray sort = new JsonArray();
            sort.add(order);
            JsonObject body = new JsonObject();
            body.addProperty("size", pageSize);
            body.addProperty("_source", false);
            body.addProperty("track_total_hits", false);
            body.add("query", query);
            body.add("sort", sort);
            if (after != null) {
                body.add("search_after", after);
            }
            JsonArray hits;
            try {
                IndexClient.Reply r = client.json("POST", "/" + index + "/_search", Map.of(), body.toString());
                if (r.status() == 404) {
                    return changed;
                }
                if (!r.ok()) {
                    throw new SinkException("Cannot " + what + " in index '" + index + "': " + r.reason(), null);
                }
                hits = r.body().getAsJsonObject("hits").getAsJsonArray("hits");
            } catch (IOException e) {
                throw new SinkException(e.getMessage(), e);
            }
            if (hits.isEmpty()) {
                return changed;
            }
            List<String> ids = new ArrayList<>(hits.size());
            for (JsonElement hit : hits) {
                ids.add(hit.getAsJsonObject().get("_id").getAsString());
            }
            changed += action.apply(ids);
            if (hits.size() < pageSize) {
                return changed;
            }
            after = hits.get(hits.size() - 1).getAsJsonObject().getAsJsonArray("sort");
        }
    }
}
