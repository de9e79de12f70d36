package io.connectorkit.runtime.index.documents;

import static java.util.Objects.requireNonNull;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.connectorkit.runtime.index.DocumentReader;
import io.connectorkit.runtime.index.DocumentSink;
import io.connectorkit.runtime.index.IndexClient;
import io.connectorkit.runtime.index.SinkException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * One source's documents in a content index of Elasticsearch or OpenSearch: creates the index
 * with its mapping, and hands out its two ports, the {@link DocumentSink} the pipeline writes
 * with and the {@link DocumentReader} of versions, counts and search. Both see only this
 * source's documents. They share one note of unrefreshed writes: the sink's queries that only
 * see what a search sees refresh the index first when it was written since its last refresh.
 */
public final class ContentIndex {
    private static final Logger LOG = LogManager.getLogger(ContentIndex.class);

    private final IndexClient client;
    private final String index;
    private final String connectorId;
    // Whether the index was written since its last refresh (true at start: another process may have).
    private final AtomicBoolean unrefreshedWrites = new AtomicBoolean(true);
    private final ElasticsearchSink sink;
    private final ElasticsearchReader reader;

    /**
     * The documents of a source in an index on a cluster's disk; call {@link #start(int)} before use.
     *
     * @param client the cluster client (not closed here: it belongs to the host)
     * @param index the content index
     * @param connectorId the source id stamped on every document
     */
    public ContentIndex(IndexClient client, String index, String connectorId) {
        this(client, index, connectorId, IndexDisk.cluster());
    }

    /**
     * The documents of a source in an index on a watched disk; call {@link #start(int)} before use.
     *
     * @param client the cluster client (not closed here: it belongs to the host)
     * @param index the content index
     * @param connectorId the source id stamped on every document
     * @param disk the disk under the index, such as {@link IndexDisk#embedded}
     */
    public ContentIndex(IndexClient client, String index, String connectorId, IndexDisk disk) {
        this.client = requireNonNull(client, "client");
        this.index = requireNonNull(index, "index");
        this.connectorId = requireNonNull(connectorId, "connectorId");
        this.sink = new ElasticsearchSink(this, requireNonNull(disk, "disk"));
        this.reader = new ElasticsearchReader(this);
    }

    /**
     * Creates the content index with its mapping and one shard unless it exists.
     *
     * @param replicas replicas per shard for a new index
     * @throws SinkException if the index cannot be created
     */
    public void start(int replicas) throws SinkException {
        start(1, replicas);
    }

    /**
     * Creates the content index with its mapping unless it exists.
     *
     * @param shards primary shards for a new index
     * @param replicas replicas per shard for a new index
     * @throws SinkException if the index cannot be created
     */
    public void start(int shards, int replicas) throws SinkException {
        try {
            putTemplate(shards, replicas);
            IndexClient.Reply head = client.json("HEAD", "/" + index, Map.of(), null);
            if (head.status() == 200) {
                return;
            }
            IndexClient.Reply r = client.json("PUT", "/" + index, Map.of(), DocumentJson.indexBody(shards, replicas));
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
    private void putTemplate(int shards, int replicas) throws IOException {
        JsonObject body = new JsonObject();
        body.add("index_patterns", QueryClauses.array(List.of(index)));
        body.add("template", QueryClauses.parse(DocumentJson.indexBody(shards, replicas)));
        body.addProperty("priority", 100);
        IndexClient.Reply r = client.json("PUT", "/_index_template/" + index, Map.of(), body.toString());
        if (!r.ok()) {
            LOG.warn("Index template '{}' not registered ({}); the index is still created with its mapping", index,
                    r.reason());
        }
    }

    /** @return the write port, for the pipeline */
    public DocumentSink sink() {
        return sink;
    }

    /** @return the read port, for known documents, status and search */
    public DocumentReader reader() {
        return reader;
    }

    /** @return the content index name */
    public String name() {
        return index;
    }

    IndexClient client() {
        return client;
    }

    String connectorId() {
        return connectorId;
    }

    /** Notes a write, so that the next query that needs it refreshes first. */
    void written() {
        unrefreshedWrites.set(true);
    }

    /** @return whether the index may hold writes a search does not see yet */
    boolean unrefreshed() {
        return unrefreshedWrites.get();
    }

    /** Makes recent writes visible to searches. */
    void refresh() throws SinkException {
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

    /** @return a {@code bool} query whose filter holds this source's documents only; callers add clauses */
    JsonObject sourceFilter() {
        JsonObject bool = new JsonObject();
        JsonArray filter = new JsonArray();
        filter.add(QueryClauses.term(DocumentJson.SOURCE, connectorId));
        bool.add("filter", filter);
        return bool;
    }
}
