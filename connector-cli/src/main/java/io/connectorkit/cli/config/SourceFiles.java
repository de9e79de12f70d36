package io.connectorkit.cli.config;

import io.connectorkit.api.config.InvalidConfigException;
import io.connectorkit.api.config.SourceConfig;
import io.connectorkit.cli.console.CommandContext;
import io.connectorkit.cli.console.CommandException;
import io.connectorkit.cli.console.ExitStatus;
import io.connectorkit.runtime.ConnectorRegistry;
import io.connectorkit.runtime.config.ConfigLoader;
import io.connectorkit.runtime.config.RuntimeConfig;
import io.connectorkit.runtime.config.UrlCredentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Reads a source's configuration file for a command: interpolates {@code ${env:}} and
 * {@code ${file:}} references, registers every secret with the invocation's redactor (the
 * password written inside a cluster URL included, before
 * validation, so not even an error can show one) and validates it against the host's and the
 * connector's keys. Relative paths in the file are under the file's folder, wherever the command
 * runs (see {@link ConfigLoader#load(Path, java.util.function.Function)}).
 */
public final class SourceFiles {
    private final CommandContext context;
    private final ConnectorRegistry registry;

    /**
     * Creates the reader.
     *
     * @param context the invocation's environment and redactor
     * @param registry the installed connectors
     */
    public SourceFiles(CommandContext context, ConnectorRegistry registry) {
        this.context = Objects.requireNonNull(context, "context");
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /**
     * Reads and validates a configuration file.
     *
     * @param file the {@code .properties} file
     * @return the validated configuration
     * @throws CommandException if the file does not exist
     * @throws InvalidConfigException listing every problem of the configuration
     */
    public SourceConfig load(Path file) throws InvalidConfigException {
        if (Files.isDirectory(file)) {
            throw new CommandException(ExitStatus.INVALID_CONFIGURATION, "--config " + file.toAbsolutePath()
                    + " is a directory; give the path of a .properties file in it (the keys are described in"
                    + " docs/configuration.md).");
        }
        if (!Files.isRegularFile(file)) {
            throw new CommandException(ExitStatus.INVALID_CONFIGURATION, "The configuration file "
                    + file.toAbsolutePath() + " does not exist; give the path of a .properties file to --config"
                    + " (the keys are described in docs/configuration.md).");
        }
        Map<String, String> values = new ConfigLoader(context.environment()::get).load(file, registry::specFor);
        values.forEach((key, value) -> {
            if (looksSecret(key)) {
                context.redactor().register(List.of(value));
            }
        });
        // A cluster URL may carry a user name and password.
        context.redactor().register(UrlCredentials.secrets(values.get(RuntimeConfig.SINK_URL)));
        SourceConfig config = registry.validate(values);
        context.redactor().register(config.secretValues());
        return config;
    }

    private static boolean looksSecret(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return k.contains("secret") || k.contains("password") || k.contains("api-key") || k.contains("token");
    }
}
