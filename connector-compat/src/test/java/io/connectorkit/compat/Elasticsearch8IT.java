package io.connectorkit.compat;

import io.connectorkit.cli.CrawlMatrix;
import io.connectorkit.runtime.index.documents.ElasticsearchStoresContract;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

/**
 * The sink and state-store contract and the packaged command's crawl matrix against a real
 * Elasticsearch 8.x server, one server for all of them.
 */
class Elasticsearch8IT {
    private static ElasticsearchServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = ElasticsearchServer.start(ElasticsearchCompatibility.version(8), "es8", Map.of());
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

    @Nested
    class Crawls extends CrawlMatrix {
        Crawls() {
            super(Elasticsearch8IT.class);
        }

        @Override
        protected String indexUrl() {
            return server.url();
        }

        @Override
        protected void stopIndex() {
            server.stop();
        }

        @Override
        protected void startIndex() throws Exception {
            server.restart();
        }
    }
}
