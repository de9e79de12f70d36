package io.connectorkit.kafka;

import io.connectorkit.api.SourceConnector;
import io.connectorkit.api.config.ConfigKey;
import io.connectorkit.api.config.ConfigProblem;
import io.connectorkit.api.config.ConfigSpec;
import io.connectorkit.api.config.ConfigType;
import io.connectorkit.api.config.InvalidConfigException;
import io.connectorkit.api.config.SourceConfig;
import io.connectorkit.runtime.ConnectorRegistry;
import io.connectorkit.runtime.config.RuntimeConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;

/**
 * The keys of the plugin's own ({@code connect.*}), and the mapping of our {@link ConfigSpec}s onto
 * Connect's {@link ConfigDef}: Connect's validate endpoint then shows every problem our validation
 * finds, with secrets typed {@code PASSWORD} so Connect never shows their values.
 */
final class ConnectKeys {
    /** The topic the source writes and the sink reads. */
    static final String TOPIC = "connect.topic";
    /** Seconds between the end of one pass over a task's partitions and the next (incremental) pass. */
    static final String INTERVAL = "connect.crawl.interval-seconds";
    /** Every how many passes a task crawls its partitions FULL again (sweeping what is gone); 0: only the first. */
    static final String FULL_EVERY = "connect.crawl.full-every-passes";
    /** The largest record value in bytes; a document's text is cut to fit and marked truncated. */
    static final String MAX_RECORD_BYTES = "connect.record.max-bytes";
    /** Seconds between two listings of the partitions by the connector, to spread new ones over the tasks. */
    static final String MONITOR = "connect.partitions.monitor-seconds";
    /** API calls per second for the whole source (one credential), shared evenly by the tasks; 0: no pacing. */
    static final String MAX_RATE = "connect.source.max-calls-per-second";
    /** Set by the connector in each task's configuration: the task's partitions, as JSON. */
    static final String TASK_PARTITIONS = "connect.task.partitions";
    /** Set by the connector in the first task's configuration: that task also reports each complete listing. */
    static final String TASK_LISTER = "connect.task.lister";
    /** Set by the connector in each task's configuration: how many tasks share the source. */
    static final String TASK_COUNT = "connect.task.count";

    /** The plugin's keys of the source connector. */
    static final ConfigSpec SOURCE_SPEC = ConfigSpec.of(
            ConfigKey.of(TOPIC, ConfigType.STRING).required()
                    .description("The Kafka topic the source's records go to; the sink connector reads it."),
            ConfigKey.of(INTERVAL, ConfigType.INTEGER).defaultValue("300").range(0, 86_400 * 7)
                    .description("Seconds a task waits after a pass over its partitions before the next incremental pass."),
            ConfigKey.of(FULL_EVERY, ConfigType.INTEGER).defaultValue("0").range(0, 1_000_000)
                    .description("Every how many passes a task crawls its partitions FULL again, so that the sink"
                            + " sweeps what the source no longer has (deleted messages); 0: only a partition without"
                            + " a committed offset is crawled FULL."),
            ConfigKey.of(MAX_RECORD_BYTES, ConfigType.INTEGER).defaultValue("900000").range(16_384, 1L << 30)
                    .description("The largest record value in bytes (keep it below the topic's max.message.bytes):"
                            + " a longer document text is cut to fit and the document marked truncated."),
            ConfigKey.of(MONITOR, ConfigType.INTEGER).defaultValue("300").range(1, 86_400)
                    .description("Seconds between two listings of the partitions by the connector; a changed list"
                            + " spreads the partitions over the tasks again."),
            ConfigKey.of(MAX_RATE, ConfigType.DECIMAL).defaultValue("0").range(0, 1_000_000)
                    .description("API calls per second for the whole source (its one credential); each task paces"
                            + " its calls at its share, this value divided by the number of tasks. 0 paces nothing"
                            + " (the connector still waits out the source's rate-limit answers in every task)."));

    /** The plugin's keys of the sink connector. */
    static final ConfigSpec SINK_SPEC = ConfigSpec.of(
            ConfigKey.of(TOPIC, ConfigType.STRING).defaultValue("")
                    .description("Informational: the topics the sink reads are Connect's topics key."));

    private ConnectKeys() {
    }

    /** Connect's own keys and anything else not ours: they are not passed to our validation. */
    static Map<String, String> ours(Map<String, String> props, ConfigSpec spec, String connectorPrefix) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : props.entrySet()) {
            String k = e.getKey();
            if (spec.key(k) != null || (connectorPrefix != null && k.startsWith(connectorPrefix))) {
                out.put(k, e.getValue());
            }
        }
        return out;
    }

    /** The ConfigDef of a spec: every value a string (our validation reads it), secrets as PASSWORD. */
    static ConfigDef configDef(ConfigSpec spec) {
        ConfigDef def = new ConfigDef();
        for (ConfigKey key : spec.keys()) {
            def.define(key.name(), key.isSecret() ? ConfigDef.Type.PASSWORD : ConfigDef.Type.STRING,
                    key.isRequired() ? null : key.defaultValue(), ConfigDef.Importance.MEDIUM,
                    key.description() == null ? "" : key.description());
        }
        return def;
    }

    /** The spec of a source for one connector: the host's keys, the connector's and the plugin's. */
    static ConfigSpec sourceSpec(SourceConnector connector) {
        return ConnectorRegistry.specFor(connector).plus(SOURCE_SPEC);
    }

    /** Every key any installed connector reads, for {@code config()}: Connect describes them all. */
    static ConfigSpec allSourceKeys(ConnectorRegistry registry) {
        ConfigSpec spec = RuntimeConfig.hostSpec().plus(SOURCE_SPEC);
        for (String type : registry.types()) {
            try {
                spec = spec.plus(registry.connector(type).configSpec());
            } catch (InvalidConfigException | IllegalArgumentException e) {
                // A key two connectors both declare is described once.
            }
        }
        return spec;
    }

    /**
     * Connect's validation result for our problems: one value per key of the definition, each
     * carrying the messages of its problems.
     */
    static Config result(ConfigDef def, Map<String, String> props, List<ConfigProblem> problems) {
        Map<String, ConfigValue> values = new LinkedHashMap<>();
        for (Map.Entry<String, ConfigDef.ConfigKey> e : def.configKeys().entrySet()) {
            String name = e.getKey();
            Object value = props.get(name);
            if (value == null) {
                continue;
            }
            if (e.getValue().type == ConfigDef.Type.PASSWORD && value != null) {
                value = new org.apache.kafka.common.config.types.Password((String) value);
            }
            values.put(name, new ConfigValue(name, value, new ArrayList<>(), new ArrayList<>()));
        }
        for (ConfigProblem p : problems) {
            // A key outside the definition (an unknown key) is shown without its value: it may be
            // a misspelt secret.
            values.computeIfAbsent(p.key(), k -> new ConfigValue(k, null, new ArrayList<>(), new ArrayList<>()))
                    .addErrorMessage(p.toString());
        }
        return new Config(new ArrayList<>(values.values()));
    }

    /** Parses a validated configuration, or the problems. */
    static SourceConfig parse(ConfigSpec spec, Map<String, String> values) throws InvalidConfigException {
        return spec.parse(values);
    }
}
