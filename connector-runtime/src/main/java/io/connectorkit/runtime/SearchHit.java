package io.connectorkit.runtime;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * One document found by a search.
 *
 * @param id the document id
 * @param partition its partition
 * @param kind its kind
 * @param title its title, or an empty string
 * @param score the relevance score
 * @param fields the connector's fields as stored (values as JSON-ish strings, numbers or lists)
 * @param acl the principals allowed to see it
 */
public record SearchHit(String id, String partition, String kind, String title, double score,
        Map<String, Object> fields, List<String> acl) {
    /**
     * Copies the collections.
     *
     * @throws NullPointerException if an argument is {@code null}
     */
    public SearchHit {
        requireNonNull(id, "id");
        requireNonNull(partition, "partition");
        requireNonNull(kind, "kind");
        requireNonNull(title, "title");
        fields = Map.copyOf(requireNonNull(fields, "fields"));
        acl = List.copyOf(requireNonNull(acl, "acl"));
    }
}
