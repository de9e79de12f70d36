package io.connectorkit.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectorkit.api.Capability;
import io.connectorkit.api.ConnectorContext;
import io.connectorkit.api.ConnectorSession;
import io.connectorkit.api.SourceConnector;
import io.connectorkit.api.check.CheckReport;
import io.connectorkit.api.config.ConfigProblem;
import io.connectorkit.api.config.ConfigSpec;
import io.connectorkit.api.config.InvalidConfigException;
import io.connectorkit.api.config.SourceConfig;
import io.connectorkit.runtime.config.RuntimeConfig;
import io.connectorkit.runtime.testing.ScriptedConnector;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConnectorRegistryTest {
    private final ConnectorRegistry registry = ConnectorRegistry.load();

    @Test
    void discoversConnectorsThroughTheServiceLoader() throws Exception {
        assertThat(registry.types()).containsExactly("scripted");
        assertThat(registry.connector("scripted")).isInstanceOf(ScriptedConnector.class);
    }

    @Test
    void unknownTypeNamesTheKnownTypes() {
        assertThatThrownBy(() -> registry.connector("mimecats"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("connector.type")
                .hasMessageContaining("mimecats")
                .hasMessageContaining("known types: scripted");
    }

    @Test
    void duplicateTypesAreRejected() {
        assertThatThrownBy(() -> new ConnectorRegistry(List.of(new ScriptedConnector(), new ScriptedConnector())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'scripted'");
    }

    @Test
    void reportsEveryProblemOfAConfigurationAtOnce() {
        Map<String, String> values = Map.of(
                "connector.type", "scripted",
                "crawl.parallel.partitions", "many",
                "sink.bulk.max-dox", "10",
                "test.documents", "-1");
        assertThatThrownBy(() -> registry.validate(values))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> {
                    assertThat(e.problems()).extracting(ConfigProblem::key).containsExactly(
                            "connector.id", "crawl.parallel.partitions", "sink.bulk.max-dox", "test.documents");
                    assertThat(e.problems().get(2).message()).contains("did you mean 'sink.bulk.max-docs'");
                });
    }

    @Test
    void withoutAConnectorOnlyTheHostKeysAreChecked() {
        assertThatThrownBy(() -> registry.validate(Map.of("connector.id", "BAD ID", "mimecast.page-size", "100")))
                .isInstanceOfSatisfying(InvalidConfigException.class, e ->
                        assertThat(e.problems()).extracting(ConfigProblem::key)
                                .containsExactly("connector.id", "connector.type"));
    }

    @Test
    void validConfigurationGetsDefaultsAndTypedRecords() throws Exception {
        SourceConfig config = registry.validate(Map.of("connector.type", "scripted", "connector.id", "demo",
                "sink.elasticsearch.password", "hunter2", "sink.elasticsearch.username", "elastic"));
        RuntimeConfig runtime = RuntimeConfig.from(config);
        assertThat(runtime.crawl().parallelPartitions()).isEqualTo(4);
        assertThat(runtime.crawl().maxDeletionShare()).isEqualTo(0.5);
        assertThat(runtime.crawl().maxSweepShare()).isEqualTo(0.5);
        assertThat(runtime.sink().index()).isEqualTo("connector-demo");
        assertThat(runtime.sink().stateIndex()).isEqualTo("connector-demo-state");
        assertThat(runtime.sink().embedded()).isTrue();
        assertThat(runtime.sink().embeddedDataDir()).isEqualTo(Path.of("./data/opensearch"));
        assertThat(runtime.sink().bulkMaxBytes()).isEqualTo(5_242_880L);
        assertThat(config.getBoolean("extract.text")).isTrue();
        assertThat(runtime.sink().toString()).doesNotContain("hunter2");
        assertThat(config.toString()).doesNotContain("hunter2");
    }

    @Test
    void anExplicitRequestForTextIsRefusedWhenNoTextExtractorIsInstalled() throws Exception {
        Map<String, String> values = Map.of("connector.type", "scripted", "connector.id", "demo");
        assertThatThrownBy(() -> registry.validate(withKey(values, "extract.text", "true")))
                .isInstanceOfSatisfying(InvalidConfigException.class, e ->
                        assertThat(e.problems()).singleElement().satisfies(p -> {
                            assertThat(p.key()).isEqualTo("extract.text");
                            assertThat(p.message()).contains("connector-extract", "extract.text=false");
                        }));
        assertThat(registry.validate(withKey(values, "extract.text", "false")).getBoolean("extract.text")).isFalse();
        assertThat(registry.validate(values).getBoolean("extract.text")).isTrue();
    }

    private static Map<String, String> withKey(Map<String, String> values, String key, String value) {
        Map<String, String> out = new HashMap<>(values);
        out.put(key, value);
        return out;
    }

    @Test
    void runtimeSpecHoldsExactlyTheDocumentedKeys() {
        assertThat(RuntimeConfig.SPEC.keys()).extracting(k -> k.name()).containsExactly(
                "connector.type", "connector.id", "connector.plugin-path",
                "crawl.parallel.partitions", "crawl.parallel.index-queries", "crawl.parallel.partition-deletions",
                "crawl.deletions.max-share", "crawl.sweep.max-share", "crawl.deletions.dry-run",
                "sink.elasticsearch.url", "sink.elasticsearch.username", "sink.elasticsearch.password",
                "sink.elasticsearch.api-key", "sink.elasticsearch.ca-bundle", "sink.elasticsearch.index",
                "sink.bulk.max-docs", "sink.bulk.max-bytes", "sink.bulk.linger-millis",
                "sink.index.shards", "sink.index.replicas", "sink.embedded.data-dir",
                "sink.retry.max-wait-seconds");
        assertThat(RuntimeConfig.hostSpec().keys()).extracting(k -> k.name())
                .contains("extract.text", "extract.max-chars", "extract.timeout-seconds");
    }

    @Test
    void aConnectorDeclaringAHostKeyIsRefused() {
        SourceConnector clash = new SourceConnector() {
            @Override
            public String type() {
                return "clash";
            }

            @Override
            public ConfigSpec configSpec() {
                return RuntimeConfig.SPEC;
            }

            @Override
            public Set<Capability> capabilities() {
                return Set.of();
            }

            @Override
            public CheckReport check(SourceConfig config, ConnectorContext context) {
                return new CheckReport(List.of());
            }

            @Override
            public ConnectorSession open(SourceConfig config, ConnectorContext context) {
                throw new UnsupportedOperationException();
            }
        };
        ConnectorRegistry withClash = new ConnectorRegistry(List.of(clash));
        assertThatThrownBy(() -> withClash.validate(Map.of("connector.type", "clash", "connector.id", "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("declared twice");
    }
}
