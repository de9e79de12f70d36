package io.connectorkit.kafka;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The records the source writes and the sink reads: a JSON object with an {@code op} and the
 * source id ({@code source}) and partition of every record, as a string value (Connect's
 * {@code StringConverter}). Records of one partition share the record key, the partition id, so
 * they keep their order in one topic partition.
 *
 * <ul>
 *   <li>{@code upsert}: {@code id}, {@code document} (the index source, text extracted, with the
 *       run's generation);
 *   <li>{@code delete}: {@code id};
 *   <li>{@code keep}: {@code ids} still at the version the index holds, {@code generation};
 *   <li>{@code checkpoint}: nothing more; its source offset is the checkpoint it ends;
 *   <li>{@code complete}: the end of a partition's pass: {@code generation}, {@code mode},
 *       {@code listed} (whether the listing was complete), {@code spared} (items that failed);
 *   <li>{@code partitions}: every partition a complete listing returned, {@code partitions}.
 * </ul>
 */
final class Records {
    static final String OP = "op";
    static final String UPSERT = "upsert";
    static final String DELETE = "delete";
    static final String KEEP = "keep";
    static final String CHECKPOINT = "checkpoint";
    static final String COMPLETE = "complete";
    static final String PARTITIONS = "partitions";

    /** Source-partition and source-offset keys. */
    static final String OFFSET_SOURCE = "connector.id";
    static final String OFFSET_PARTITION = "partition";
    static final String OFFSET_CHECKPOINT = "checkpoint";
    static final String OFFSET_GENERATION = "generation";
    /** The source partition of the listing records. */
    static final String LISTING = "*listing*";

    private static final Gson GSON = new Gson();

    private Records() {
    }

    static JsonObject base(String op, String source, String partition) {
        JsonObject o = new JsonObject();
        o.addProperty(OP, op);
        o.addProperty("source", source);
        o.addProperty("partition", partition);
        return o;
    }

    static String upsert(String source, String partition, String id, String documentJson) {
        JsonObject o = base(UPSERT, source, partition);
        o.addProperty("id", id);
        o.add("document", JsonParser.parseString(documentJson));
        return GSON.toJson(o);
    }

    static String delete(String source, String partition, String id) {
        JsonObject o = base(DELETE, source, partition);
        o.addProperty("id", id);
        return GSON.toJson(o);
    }

    static String keep(String source, String partition, long generation, Collection<String> ids) {
        JsonObject o = base(KEEP, source, partition);
        o.addProperty("generation", generation);
        o.add("ids", array(ids));
        return GSON.toJson(o);
    }

    static String checkpoint(String source, String partition) {
        return GSON.toJson(base(CHECKPOINT, source, partition));
    }

    static String complete(String source, String partition, long generation, String mode, boolean listed,
            Collection<String> spared) {
        JsonObject o = base(COMPLETE, source, partition);
        o.addProperty("generation", generation);
        o.addProperty("mode", mode);
        o.addProperty("listed", listed);
        o.add("spared", array(spared));
        return GSON.toJson(o);
    }

    static String partitions(String source, List<String> partitions) {
        JsonObject o = base(PARTITIONS, source, LISTING);
        o.add("partitions", array(partitions));
        return GSON.toJson(o);
    }

    static JsonArray array(Collection<String> values) {
        JsonArray a = new JsonArray();
        values.forEach(a::add);
        return a;
    }

    static JsonObject parse(String value) {
        return JsonParser.parseString(value).getAsJsonObject();
    }

    static int bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8).length;
    }

    /**
     * The source partition of a crawl partition's records: the source id and the partition id.
     * Connect stores an offset under the key's JSON as written, and its offsets API reads a PATCH's
     * key into a {@code HashMap} before writing it: the same kind of map here gives the same JSON,
     * so a rewind hits the stored key whatever order the request names the two fields in (a
     * {@code Map.of} iterates in an order that changes from one JVM to the next).
     */
    static Map<String, String> sourcePartition(String source, String partition) {
        Map<String, String> key = new HashMap<>();
        key.put(OFFSET_SOURCE, source);
        key.put(OFFSET_PARTITION, partition);
        return key;
    }

    /**
     * Cuts the text of an upsert record's document so that the record fits, and marks it
     * truncated; a document whose metadata alone is too large is returned as it is (the producer
     * refuses it, and Connect's error handling reports it).
     */
    static String fit(String upsertRecord, int maxBytes) {
        int size = bytes(upsertRecord);
        if (size <= maxBytes) {
            return upsertRecord;
        }
        JsonObject o = parse(upsertRecord);
        JsonObject doc = o.getAsJsonObject("document");
        if (!doc.has("content")) {
            return upsertRecord;
        }
        String content = doc.get("content").getAsString();
        String out = upsertRecord;
        // JSON escapes make the record longer than the text: cut until it fits.
        while (size > maxBytes && !content.isEmpty()) {
            // The text's share of the record, as written (escapes, multi-byte characters): keep the
            // part of it that fits, in proportion, with a margin; the loop checks again.
            long textBytes = bytes(GSON.toJson(content));
            long room = maxBytes - (size - textBytes) - 64;
            int keep = room <= 0 ? 0 : (int) Math.min(content.length() - 1L, content.length() * room / textBytes);
            if (keep > 0 && Character.isHighSurrogate(content.charAt(keep - 1))) {
                keep--;
            }
            String cut = content.substring(0, keep);
            content = cut;
            doc.addProperty("content", content);
            doc.addProperty("truncated", true);
            out = GSON.toJson(o);
            size = bytes(out);
        }
        return out;
    }
}
