package io.connectorkit.cli.config;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code --config FILE} option of every command that works on a configured source, and
 * {@code --plugin-path DIRS}, which overrides the file's {@code connector.plugin-path}.
 */
public final class ConfigOption {
    @Option(names = {"-c", "--config"}, required = true, paramLabel = "FILE",
            description = "The source's .properties file (keys: docs/configuration.md).")
    Path file;

    @Option(names = "--plugin-path", paramLabel = "DIRS",
            description = "Plugin directories, comma-separated, instead of the file's connector.plugin-path"
                    + " (relative to the working directory).")
    String pluginPath;

    /**
     * The file given.
     *
     * @return the path
     */
    public Path file() {
        return file;
    }

    /**
     * The plugin directories given on the command line.
     *
     * @return the value of {@code --plugin-path}, or {@code null} when not given
     */
    public String pluginPath() {
        return pluginPath;
    }
}
