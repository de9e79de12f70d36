package io.connectorkit.runtime.index.documents;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.connectorkit.runtime.SearchHit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small helpers for the query DSL and for reading answers. */
final class Json {
    private Json() {
    }

    static JsonObject term(String field, String value) {
        JsonObject inner = new JsonObject();
        inner.addProperty(field, value);
        JsonObject o = new JsonObject();
        o.add("term", inner);
        return o;
    }

    /**
     * A term query that ignores case (Elasticsearch 7.10+, OpenSearch): e-mail addresses in ACLs
     * are compared this way, so {@code BOB.SMITH@CORP1.EXAMPLE.COM} finds what bob.smith may see,
     * whatever the case the source wrote them in.
     */
    static JsonObject termIgnoringCase(String field, String value) {
        JsonObject term = new JsonObject();
        term.addProperty("value", value);
        term.addProperty("case_insensitive", true);
        JsonObject inner = new JsonObject();
        inner.add(field, term);
        JsonObject o = new JsonObject();
        o.add("term", inner);
        return o;
    }

    static JsonObject terms(String field, Collection<String> values) {
        JsonObject inner = new JsonObject();
        inner.add(field, array(values));
        JsonObject o = new JsonObject();
        o.add("terms", inner);
        return o;
    }

    static JsonArray array(Collection<String> values) {
        JsonArray a = new JsonArray();
        values.forEach(a::add);
        return a;
    }

    static JsonObject parse(String json) {
        return JsonParser.parseString(json).getAsJsonObject();
    }

    static String text(JsonObject o, String field) {
        JsonElement e = o.get(field);
        return e == null || e.isJsonNull() ? "" : e.isJsonPrimitive() ? e.getAsString() : e.toString();
    }

    static SearchHit hit(JsonObject hit) {
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

    private static Object plain(JsonElement e) {
        if (e.isJsonArray()) {
            List<Object> out = new ArrayList<>();
            e.getAsJsonArray().forEach(x -> out.add(plain(x)));
            return out;
        }
        if (e.isJsonPrimitive()) {
            var p = e.getAsJsonPrimitive();
            return p.isBoolean() ? p.getAsBoolean() : p.isNumber() ? p.getAsNumber() : p.getAsString();
        }
        return e.toString();
    }
}
