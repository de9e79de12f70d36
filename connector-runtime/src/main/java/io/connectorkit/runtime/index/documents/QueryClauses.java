package io.connectorkit.runtime.index.documents;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.Collection;

/** Builds the clauses of the query DSL that the sink and the reader put together. */
final class QueryClauses {
    private QueryClauses() {
    }

    /** @return {@code {"term": {field: value}}} */
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

    /** @return {@code {"terms": {field: [values]}}} */
    static JsonObject terms(String field, Collection<String> values) {
        JsonObject inner = new JsonObject();
        inner.add(field, array(values));
        JsonObject o = new JsonObject();
        o.add("terms", inner);
        return o;
    }

    /** @return the values as a JSON array of strings */
    static JsonArray array(Collection<String> values) {
        JsonArray a = new JsonArray();
        values.forEach(a::add);
        return a;
    }

    /** @return a clause written as JSON text, such as a fixed aggregation */
    static JsonObject parse(String json) {
        return JsonParser.parseString(json).getAsJsonObject();
    }
}
