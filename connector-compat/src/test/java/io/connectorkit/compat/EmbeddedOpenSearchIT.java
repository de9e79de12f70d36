package io.connectorkit.compat;

import io.connectorkit.cli.CrawlMatrix;
import io.connectorkit.embedded.EmbeddedSearchNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

/**
 * The crawl matrix against an embedded OpenSearch node of its own (the sink and state-store
 * contract runs against the embedded node in connector-embedded's ElasticsearchStoresIT). Its
 * own node, not the shared one, so that the outage test can stop it and start it again on the
 * same port and data.
 */
class EmbeddedOpenSearchIT {
    private static Path data;
    private static int port;
    private static EmbeddedSearchNode node;

    @BeforeAll
    static void startNode() throws IOException {
        data = Files.createTempDirectory("compat-embedded-");
        node = EmbeddedSearchNode.startWithoutCredential(data, 0);
        port = node.port();
        System.out.println("Embedded OpenSearch up at " + node.url() + " in " + node.startMillis() + " ms");
    }

    @AfterAll
    static void stopNode() throws IOException {
        if (node != null) {
            node.close();
            node = null;
        }
        ElasticsearchServer.deleteTree(data);
    }

    @Nested
    class Crawls extends CrawlMatrix {
        Crawls() {
            super(EmbeddedOpenSearchIT.class);
        }

        @Override
        protected String indexUrl() {
            return "http://127.0.0.1:" + port;
        }

        @Override
        protected void stopIndex() {
            node.close();
            node = null;
        }

        @Override
        protected void startIndex() throws IOException {
            node = EmbeddedSearchNode.startWithoutCredential(data, port);
        }
    }
}
