package io.connectorkit.runtime.index.documents;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

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

    /**
     * Values per {@code terms} clause of {@link #anyOf}: within every cluster's limits, the
     * {@code ids} query's result window (10,000 on Elasticsearch 9) and {@code index.max_terms_count}
     * (65,536) alike.
     */
    static final int TERMS_PER_CLAUSE = 10_000;

    /**
     * Clauses that together match a document whose field holds any of the values, split so that
     * no clause exceeds {@link #TERMS_PER_CLAUSE}: put them in a {@code should} or a
     * {@code must_not}.
     *
     * @return one {@code terms} clause per chunk of values
     */
    static JsonArray anyOf(String field, Collection<String> values) {
        JsonArray clauses = new JsonArray();
        List<String> chunk = new ArrayList<>(Math.min(values.size(), TERMS_PER_CLAUSE));
        for (String v : values) {
            chunk.add(v);
            if (chunk.size() == TERMS_PER_CLAUSE) {
                clauses.add(terms(field, chunk));
                chunk.clear();
            }
        }
        if (!chunk.isEmpty()) {
            clauses.add(terms(field, chunk));
        }
        return clauses;
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
