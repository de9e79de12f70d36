package io.connectorkit.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectorkit.api.ConnectorException;
import io.connectorkit.api.ErrorKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The core runtime alone (its tests do not have connector-embedded on the class path): a blank
 * cluster URL asks for an embedded index that is not there.
 */
class WithoutEmbeddedIndexTest {
    @TempDir
    Path dir;

    @Test
    void aBlankUrlIsAConfigurationErrorNamingTheKeyAndBothFixes() throws Exception {
        ConnectorRegistry registry = ConnectorRegistry.load();
        Path dataDir = dir.resolve("opensearch");
        Map<String, String> values = Map.of("connector.type", "scripted", "connector.id", "alone",
                "sink.elasticsearch.url", "", "sink.embedded.data-dir", dataDir.toString());
        assertThatThrownBy(() -> Host.open(registry.validate(values), registry))
                .isInstanceOfSatisfying(ConnectorException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFIGURATION))
                .hasMessageStartingWith("sink.elasticsearch.url is blank")
                .hasMessageContaining("set sink.elasticsearch.url to the URL of an Elasticsearch or OpenSearch cluster")
                .hasMessageContaining("add the module io.connectorkit:connector-embedded")
                .hasMessageContaining(dataDir.toString());
        assertThat(Files.exists(dataDir)).as("nothing is written to the data directory").isFalse();
    }
}
