package io.connectorkit.runtime.index.documents;

import io.connectorkit.embedded.EmbeddedSearchNode;
import io.connectorkit.embedded.testing.SharedSearchNode;
import org.junit.jupiter.api.extension.ExtendWith;

/** The sink and state-store contract against the embedded node. */
@ExtendWith(SharedSearchNode.class)
class ElasticsearchStoresIT extends ElasticsearchStoresContract {
    ElasticsearchStoresIT(EmbeddedSearchNode node) {
        super(node.url());
    }
}
