package io.connectorkit.runtime.index.documents;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class QueryClausesTest {
    @Test
    void anyOfSplitsTheValuesIntoBoundedTermsClausesAndKeepsEveryOne() {
        List<String> values = IntStream.range(0, 2 * QueryClauses.TERMS_PER_CLAUSE + 1).mapToObj(i -> "v" + i).toList();
        JsonArray clauses = QueryClauses.anyOf("id", values);
        assertThat(clauses).hasSize(3);
        List<String> all = new ArrayList<>();
        for (JsonElement c : clauses) {
            var terms = c.getAsJsonObject().getAsJsonObject("terms").getAsJsonArray("id");
            assertThat(terms.size()).isLessThanOrEqualTo(QueryClauses.TERMS_PER_CLAUSE);
            terms.forEach(t -> all.add(t.getAsString()));
        }
        assertThat(all).containsExactlyElementsOf(values);
    }

    @Test
    void anyOfNothingIsNoClause() {
        assertThat(QueryClauses.anyOf("id", List.of())).isEmpty();
        assertThat(QueryClauses.anyOf("id", List.of("a"))).hasSize(1);
    }
}
