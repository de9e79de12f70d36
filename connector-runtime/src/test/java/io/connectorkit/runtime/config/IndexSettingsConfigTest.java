package io.connectorkit.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectorkit.api.config.InvalidConfigException;
import io.connectorkit.api.config.SourceConfig;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IndexSettingsConfigTest {
    private static SourceConfig validate(Map<String, String> extra) throws InvalidConfigException {
        Map<String, String> values = new HashMap<>(Map.of("connector.type", "t", "connector.id", "c"));
        values.putAll(extra);
        return RuntimeConfig.SPEC.parse(values);
    }

    @Test
    void defaultsAreOneShardAndOneReplicaOnAClusterButNoneOnTheEmbeddedNode() throws Exception {
        SinkConfig embedded = SinkConfig.from(validate(Map.of()), "c");
        assertThat(embedded.indexShards()).isEqualTo(1);
        assertThat(embedded.replicasPerShard()).isZero();
        SinkConfig cluster = SinkConfig.from(validate(Map.of("sink.elasticsearch.url", "http://localhost:9200")), "c");
        assertThat(cluster.indexShards()).isEqualTo(1);
        assertThat(cluster.replicasPerShard()).isEqualTo(1);
    }

    @Test
    void aOneNodeClusterCanAskForNoReplicaAndMoreShards() throws Exception {
        SinkConfig cluster = SinkConfig.from(validate(Map.of("sink.elasticsearch.url", "http://localhost:9200",
                "sink.index.replicas", "0", "sink.index.shards", "3")), "c");
        assertThat(cluster.replicasPerShard()).isZero();
        assertThat(cluster.indexShards()).isEqualTo(3);
        assertThat(cluster.toString()).contains("indexShards=3");
    }

    @Test
    void aWrongValueNamesTheKeyTheValueAndWhatIsExpected() {
        assertThatThrownBy(() -> validate(Map.of("sink.index.replicas", "two"))).isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("sink.index.replicas").hasMessageContaining("two")
                .hasMessageContaining("whole number from 0 to 32");
        assertThatThrownBy(() -> validate(Map.of("sink.index.shards", "0"))).isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("sink.index.shards");
    }
}
