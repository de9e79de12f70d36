package io.connectorkit.kafka;

import io.connectorkit.api.SourceConnector;
import io.connectorkit.api.config.ConfigProblem;
import io.connectorkit.api.config.InvalidConfigException;
import io.connectorkit.api.config.SourceConfig;
import io.connectorkit.runtime.ConnectorRegistry;
import io.connectorkit.runtime.config.RuntimeConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A source connector's configuration as Connect hands it over, split into ours: the source's
 * (host and connector keys, validated by the registry as the CLI validates a file) and the
 * plugin's {@code connect.*} keys. Connect's own keys ({@code name}, {@code tasks.max}, converters)
 * are left to Connect.
 *
 * @param connector the connector that {@code connector.type} names
 * @param source the validated source configuration
 * @param plugin the validated {@code connect.*} keys
 */
record SourceSettings(SourceConnector connector, SourceConfig source, SourceConfig plugin) {

    static SourceSettings from(ConnectorRegistry registry, Map<String, String> props) throws InvalidConfigException {
        Split split = split(registry, props);
        List<ConfigProblem> problems = new ArrayList<>();
        SourceConfig source = null;
        SourceConfig plugin = null;
        try {
            source = registry.validate(split.source);
        } catch (InvalidConfigException e) {
            problems.addAll(e.problems());
        }
        try {
            plugin = ConnectKeys.SOURCE_SPEC.parse(split.plugin);
        } catch (InvalidConfigException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
        return new SourceSettings(registry.connector(source.getString(RuntimeConfig.CONNECTOR_TYPE)), source, plugin);
    }

    /** Every problem of a configuration, for Connect's validate endpoint. */
    static List<ConfigProblem> problems(ConnectorRegistry registry, Map<String, String> props) {
        try {
            from(registry, props);
            return List.of();
        } catch (InvalidConfigException e) {
            return e.problems();
        }
    }

    record Split(Map<String, String> source, Map<String, String> plugin) {
    }

    /**
     * Our keys of a Connect configuration: {@code connect.*} for the plugin; the host's keys and
     * every key under a prefix an installed connector uses ({@code mimecast.}) for the source, so a
     * misspelt connector key is reported, not dropped.
     */
    static Split split(ConnectorRegistry registry, Map<String, String> props) {
        Map<String, String> source = new LinkedHashMap<>();
        Map<String, String> plugin = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : props.entrySet()) {
            String k = e.getKey();
            if (k.startsWith("connect.")) {
                if (!k.startsWith("connect.task.")) {
                    plugin.put(k, e.getValue());
                }
            } else if (RuntimeConfig.hostSpec().key(k) != null || connectorKey(registry, k)) {
                source.put(k, e.getValue());
            }
        }
        return new Split(source, plugin);
    }

    private static boolean connectorKey(ConnectorRegistry registry, String key) {
        for (String type : registry.types()) {
            if (key.startsWith(type + ".")) {
                return true;
            }
        }
        return false;
    }

    String connectorId() {
        return source.getString(RuntimeConfig.CONNECTOR_ID);
    }

    String topic() {
        return plugin.getString(ConnectKeys.TOPIC);
    }
}
