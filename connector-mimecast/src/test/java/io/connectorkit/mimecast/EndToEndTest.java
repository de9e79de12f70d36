package io.connectorkit.mimecast;

import io.connectorkit.embedded.EmbeddedSearchNode;
import io.connectorkit.embedded.testing.SharedSearchNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An end-to-end test: the fake server, the connector run by a host, and the index. Gives each
 * test the JVM's shared embedded node and text extractors (for {@link IndexedMimecast}), so that
 * the tests that crawl into the index start neither more than once.
 */
@ExtendWith(SharedSearchNode.class)
@ExtendWith(SharedExtractors.class)
abstract class EndToEndTest {
    /** The shared node; tests isolate themselves by {@code connector.id} ({@link IndexedMimecast}). */
    EmbeddedSearchNode node;
    /** The shared extractors. */
    Extractors extractors;

    @BeforeEach
    final void shareNodeAndExtractors(EmbeddedSearchNode sharedNode, Extractors shared) {
        node = sharedNode;
        extractors = shared;
    }
}
