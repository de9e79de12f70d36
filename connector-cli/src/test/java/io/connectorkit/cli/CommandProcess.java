package io.connectorkit.cli;

import io.connectorkit.cli.bench.measure.ChildJvm;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs the packaged command ({@code connector.jar}, built by {@code mvn package}) in a JVM of its
 * own, as a shell would: its exit status, standard output and standard error. Extra class path
 * entries add connectors the way a third-party author ships one: a jar or directory with its
 * classes and a {@code META-INF/services} file.
 */
final class CommandProcess {
    private static final long TIMEOUT_MINUTES = 3;

    private CommandProcess() {
    }

    static CliRun run(Path workDir, Map<String, String> env, List<Path> classPath, String... args)
            throws IOException, InterruptedException {
        Path jar = ConnectorProcess.jar();
        List<String> command = new ArrayList<>();
        command.add(ChildJvm.java().toString());
        command.add("-Xmx384m");
        command.add("-cp");
        List<Path> entries = new ArrayList<>(List.of(jar));
        entries.addAll(classPath);
        command.add(entries.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        Path out = Files.createTempFile(workDir, "out", ".txt");
        Path err = Files.createTempFile(workDir, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().putAll(env);
        Process process = pb.start();
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            throw new AssertionError("'connector " + String.join(" ", args) + "' did not end in " + TIMEOUT_MINUTES
                    + " minutes\n" + Files.readString(err, StandardCharsets.UTF_8));
        }
        return CliRun.of(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /**
     * A directory holding one connector class (with its nested classes) from this test class path
     * and the services file that registers it: what a third-party connector's jar holds.
     */
    static Path connectorDirectory(Path parent, Class<?> connector) throws IOException {
        Path dir = Files.createDirectories(parent.resolve("connector-" + connector.getSimpleName()));
        String resource = connector.getName().replace('.', '/');
        Path source;
        try {
            source = Path.of(connector.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        Path classes = source.resolve(resource).getParent();
        Path target = Files.createDirectories(dir.resolve(resource).getParent());
        try (var files = Files.list(classes)) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith(connector.getSimpleName() + ".")
                    || p.getFileName().toString().startsWith(connector.getSimpleName() + "$")).toList()) {
                Files.copy(f, target.resolve(f.getFileName()));
            }
        }
        Path services = Files.createDirectories(dir.resolve("META-INF/services"));
        Files.writeString(services.resolve("io.connectorkit.api.SourceConnector"), connector.getName() + "\n",
                StandardCharsets.UTF_8);
        return dir;
    }
}
