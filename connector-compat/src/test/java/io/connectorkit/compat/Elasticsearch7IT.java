package io.connectorkit.compat;

import io.connectorkit.runtime.index.documents.ElasticsearchStoresContract;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

/**
 * The sink and state-store contract against a real Elasticsearch 7.x server. The crawl matrix
 * runs against 8.x and 9.x; on 7.x the contract is what the suite proves, to keep its cost small.
 */
class Elasticsearch7IT {
    private static ElasticsearchServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = ElasticsearchServer.start(ElasticsearchCompatibility.version(7), "es7", Map.of());
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Nested
    class Stores extends ElasticsearchStoresContract {
        Stores() {
            super(server.url());
        }
    }
}
