package io.connectorkit.kafka;

import io.connectorkit.api.config.InvalidConfigException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkConnector;

/**
 * A Connect sink that writes the records of {@link CrawlSourceConnector} into Elasticsearch or
 * OpenSearch with the runtime's sink: the same document ids, bulk requests, retries and waits for an
 * unavailable index as the CLI host; sweeps on each partition's complete marker and removals of
 * partitions a complete listing no longer returns, both held by the same breakers.
 */
public final class IndexSinkConnector extends SinkConnector {
    private Map<String, String> props;

    /** Creates the connector; Connect calls it. */
    public IndexSinkConnector() {
    }

    @Override
    public String version() {
        return Version.VERSION;
    }

    @Override
    public void start(Map<String, String> props) {
        try {
            SinkSettings.parse(props);
        } catch (InvalidConfigException e) {
            throw new ConnectException("Invalid configuration: " + e.getMessage());
        }
        this.props = new HashMap<>(props);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return IndexSinkTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<Map<String, String>> configs = new ArrayList<>();
        for (int i = 0; i < maxTasks; i++) {
            configs.add(new HashMap<>(props));
        }
        return configs;
    }

    @Override
    public void stop() {
    }

    @Override
    public ConfigDef config() {
        return ConnectKeys.configDef(SinkSettings.spec());
    }

    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        return ConnectKeys.result(config(), connectorConfigs, SinkSettings.problems(connectorConfigs));
    }
}
