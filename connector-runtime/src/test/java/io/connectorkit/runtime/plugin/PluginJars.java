package io.connectorkit.runtime.plugin;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds plugin jars as a connector's build does: compiles a connector's source against this
 * class path (the API on it), and packs its classes, its services file and a manifest with an
 * {@code Implementation-Version}.
 */
final class PluginJars {
    private PluginJars() {
    }

    /**
     * A connector of the given type whose {@code displayName()} returns {@code displayName}, a Java
     * expression that may use any class the plugin carries.
     */
    static Path connectorJar(Path dir, String pkg, String type, String displayName, String version, List<Path> classPath)
            throws IOException {
        Path src = Files.createDirectories(dir.resolve("src-" + pkg).resolve(pkg));
        String source = """
                package %s;

                import io.connectorkit.api.Capability;
                import io.connectorkit.api.ConnectorContext;
                import io.connectorkit.api.ConnectorSession;
                import io.connectorkit.api.SourceConnector;
                import io.connectorkit.api.check.CheckReport;
                import io.connectorkit.api.config.ConfigSpec;
                import io.connectorkit.api.config.SourceConfig;
                import java.util.List;
                import java.util.Set;

                public final class PluggedConnector implements SourceConnector {
                    private final String name = %s;

                    public String type() { return "%s"; }
                    public String displayName() { return name; }
                    public ConfigSpec configSpec() { return ConfigSpec.of(); }
                    public Set<Capability> capabilities() { return Set.of(); }
                    public CheckReport check(SourceConfig config, ConnectorContext context) { return new CheckReport(List.of()); }
                    public ConnectorSession open(SourceConfig config, ConnectorContext context) { throw new UnsupportedOperationException(); }
                }
                """.formatted(pkg, displayName, type);
        Path file = src.resolve("PluggedConnector.java");
        Files.writeString(file, source, StandardCharsets.UTF_8);
        Path classes = Files.createDirectories(dir.resolve("classes-" + pkg));
        StringBuilder cp = new StringBuilder(System.getProperty("java.class.path"));
        classPath.forEach(p -> cp.append(java.io.File.pathSeparator).append(p));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "-d", classes.toString(), "-cp", cp.toString(), file.toString());
        if (status != 0) {
            throw new IllegalStateException("the test connector did not compile");
        }
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, version);
        Path jar = dir.resolve(pkg + "-" + version + ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
                Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry("META-INF/services/io.connectorkit.api.SourceConnector"));
            write(out, pkg + ".PluggedConnector\n");
            out.closeEntry();
        }
        return jar;
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }
}
