package io.connectorkit.runtime;

import static java.util.Objects.requireNonNull;

import io.connectorkit.api.SourceConnector;
import io.connectorkit.api.config.ConfigProblem;
import io.connectorkit.api.config.ConfigSpec;
import io.connectorkit.api.config.InvalidConfigException;
import io.connectorkit.api.config.SourceConfig;
import io.connectorkit.runtime.config.RuntimeConfig;
import io.connectorkit.runtime.config.SinkUrlCheck;
import io.connectorkit.runtime.extract.ContentExtractors;
import io.connectorkit.runtime.extract.ExtractionConfig;
import io.connectorkit.runtime.plugin.InstalledConnector;
import io.connectorkit.runtime.plugin.PluginLoader;
import io.connectorkit.runtime.plugin.PluginPath;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The connectors a host can run, found with {@link ServiceLoader} on the host's class path and in
 * the plugins of a {@link PluginPath}, and validation of a source
 * configuration against the host's keys plus the chosen connector's.
 */
public final class ConnectorRegistry {
    private final Map<String, SourceConnector> connectors;
    private final Map<String, InstalledConnector> installed;

    /**
     * Creates a registry of the given connectors.
     *
     * @param connectors the connectors
     * @throws IllegalStateException if two connectors declare the same type
     */
    public ConnectorRegistry(Iterable<SourceConnector> connectors) {
        this(builtIn(connectors));
    }

    private ConnectorRegistry(List<InstalledConnector> connectors) {
        Map<String, SourceConnector> byType = new TreeMap<>();
        Map<String, InstalledConnector> sources = new TreeMap<>();
        for (InstalledConnector c : connectors) {
            InstalledConnector previous = sources.putIfAbsent(c.type(), c);
            if (previous != null) {
                throw new IllegalStateException("Two connectors declare type '" + c.type() + "': "
                        + previous.connector().getClass().getName() + " in " + previous.describe() + " and "
                        + c.connector().getClass().getName() + " in " + c.describe() + "; remove one of them");
            }
            byType.put(c.type(), c.connector());
        }
        this.connectors = Collections.unmodifiableMap(byType);
        this.installed = Collections.unmodifiableMap(sources);
    }

    private static List<InstalledConnector> builtIn(Iterable<SourceConnector> connectors) {
        requireNonNull(connectors, "connectors");
        List<InstalledConnector> out = new ArrayList<>();
        connectors.forEach(c -> out.add(InstalledConnector.builtIn(c)));
        return out;
    }

    /**
     * Discovers the connectors on this class's class path (built in) and those of the plugins in
     * a plugin path, each plugin through a class loader of its own.
     *
     * @param pluginPath the plugin directories
     * @return the registry
     * @throws InvalidConfigException naming the plugin path when a directory named explicitly is
     *     missing, a plugin cannot be loaded or a connector type is found twice (naming both jars)
     */
    public static ConnectorRegistry load(PluginPath pluginPath) throws InvalidConfigException {
        return new ConnectorRegistry(PluginLoader.discover(ConnectorRegistry.class.getClassLoader(), pluginPath));
    }

    /**
     * Discovers the connectors named in {@code META-INF/services/io.connectorkit.api.SourceConnector}.
     *
     * @param classLoader where to look
     * @return the registry
     * @throws IllegalStateException if two connectors declare the same type
     */
    public static ConnectorRegistry load(ClassLoader classLoader) {
        List<SourceConnector> found = new ArrayList<>();
        ServiceLoader.load(SourceConnector.class, classLoader).forEach(found::add);
        return new ConnectorRegistry(found);
    }

    /**
     * Discovers the connectors visible to this class's class loader.
     *
     * @return the registry
     */
    public static ConnectorRegistry load() {
        return load(ConnectorRegistry.class.getClassLoader());
    }

    /**
     * The known connector types.
     *
     * @return the types, sorted
     */
    public List<String> types() {
        return List.copyOf(connectors.keySet());
    }

    /**
     * The known connectors with their versions and where each was loaded from.
     *
     * @return one entry per type, sorted by type
     */
    public List<InstalledConnector> installed() {
        return List.copyOf(installed.values());
    }

    /**
     * Looks up a connector.
     *
     * @param type the value of {@code connector.type}
     * @return the connector
     * @throws InvalidConfigException naming the known types if there is no such connector
     */
    public SourceConnector connector(String type) throws InvalidConfigException {
        SourceConnector c = connectors.get(type);
        if (c == null) {
            throw new InvalidConfigException(List.of(unknownType(type)));
        }
        return c;
    }

    /**
     * The spec a configuration for this connector is validated against.
     *
     * @param connector the connector
     * @return the host's keys plus the connector's
     */
    public static ConfigSpec specFor(SourceConnector connector) {
        return RuntimeConfig.hostSpec().plus(connector.configSpec());
    }

    /**
     * The keys a configuration may hold for a value of {@code connector.type}, for reading a file
     * before it is validated.
     *
     * @param type the value of {@code connector.type}, blank when unset
     * @return the host's keys plus those of the connector of that type, or the host's alone when
     *     no such connector is installed
     */
    public ConfigSpec specFor(String type) {
        SourceConnector connector = connectors.get(requireNonNull(type, "type").trim());
        return connector == null ? RuntimeConfig.hostSpec() : specFor(connector);
    }

    /**
     * Validates a source configuration: the host's keys and those of the connector that
     * {@code connector.type} names, and the credentials written inside {@code sink.elasticsearch.url}
     * against the credential keys, and that text asked for with {@code extract.text=true} can be
     * extracted (a text extractor is installed), reporting every problem at once with any URL
     * password masked.
     *
     * @param values key to (interpolated) value
     * @return the validated configuration with defaults applied
     * @throws InvalidConfigException listing every problem
     */
    public SourceConfig validate(Map<String, String> values) throws InvalidConfigException {
        requireNonNull(values, "values");
        String type = values.getOrDefault(RuntimeConfig.CONNECTOR_TYPE, "").trim();
        SourceConnector connector = connectors.get(type);
        List<ConfigProblem> problems = new ArrayList<>();
        SourceConfig parsed = null;
        if (connector != null) {
            try {
                parsed = specFor(connector).parse(values);
                problems.addAll(connector.problems(parsed));
            } catch (InvalidConfigException e) {
                problems.addAll(e.problems());
            }
        } else {
            // Without a connector its keys are unknown: check only the host's keys, and say which
            // connector types exist.
            ConfigSpec host = RuntimeConfig.hostSpec();
            for (ConfigProblem p : host.validate(values)) {
                if (host.key(p.key()) != null) {
                    problems.add(p);
                }
            }
            if (!type.isEmpty()) {
                problems.add(unknownType(type));
            }
        }
        if (problems.stream().noneMatch(p -> p.key().equals(ExtractionConfig.TEXT))) {
            // Text asked for explicitly that no installed extractor could give is a mistake to name
            // now, not an index without text discovered later.
            problems.addAll(ContentExtractors.problems(values));
        }
        if (problems.stream().noneMatch(p -> p.key().equals(RuntimeConfig.SINK_URL))) {
            problems.addAll(SinkUrlCheck.problems(values));
        }
        if (problems.stream().noneMatch(p -> p.key().equals(RuntimeConfig.CONNECTOR_ID)
                || p.key().equals(RuntimeConfig.CONTENT_INDEX))) {
            ConfigProblem collision = RuntimeConfig.stateIndexCollision(values);
            if (collision != null) {
                problems.add(collision);
            }
        }
        if (problems.isEmpty()) {
            // Without a connector there is always a problem: connector.type is unset or unknown.
            return parsed;
        }
        // A URL may carry a password: no problem may show it.
        throw new InvalidConfigException(problems.stream().map(SinkUrlCheck::masked)
                .sorted(Comparator.comparing(ConfigProblem::key)).toList());
    }

    private ConfigProblem unknownType(String type) {
        return new ConfigProblem(RuntimeConfig.CONNECTOR_TYPE, type, "no connector of this type is installed; known types: "
                + (connectors.isEmpty() ? "none (put a connector plugin in a directory of " + PluginPath.KEY + ")" : String.join(", ", connectors.keySet())));
    }
}
