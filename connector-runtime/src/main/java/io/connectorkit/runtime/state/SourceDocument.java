package io.connectorkit.runtime.state;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where a document that belongs to one source as a whole (not to a partition) lives in the state
 * index, such as the crawl lease or the record of the last crawl: one document per kind and
 * {@code connector.id}, its id the kind and the id in base64url (any {@code connector.id} is then a
 * valid document id).
 */
final class SourceDocument {
    private SourceDocument() {
    }

    /**
     * The document's path.
     *
     * @param stateIndex the state index
     * @param kind what the document is, such as {@code crawl-lease}
     * @param connectorId the source's {@code connector.id}
     * @return {@code /<stateIndex>/_doc/<kind>.<base64url of connectorId>}
     */
    static String path(String stateIndex, String kind, String connectorId) {
        return "/" + requireNonNull(stateIndex, "stateIndex") + "/_doc/" + kind + "." + Base64.getUrlEncoder()
                .withoutPadding().encodeToString(requireNonNull(connectorId, "connectorId")
                        .getBytes(StandardCharsets.UTF_8));
    }
}
