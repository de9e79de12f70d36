package io.connectorkit.runtime.index.documents;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import io.connectorkit.api.Document;
import io.connectorkit.runtime.extract.Extraction;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The shape of a document in the content index: the fixed fields the host owns and the
 * connector's fields under {@code fields}. Instants are written as ISO-8601 text (mapped as
 * dates), string lists as arrays.
 */
public final class DocumentJson {
    /** The source id field. */
    public static final String SOURCE = "source";
    /** The document id, a keyword: the stable order the sink pages its searches in. */
    public static final String ID = "id";
    /** The partition field. */
    public static final String PARTITION = "partition";
    /** The parent id field. */
    public static final String PARENT_ID = "parent_id";
    /** The generation field. */
    public static final String GENERATION = "generation";
    /** The ACL field. */
    public static final String ACL = "acl";
    /** The version field. */
    public static final String VERSION = "version";
    /**
     * Set to {@code true} on a document some of whose children could not be indexed: its version
     * is then not reported as known, so the next crawl emits it and its children again.
     */
    public static final String CHILDREN_INCOMPLETE = "children_incomplete";

    private static final Gson GSON = new Gson();

    private DocumentJson() {
    }

    /**
     * Builds the JSON source of a document.
     *
     * @param document the document
     * @param partition the partition whose emitter received it
     * @param connectorId the source id
     * @param generation the run's generation
     * @param extraction text extracted from the binary content, or {@code null}
     * @param indexedAt when the document is written
     * @return the JSON
     */
    public static String toJson(Document document, String partition, String connectorId, long generation,
            Extraction extraction, Instant indexedAt) {
        JsonObject o = new JsonObject();
        o.addProperty(ID, document.id());
        o.addProperty(SOURCE, connectorId);
        o.addProperty(PARTITION, partition);
        o.addProperty("kind", document.kind());
        if (document.parentId() != null) {
            o.addProperty(PARENT_ID, document.parentId());
        }
        if (document.title() != null) {
            o.addProperty("title", document.title());
        }
        String content = document.content();
        if (extraction != null && !extraction.text().isEmpty()) {
            content = content == null || content.isEmpty() ? extraction.text() : content + "\n\n" + extraction.text();
        }
        if (content != null) {
            o.addProperty("content", content);
        }
        if (extraction != null) {
            if (extraction.mediaType() != null) {
                o.addProperty("content_type", extraction.mediaType());
            }
            if (extraction.sha256() != null) {
                o.addProperty("content_sha256", extraction.sha256());
            }
            if (extraction.language() != null) {
                o.addProperty("language", extraction.language());
            }
            o.addProperty("truncated", extraction.truncated());
            if (extraction.failed()) {
                o.addProperty("content_failure", extraction.failure());
            }
        }
        JsonObject fields = new JsonObject();
        for (Map.Entry<String, Object> f : document.fields().entrySet()) {
            fields.add(f.getKey(), value(f.getValue()));
        }
        o.add("fields", fields);
        o.add(ACL, strings(document.acl()));
        o.addProperty(VERSION, document.version());
        o.addProperty(GENERATION, generation);
        o.addProperty("indexed_at", indexedAt.toString());
        return GSON.toJson(o);
    }

    /**
     * Marks a document's JSON source as having children that are not indexed.
     *
     * @param json the document source built by {@link #toJson}
     * @return the same source with {@link #CHILDREN_INCOMPLETE} set
     */
    public static String childrenIncomplete(String json) {
        JsonObject o = JsonParser.parseString(json).getAsJsonObject();
        o.addProperty(CHILDREN_INCOMPLETE, true);
        return GSON.toJson(o);
    }

    private static JsonElement value(Object v) {
        if (v instanceof Instant i) {
            return new JsonPrimitive(i.toString());
        }
        if (v instanceof List<?> list) {
            JsonArray a = new JsonArray();
            list.forEach(item -> a.add(String.valueOf(item)));
            return a;
        }
        return GSON.toJsonTree(v);
    }

    private static JsonArray strings(List<String> values) {
        JsonArray a = new JsonArray();
        values.forEach(a::add);
        return a;
    }

    /**
     * The content index's settings and mappings, with one shard.
     *
     * @param replicas replicas per shard (0 for a single node)
     * @return the index creation body
     */
    public static String indexBody(int replicas) {
        return indexBody(1, replicas);
    }

    /**
     * The content index's settings and mappings.
     *
     * @param shards primary shards
     * @param replicas replicas per shard (0 for a single node)
     * @return the index creation body
     */
    public static String indexBody(int shards, int replicas) {
        return """
            {
              "settings": {"index": {"number_of_shards": %d, "number_of_replicas": %d}},
              "mappings": {
                "date_detection": true,
                "dynamic_templates": [
                  {"field_strings": {"path_match": "fields.*", "match_mapping_type": "string",
                    "mapping": {"type": "text", "fields": {"keyword": {"type": "keyword", "ignore_above": 256}}}}}
                ],
                "properties": {
                  "id": {"type": "keyword"},
                  "source": {"type": "keyword"},
                  "partition": {"type": "keyword"},
                  "kind": {"type": "keyword"},
                  "parent_id": {"type": "keyword"},
                  "title": {"type": "text", "fields": {"keyword": {"type": "keyword", "ignore_above": 512}}},
                  "content": {"type": "text"},
                  "content_type": {"type": "keyword"},
                  "content_sha256": {"type": "keyword"},
                  "content_failure": {"type": "text"},
                  "language": {"type": "keyword"},
                  "truncated": {"type": "boolean"},
                  "acl": {"type": "keyword"},
                  "version": {"type": "keyword"},
                  "children_incomplete": {"type": "boolean"},
                  "generation": {"type": "long"},
                  "indexed_at": {"type": "date"},
                  "fields": {"type": "object", "dynamic": true}
                }
              }
            }
            """.formatted(shards, replicas);
    }
}
