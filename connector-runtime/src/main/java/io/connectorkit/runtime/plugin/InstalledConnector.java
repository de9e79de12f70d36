package io.connectorkit.runtime.plugin;

import static java.util.Objects.requireNonNull;

import io.connectorkit.api.SourceConnector;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Optional;

/**
 * A connector the host can run, with where it came from: built in (on the host's own class path)
 * or from a plugin's jar.
 *
 * @param connector the connector
 * @param jar the jar its class was loaded from, empty when that cannot be known
 * @param builtIn whether it is on the host's class path rather than the plugin path
 */
public record InstalledConnector(SourceConnector connector, Optional<Path> jar, boolean builtIn) {
    /**
     * Validates the components.
     *
     * @throws NullPointerException if a component is {@code null}
     */
    public InstalledConnector {
        requireNonNull(connector, "connector");
        requireNonNull(jar, "jar");
    }

    /**
     * A connector found on the host's class path.
     *
     * @param connector the connector
     * @return the installed connector
     */
    public static InstalledConnector builtIn(SourceConnector connector) {
        return new InstalledConnector(connector, jarOf(connector.getClass()), true);
    }

    /**
     * A connector found in a plugin.
     *
     * @param connector the connector
     * @return the installed connector
     */
    public static InstalledConnector fromPlugin(SourceConnector connector) {
        return new InstalledConnector(connector, jarOf(connector.getClass()), false);
    }

    /**
     * The connector's type.
     *
     * @return {@link SourceConnector#type()}
     */
    public String type() {
        return connector.type();
    }

    /**
     * The connector's version: {@link SourceConnector#version()} when it names one, else the
     * {@code Implementation-Version} of its jar's manifest.
     *
     * @return the version, or {@code "unknown"} when neither gives one
     */
    public String version() {
        String declared = connector.version();
        if (declared != null && !declared.isBlank()) {
            return declared.strip();
        }
        Package p = connector.getClass().getPackage();
        String manifest = p == null ? null : p.getImplementationVersion();
        return manifest == null || manifest.isBlank() ? "unknown" : manifest.strip();
    }

    /**
     * Where the connector was loaded from, for people.
     *
     * @return {@code built-in}, or the plugin jar's path
     */
    public String origin() {
        if (builtIn) {
            return "built-in";
        }
        return jar.map(Path::toString).orElse("a plugin");
    }

    /**
     * Where the connector was loaded from, for a message about two of them: the jar when known.
     *
     * @return the jar's path (with "built-in" for the host's own), or the class name
     */
    public String describe() {
        String where = jar.map(Path::toString).orElse(connector.getClass().getName());
        return builtIn ? where + " (built-in)" : where;
    }

    private static Optional<Path> jarOf(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(source.getLocation().toURI()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
