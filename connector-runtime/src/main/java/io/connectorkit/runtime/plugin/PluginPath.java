package io.connectorkit.runtime.plugin;

import static java.util.Objects.requireNonNull;

import io.connectorkit.api.config.ConfigProblem;
import io.connectorkit.api.config.InvalidConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The directories plugins are read from: the value of {@code connector.plugin-path}, or of the
 * command line's {@code --plugin-path}. Each jar directly inside a directory is a plugin, and so
 * is each subdirectory that holds jars (a connector with its libraries); anything else is
 * ignored. The default, {@code plugins} in the working directory, may be missing; a directory
 * named explicitly may not.
 */
public final class PluginPath {
    /** The key of the plugin directories. */
    public static final String KEY = "connector.plugin-path";
    /** The directory read when none is named, relative to the working directory. */
    public static final String DEFAULT = "plugins";

    private final String source;
    private final String value;
    private final List<Path> directories;
    private final boolean explicit;

    private PluginPath(String source, String value, List<Path> directories, boolean explicit) {
        this.source = source;
        this.value = value;
        this.directories = List.copyOf(directories);
        this.explicit = explicit;
    }

    /**
     * The default: {@code plugins} in the working directory, which may be missing.
     *
     * @return the plugin path
     */
    public static PluginPath defaultPath() {
        return new PluginPath(KEY, DEFAULT, List.of(Path.of(DEFAULT)), false);
    }

    /**
     * No plugin directory at all: the host's own connectors only.
     *
     * @return the empty plugin path
     */
    public static PluginPath none() {
        return new PluginPath(KEY, "", List.of(), true);
    }

    /**
     * Parses a comma-separated list of directories; a blank value is the default.
     *
     * @param source what the value was given as, such as {@code connector.plugin-path} or
     *     {@code --plugin-path}, to name in problems
     * @param value the directories, comma-separated; {@code null} or blank for the default
     * @param base the directory a relative entry is resolved against
     * @return the plugin path
     */
    public static PluginPath parse(String source, String value, Path base) {
        requireNonNull(source, "source");
        requireNonNull(base, "base");
        if (value == null || value.isBlank()) {
            return defaultPath();
        }
        List<Path> dirs = new ArrayList<>();
        for (String entry : value.split(",")) {
            if (!entry.isBlank()) {
                dirs.add(base.resolve(entry.strip()).normalize());
            }
        }
        return new PluginPath(source, value.strip(), dirs, true);
    }

    /**
     * The directories, in the order given.
     *
     * @return the directories
     */
    public List<Path> directories() {
        return directories;
    }

    /**
     * Lists the plugins in the directories, in directory order and then by name.
     *
     * @return the plugins
     * @throws InvalidConfigException naming the key, the value and the directory when a directory
     *     named explicitly is missing, is not a directory or cannot be read
     */
    public List<Plugin> plugins() throws InvalidConfigException {
        List<Plugin> plugins = new ArrayList<>();
        List<ConfigProblem> problems = new ArrayList<>();
        for (Path dir : directories) {
            if (!Files.exists(dir)) {
                if (explicit) {
                    problems.add(problem(dir, "does not exist; create it and put connector plugins in it, or correct"
                            + " the path (relative paths are resolved against " + (source.startsWith("--")
                                    ? "the working directory" : "the configuration file's folder") + ")"));
                }
                continue;
            }
            if (!Files.isDirectory(dir)) {
                problems.add(problem(dir, "is not a directory; name the directory that holds the plugin jars"));
                continue;
            }
            try {
                for (Path entry : sorted(dir)) {
                    if (isJar(entry)) {
                        plugins.add(new Plugin(entry, List.of(entry)));
                    } else if (Files.isDirectory(entry)) {
                        List<Path> jars = sorted(entry).stream().filter(PluginPath::isJar).toList();
                        if (!jars.isEmpty()) {
                            plugins.add(new Plugin(entry, jars));
                        }
                    }
                }
            } catch (IOException e) {
                problems.add(problem(dir, "cannot be read (" + e.getMessage() + "); check its permissions"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
        return plugins;
    }

    /**
     * A problem of this plugin path, naming the key or option and its value.
     *
     * @param message what is wrong and the fix
     * @return the problem
     */
    public ConfigProblem problem(String message) {
        return new ConfigProblem(source, value, message);
    }

    private ConfigProblem problem(Path dir, String message) {
        return problem("the plugin directory " + dir.toAbsolutePath() + " " + message);
    }

    private static List<Path> sorted(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.sorted().toList();
        }
    }

    private static boolean isJar(Path file) {
        return Files.isRegularFile(file) && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jar");
    }

    @Override
    public String toString() {
        return source + "=" + value;
    }
}
