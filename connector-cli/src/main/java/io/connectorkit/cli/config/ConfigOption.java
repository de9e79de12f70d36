package io.connectorkit.cli.config;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --config FILE} option of every command that works on a configured source. */
public final class ConfigOption {
    @Option(names = {"-c", "--config"}, required = true, paramLabel = "FILE",
            description = "The source's .properties file (keys: docs/configuration.md).")
    Path file;

    /**
     * The file given.
     *
     * @return the path
     */
    public Path file() {
        return file;
    }
}
