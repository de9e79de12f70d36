package io.connectorkit.runtime.state;

import static java.util.Objects.requireNonNull;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import io.connectorkit.api.Checkpoint;
import io.connectorkit.runtime.index.IndexClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Partition state in the companion index {@code <index>-state}: one document per
 * (source id, partition), written with {@code if_seq_no}/{@code if_primary_term} so that two
 * writers never overwrite each other silently.
 */
public final class ElasticsearchStateStore implements StateStore {
    private static final String MAPPING = """
        {"settings": {"index": {"number_of_shards": %d, "number_of_replicas": %d}},
         "mappings": {"dynamic": false, "properties": {
           "connector_id": {"type": "keyword"}, "partition": {"type": "keyword"},
           "checkpoint": {"type": "keyword", "index": false, "doc_values": false},
           "generation": {"type": "long"}, "last_success": {"type": "date"},
           "failure_count": {"type": "long"}, "failures": {"type": "object", "enabled": false},
           "sweep_note": {"type": "keyword", "index": false, "doc_values": false},
           "updated_at": {"type": "date"}}}}
        """;

    private final IndexClient client;
    private final String index;
    private final String connectorId;

    /**
     * Creates the store; call {@link #start(int)} before use.
     *
     * @param client the cluster client (not closed by this store)
     * @param index the state index
     * @param connectorId the source whose state this is
     */
    public ElasticsearchStateStore(IndexClient client, String index, String connectorId) {
        this.client = requireNonNull(client, "client");
        this.index = requireNonNull(index, "index");
        this.connectorId = requireNonNull(connectorId, "connectorId");
    }

    /**
     * Creates the state index with one shard unless it exists.
     *
     * @param replicas replicas per shard for a new index
     * @throws StateStoreException if it cannot be created
     */
    public void start(int replicas) throws StateStoreException {
        start(1, replicas);
    }

    /**
     * Creates the state index unless it exists.
     *
     * @param shards primary shards for a new index
     * @param replicas replicas per shard for a new index
     * @throws StateStoreException if it cannot be created
     */
    public void start(int shards, int replicas) throws StateStoreException {
        try {
            if (client.json("HEAD", "/" + index, Map.of(), null).status() == 200) {
                return;
            }
            IndexClient.Reply r = client.json("PUT", "/" + index, Map.of(), MAPPING.formatted(shards, replicas));
            if (!r.ok() && !r.body().toString().contains("resource_already_exists_exception")) {
                throw new StateStoreException("Cannot create state index '" + index + "': HTTP " + r.status()
                        + "; check the user's create_index privilege", null);
            }
        } catch (IOException e) {
            throw new StateStoreException(e.getMessage(), e);
        }
    }

    @Override
    public List<PartitionState> list() throws StateStoreException {
        List<PartitionState> out = new ArrayList<>();
        try {
            client.json("POST", "/" + index + "/_refresh", Map.of(), null);
            JsonArray after = null;
            while (true) {
                JsonObject body = new JsonObject();
                body.addProperty("size", 1000);
                body.add("query", JsonParser.parseString(
                        "{\"term\":{\"connector_id\":" + new JsonPrimitive(connectorId) + "}}"));
                body.add("sort", JsonParser.parseString("[{\"partition\":\"asc\"}]"));
                body.addProperty("seq_no_primary_term", true);
                if (after != null) {
                    body.add("search_after", after);
                }
                IndexClient.Reply r = client.json("POST", "/" + index + "/_search", Map.of(), body.toString());
                if (!r.ok()) {
                    throw new StateStoreException("Cannot read state index '" + index + "': HTTP " + r.status(), null);
                }
                JsonArray hits = r.body().getAsJsonObject("hits").getAsJsonArray("hits");
                for (JsonElement h : hits) {
                    out.add(read(h.getAsJsonObject()));
                }
                if (hits.size() < 1000) {
                    return out;
                }
                after = hits.get(hits.size() - 1).getAsJsonObject().getAsJsonArray("sort");
            }
        } catch (IOException e) {
            throw new StateStoreException(e.getMessage(), e);
        }
    }

    @Override
    public Optional<PartitionState> get(String partition) throws StateStoreException {
        try {
            IndexClient.Reply r = client.json("GET", "/" + index + "/_doc/" + docId(partition), Map.of(), null);
            if (r.status() == 404) {
                return Optional.empty();
            }
            if (!r.ok()) {
                throw new StateStoreException("Cannot read the state of partition '" + partition + "' from '" + index
                        + "': HTTP " + r.status(), null);
            }
            return Optional.of(read(r.body()));
        } catch (IOException e) {
            throw new StateStoreException(e.getMessage(), e);
        }
    }

    @Override
    public PartitionState save(PartitionState state) throws StateStoreException {
        JsonObject doc = new JsonObject();
        doc.addProperty("connector_id", connectorId);
        doc.addProperty("partition", state.partition());
        if (state.checkpoint() != null) {
            // The connector's string as it gave it: the document stays what earlier versions wrote and read.
            doc.addProperty("checkpoint", state.checkpoint().value());
        }
        doc.addProperty("generation", state.generation());
        if (state.lastSuccess() != null) {
            doc.addProperty("last_success", state.lastSuccess().toString());
        }
        doc.addProperty("failure_count", state.failureCount());
        JsonArray failures = new JsonArray();
        for (FailureRecord f : state.failures()) {
            JsonObject o = new JsonObject();
            o.addProperty("item_id", f.itemId());
            o.addProperty("kind", f.kind());
            o.addProperty("reason", f.reason());
            o.addProperty("retries", f.retries());
            if (f.sourceRef() != null) {
                o.addProperty("source_ref", f.sourceRef());
            }
            if (f.permanent()) {
                o.addProperty("permanent", true);
            }
            failures.add(o);
        }
        doc.add("failures", failures);
        if (state.sweepNote() != null) {
            doc.addProperty("sweep_note", state.sweepNote());
        }
        doc.addProperty("updated_at", Instant.now().toString());
        Map<String, String> params = new HashMap<>();
        if (state.seqNo() < 0) {
            params.put("op_type", "create");
        } else {
            params.put("if_seq_no", Long.toString(state.seqNo()));
            params.put("if_primary_term", Long.toString(state.primaryTerm()));
        }
        try {
            IndexClient.Reply r = client.json("PUT", "/" + index + "/_doc/" + docId(state.partition()), params,
                    doc.toString());
            if (r.status() == 409) {
                return landedEarlier(state, doc).orElseThrow(() -> new StateConflictException(state.partition()));
            }
            if (!r.ok()) {
                throw new StateStoreException("Cannot write the state of partition '" + state.partition() + "' to '"
                        + index + "': " + answer(r), null);
            }
            return state.stored(r.body().get("_seq_no").getAsLong(), r.body().get("_primary_term").getAsLong());
        } catch (IOException e) {
            throw new StateStoreException(e.getMessage(), e);
        }
    }

    @Override
    public void delete(String partition) throws StateStoreException {
        try {
            IndexClient.Reply r = client.json("DELETE", "/" + index + "/_doc/" + docId(partition), Map.of(), null);
            if (!r.ok() && r.status() != 404) {
                throw new StateStoreException("Cannot delete the state of partition '" + partition + "': HTTP "
                        + r.status(), null);
            }
        } catch (IOException e) {
            throw new StateStoreException(e.getMessage(), e);
        }
    }

    /**
     * A write retried after its answer was lost (the index went away mid-request) conflicts with
     * itself: the stored document is exactly this one, time stamp included, so it did land.
     */
    private Optional<PartitionState> landedEarlier(PartitionState state, JsonObject doc)
            throws IOException, StateStoreException {
        IndexClient.Reply r = client.json("GET", "/" + index + "/_doc/" + docId(state.partition()), Map.of(), null);
        if (!r.ok()) {
            // A shard that failed (a full disk, a node going away) refuses the conditional write too:
            // only a stored state that differs shows another writer.
            throw new StateStoreException("Cannot write the state of partition '" + state.partition() + "' to '" + index
                    + "': the index refused the write (HTTP 409) and cannot show the stored state ("
                    + answer(r) + "); check the cluster's health and disk space", null);
        }
        if (doc.equals(r.body().get("_source"))) {
            return Optional.of(state.stored(r.body().get("_seq_no").getAsLong(),
                    r.body().get("_primary_term").getAsLong()));
        }
        return Optional.empty();
    }

    private static String answer(IndexClient.Reply r) {
        String reason = r.reason();
        return reason.startsWith("HTTP ") ? reason : "HTTP " + r.status() + ", " + reason;
    }

    private String docId(String partition) {
        // Base64url keeps any partition id (addresses, paths) safe inside a URL path.
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((connectorId + "/" + partition).getBytes(StandardCharsets.UTF_8));
    }

    private static PartitionState read(JsonObject hit) {
        JsonObject s = hit.getAsJsonObject("_source");
        List<FailureRecord> failures = new ArrayList<>();
        if (s.has("failures")) {
            for (JsonElement e : s.getAsJsonArray("failures")) {
                JsonObject f = e.getAsJsonObject();
                failures.add(new FailureRecord(f.get("item_id").getAsString(), f.get("kind").getAsString(),
                        f.get("reason").getAsString(), f.get("retries").getAsInt(),
                        f.has("source_ref") && !f.get("source_ref").isJsonNull() ? f.get("source_ref").getAsString() : null,
                        f.has("permanent") && f.get("permanent").getAsBoolean()));
            }
        }
        return new PartitionState(s.get("partition").getAsString(),
                s.has("checkpoint") ? new Checkpoint(s.get("checkpoint").getAsString()) : null,
                s.has("generation") ? s.get("generation").getAsLong() : 0,
                s.has("last_success") ? Instant.parse(s.get("last_success").getAsString()) : null,
                failures, s.has("failure_count") ? s.get("failure_count").getAsLong() : failures.size(),
                hit.get("_seq_no").getAsLong(), hit.get("_primary_term").getAsLong(),
                s.has("sweep_note") ? s.get("sweep_note").getAsString() : null);
    }
}
