package io.connectorkit.runtime.plugin;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Enumeration;
import java.util.List;

/**
 * The class loader of one plugin: its own jars, isolated from the host's and from every other
 * plugin's.
 *
 * <ul>
 * <li>The JDK comes first: a class or resource the platform class loader has is always the JDK's.</li>
 * <li>{@code io.connectorkit.api} (and its sub-packages) comes from the host, so that the plugin's
 *     connector is a {@code SourceConnector} the host can call, whatever API jar the plugin may
 *     carry.</li>
 * <li>Everything else comes from the plugin's jars only. A plugin's Gson, Log4j or HttpClient is
 *     its own version, and a library the plugin does not carry is not found, even when the host
 *     has it: the API is all a plugin may rely on.</li>
 * </ul>
 *
 * <p>This is the rule of Trino's plugin class loader (the platform loader as parent, the SPI
 * packages from the host); Kafka Connect's plugin loader is child-first in the same way.
 */
public final class PluginClassLoader extends URLClassLoader {
    /** The package a plugin shares with the host. */
    public static final String API_PACKAGE = "io.connectorkit.api.";

    private static final String API_RESOURCES = API_PACKAGE.replace('.', '/');

    static {
        registerAsParallelCapable();
    }

    private final ClassLoader host;

    /**
     * Creates the loader.
     *
     * @param name the plugin's name, shown in stack traces
     * @param jars the plugin's jars
     * @param host the loader the API classes come from
     */
    public PluginClassLoader(String name, List<URL> jars, ClassLoader host) {
        super(name, jars.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        this.host = requireNonNull(host, "host");
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                if (name.startsWith(API_PACKAGE)) {
                    loaded = host.loadClass(name);
                } else {
                    // The parent is the platform loader: the JDK first, then the plugin's own jars.
                    loaded = super.loadClass(name, false);
                }
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    @Override
    public URL getResource(String name) {
        if (isApiResource(name)) {
            return host.getResource(name);
        }
        return super.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        if (isApiResource(name)) {
            return host.getResources(name);
        }
        return super.getResources(name);
    }

    private static boolean isApiResource(String name) {
        // Service files (META-INF/services/io.connectorkit.api.*) are not under this folder: a
        // plugin's service files name its own providers, and stay its own.
        return name.startsWith(API_RESOURCES);
    }

    @Override
    public String toString() {
        return "PluginClassLoader[" + getName() + "]";
    }
}
