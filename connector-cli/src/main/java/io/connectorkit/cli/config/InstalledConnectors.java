package io.connectorkit.cli.config;

import io.connectorkit.api.config.ConfigSpec;
import io.connectorkit.api.config.InvalidConfigException;
import io.connectorkit.cli.console.CommandContext;
import io.connectorkit.runtime.ConnectorRegistry;
import io.connectorkit.runtime.config.ConfigLoader;
import io.connectorkit.runtime.config.RuntimeConfig;
import io.connectorkit.runtime.plugin.PluginPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * The connectors a command can run: the built-in ones and those of the plugin path, which is
 * {@code --plugin-path} when given, else the configuration file's {@code connector.plugin-path},
 * else {@code plugins} in the working directory. The plugin path is read before the rest of the
 * file, since the file's other keys depend on the connector it names.
 */
public final class InstalledConnectors {
    /** The command-line option that names plugin directories. */
    public static final String OPTION = "--plugin-path";

    private InstalledConnectors() {
    }

    /**
     * The registry for a command on a configured source.
     *
     * @param context the invocation's environment
     * @param option the command's {@code --config} and {@code --plugin-path}
     * @return the registry
     * @throws InvalidConfigException if a plugin directory named explicitly is missing, a plugin
     *     cannot be loaded or a connector type is found twice
     */
    public static ConnectorRegistry forSource(CommandContext context, ConfigOption option) throws InvalidConfigException {
        Objects.requireNonNull(option, "option");
        return ConnectorRegistry.load(pluginPath(context, option.file(), option.pluginPath()));
    }

    /**
     * The plugin path a command uses.
     *
     * @param context the invocation's environment
     * @param file the configuration file, or {@code null} when there is none
     * @param flag the value of {@code --plugin-path}, or {@code null}
     * @return the plugin path
     * @throws InvalidConfigException if the file's plugin path cannot be read
     */
    public static PluginPath pluginPath(CommandContext context, Path file, String flag) throws InvalidConfigException {
        Objects.requireNonNull(context, "context");
        Path here = Path.of("").toAbsolutePath();
        if (flag != null) {
            if (flag.isBlank()) {
                return PluginPath.none();
            }
            return PluginPath.parse(OPTION, flag, here);
        }
        if (file == null || !Files.isRegularFile(file)) {
            // A missing file is reported by SourceFiles, with its fix.
            return PluginPath.defaultPath();
        }
        // Only the plugin path is declared here: the other keys are read as the full read will
        // judge them, once the connector that declares them is known.
        ConfigSpec pluginKey = ConfigSpec.of(RuntimeConfig.SPEC.key(PluginPath.KEY));
        Map<String, String> values;
        try {
            values = new ConfigLoader(context.environment()::get).load(file, type -> pluginKey);
        } catch (InvalidConfigException e) {
            if (e.problems().stream().anyMatch(p -> p.key().equals(PluginPath.KEY))) {
                throw e;
            }
            // A problem of another key: the full read reports it, with every other problem of the file.
            return PluginPath.defaultPath();
        }
        return PluginPath.parse(PluginPath.KEY, values.get(PluginPath.KEY),
                file.toAbsolutePath().normalize().getParent());
    }
}
