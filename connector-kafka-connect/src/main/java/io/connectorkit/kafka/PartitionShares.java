package io.connectorkit.kafka;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.connectorkit.api.Partition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How the partitions are spread over the tasks, and how a task's share travels in its configuration. */
final class PartitionShares {
    private static final Gson GSON = new Gson();

    private PartitionShares() {
    }

    /**
     * Deals the partitions, in the listing's order, round-robin over at most {@code maxTasks}
     * tasks: the shares differ by at most one partition, and no task is left without one.
     */
    static List<List<Partition>> spread(List<Partition> partitions, int maxTasks) {
        int tasks = Math.max(1, Math.min(maxTasks, partitions.size()));
        List<List<Partition>> shares = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            shares.add(new ArrayList<>());
        }
        for (int i = 0; i < partitions.size(); i++) {
            shares.get(i % tasks).add(partitions.get(i));
        }
        return shares;
    }

    static String encode(List<Partition> share) {
        JsonArray a = new JsonArray();
        for (Partition p : share) {
            JsonObject o = new JsonObject();
            o.addProperty("id", p.id());
            o.addProperty("name", p.displayName());
            JsonObject attrs = new JsonObject();
            p.attributes().forEach(attrs::addProperty);
            o.add("attributes", attrs);
            a.add(o);
        }
        return GSON.toJson(a);
    }

    static List<Partition> decode(String json) {
        List<Partition> out = new ArrayList<>();
        if (json == null || json.isBlank()) {
            return out;
        }
        for (JsonElement e : JsonParser.parseString(json).getAsJsonArray()) {
            JsonObject o = e.getAsJsonObject();
            Map<String, String> attrs = new LinkedHashMap<>();
            o.getAsJsonObject("attributes").entrySet().forEach(a -> attrs.put(a.getKey(), a.getValue().getAsString()));
            out.add(new Partition(o.get("id").getAsString(), o.get("name").getAsString(), attrs));
        }
        return out;
    }
}
