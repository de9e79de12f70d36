package io.connectorkit.runtime.plugin;

import static java.util.Objects.requireNonNull;

import io.connectorkit.api.SourceConnector;
import io.connectorkit.api.config.ConfigProblem;
import io.connectorkit.api.config.InvalidConfigException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Finds connectors: with {@link ServiceLoader} on the host's class path (the built-in ones), and
 * with {@link ServiceLoader} again in each plugin of a {@link PluginPath}, each through a
 * {@link PluginClassLoader} of its own.
 */
public final class PluginLoader {
    private PluginLoader() {
    }

    /**
     * Finds the host's connectors and the plugins' connectors.
     *
     * @param host the host's class loader: built-in connectors and the API come from it
     * @param path the plugin directories
     * @return every connector, built-in first, each type once
     * @throws InvalidConfigException naming the plugin path when a directory named explicitly is
     *     missing, a plugin's connector cannot be loaded, or a type is found twice (naming both jars)
     */
    public static List<InstalledConnector> discover(ClassLoader host, PluginPath path) throws InvalidConfigException {
        requireNonNull(host, "host");
        requireNonNull(path, "path");
        List<InstalledConnector> found = new ArrayList<>();
        ServiceLoader.load(SourceConnector.class, host).forEach(c -> found.add(InstalledConnector.builtIn(c)));
        List<ConfigProblem> problems = new ArrayList<>();
        for (Plugin plugin : path.plugins()) {
            PluginClassLoader loader = new PluginClassLoader(plugin.name(), urls(plugin), host);
            try {
                ServiceLoader.load(SourceConnector.class, loader).forEach(c -> found.add(InstalledConnector.fromPlugin(c)));
            } catch (ServiceConfigurationError | LinkageError e) {
                problems.add(path.problem("the plugin " + plugin.location().toAbsolutePath() + " has a connector that"
                        + " cannot be loaded (" + e.getMessage() + "); a plugin must carry every library it uses"
                        + " except connector-api, which the host provides"));
            }
        }
        Map<String, InstalledConnector> byType = new LinkedHashMap<>();
        for (InstalledConnector c : found) {
            InstalledConnector previous = byType.putIfAbsent(c.type(), c);
            if (previous != null) {
                problems.add(path.problem("the connector type '" + c.type() + "' is found twice: in "
                        + previous.describe() + " and in " + c.describe() + "; remove one of them"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
        return List.copyOf(byType.values());
    }

    private static List<URL> urls(Plugin plugin) {
        List<URL> urls = new ArrayList<>();
        for (Path jar : plugin.jars()) {
            try {
                urls.add(jar.toAbsolutePath().toUri().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("not a usable jar path: " + jar, e);
            }
        }
        return urls;
    }
}
