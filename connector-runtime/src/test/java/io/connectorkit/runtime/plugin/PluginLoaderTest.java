package io.connectorkit.runtime.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.Gson;
import io.connectorkit.api.SourceConnector;
import io.connectorkit.api.config.InvalidConfigException;
import io.connectorkit.runtime.ConnectorRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginLoaderTest {
    /** The display name the test connector reports: where its Gson was loaded from. */
    private static final String GSON_JAR = "com.google.gson.Gson.class.getProtectionDomain().getCodeSource()"
            + ".getLocation().getPath()";

    @TempDir
    Path dir;

    private static Path hostGson() throws Exception {
        return Path.of(Gson.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static Map<String, InstalledConnector> byType(ConnectorRegistry registry) {
        return registry.installed().stream().collect(Collectors.toMap(InstalledConnector::type, Function.identity()));
    }

    @Test
    void aSubdirectoryPluginGetsItsOwnCopyOfALibraryTheHostAlsoHas() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Path plugin = Files.createDirectories(plugins.resolve("plugged"));
        Path gson = Files.copy(hostGson(), plugin.resolve("gson-own.jar"));
        Path jar = Files.move(PluginJars.connectorJar(dir, "plugged", "plugged", GSON_JAR, "3.2.1", List.of(gson)),
                plugin.resolve("plugged-3.2.1.jar"));

        ConnectorRegistry registry = ConnectorRegistry.load(PluginPath.parse(PluginPath.KEY, "plugins", dir));

        assertThat(registry.types()).containsExactly("plugged", "scripted");
        InstalledConnector plugged = byType(registry).get("plugged");
        assertThat(plugged.builtIn()).isFalse();
        assertThat(plugged.jar()).contains(jar);
        assertThat(plugged.origin()).isEqualTo(jar.toString());
        assertThat(plugged.version()).isEqualTo("3.2.1");
        // The plugin's Gson is its own copy, not the host's, though the host has the same classes.
        assertThat(plugged.connector().displayName()).endsWith("/plugins/plugged/gson-own.jar");
        ClassLoader loader = plugged.connector().getClass().getClassLoader();
        assertThat(loader).isInstanceOf(PluginClassLoader.class);
        assertThat(loader.loadClass(Gson.class.getName())).isNotSameAs(Gson.class);
        // The API is the host's, or the host could not call the connector.
        assertThat(loader.loadClass(SourceConnector.class.getName())).isSameAs(SourceConnector.class);
        assertThat(loader.loadClass(String.class.getName())).isSameAs(String.class);
        InstalledConnector scripted = byType(registry).get("scripted");
        assertThat(scripted.builtIn()).isTrue();
        assertThat(scripted.origin()).isEqualTo("built-in");
    }

    @Test
    void aPluginDoesNotSeeTheHostsLibraries() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Files.move(PluginJars.connectorJar(dir, "needy", "needy", GSON_JAR, "1.0", List.of(hostGson())),
                plugins.resolve("needy.jar"));

        assertThatThrownBy(() -> ConnectorRegistry.load(PluginPath.parse(PluginPath.KEY, "plugins", dir)))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("connector.plugin-path")
                .hasMessageContaining("needy.jar")
                .hasMessageContaining("must carry every library it uses");
    }

    @Test
    void aTypeFoundTwiceNamesBothJars() throws Exception {
        Path first = Files.createDirectories(dir.resolve("first"));
        Path second = Files.createDirectories(dir.resolve("second"));
        Path jar = PluginJars.connectorJar(dir, "twice", "twice", "\"Twice\"", "1.0", List.of());
        Files.copy(jar, first.resolve("twice-a.jar"));
        Files.copy(jar, second.resolve("twice-b.jar"));

        assertThatThrownBy(() -> ConnectorRegistry.load(PluginPath.parse("--plugin-path", "first, second", dir)))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("--plugin-path")
                .hasMessageContaining("'twice' is found twice")
                .hasMessageContaining(first.resolve("twice-a.jar").toString())
                .hasMessageContaining(second.resolve("twice-b.jar").toString());
    }

    @Test
    void aPluginOfABuiltInTypeIsRefusedNamingBothJars() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Files.move(PluginJars.connectorJar(dir, "again", "scripted", "\"Again\"", "1.0", List.of()),
                plugins.resolve("again.jar"));

        assertThatThrownBy(() -> ConnectorRegistry.load(PluginPath.parse(PluginPath.KEY, "plugins", dir)))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("'scripted' is found twice")
                .hasMessageContaining("(built-in)")
                .hasMessageContaining(plugins.resolve("again.jar").toString());
    }

    @Test
    void aMissingDirectoryNamedExplicitlyIsAConfigurationErrorNamingKeyAndValue() {
        assertThatThrownBy(() -> ConnectorRegistry.load(PluginPath.parse(PluginPath.KEY, "gone", dir)))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("connector.plugin-path")
                .hasMessageContaining("gone")
                .hasMessageContaining(dir.resolve("gone").toString())
                .hasMessageContaining("does not exist; create it");
    }

    @Test
    void theMissingDefaultDirectoryLeavesTheBuiltInConnectors() throws Exception {
        PluginPath path = PluginPath.parse(PluginPath.KEY, " ", dir);
        assertThat(path.directories()).containsExactly(Path.of("plugins"));
        assertThat(Files.exists(Path.of("plugins"))).isFalse();
        assertThat(ConnectorRegistry.load(path).types()).containsExactly("scripted");
    }

    @Test
    void filesThatAreNotJarsAndEmptyFoldersAreIgnored() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Files.writeString(plugins.resolve("README.txt"), "not a plugin");
        Files.createDirectories(plugins.resolve("empty"));
        assertThat(PluginPath.parse(PluginPath.KEY, plugins.toString(), dir).plugins()).isEmpty();
    }
}
