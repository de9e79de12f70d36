package io.connectorkit.runtime.plugin;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;

/**
 * One plugin found on the plugin path: a jar directly inside a plugin directory, or a
 * subdirectory of jars (a connector with its libraries). Each plugin gets a
 * {@link PluginClassLoader} of its own.
 *
 * @param location the jar, or the subdirectory
 * @param jars the jars the plugin's class loader reads, in name order
 */
public record Plugin(Path location, List<Path> jars) {
    /**
     * Validates the components.
     *
     * @throws NullPointerException if a component is {@code null}
     * @throws IllegalArgumentException if there is no jar
     */
    public Plugin {
        requireNonNull(location, "location");
        jars = List.copyOf(requireNonNull(jars, "jars"));
        if (jars.isEmpty()) {
            throw new IllegalArgumentException("a plugin needs a jar: " + location);
        }
    }

    /**
     * The plugin's name: the file name of its jar or subdirectory.
     *
     * @return the name
     */
    public String name() {
        return location.getFileName().toString();
    }
}
