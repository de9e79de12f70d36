package io.connectorkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectorkit.cli.bench.measure.ChildJvm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the packaged {@code connector} command in a process of its own, as a user or a cron job
 * does: {@code java -jar connector.jar ARGS} in a chosen working directory with chosen
 * environment variables, capturing the exit status, standard output and standard error.
 */
final class ConnectorProcess {
    private ConnectorProcess() {
    }

    /**
     * Runs the command to its end (at most five minutes).
     *
     * @param workingDirectory the directory the command runs in
     * @param env variables added to this process's environment
     * @param args the command's arguments
     * @return what it printed and its exit status
     */
    static CliRun run(Path workingDirectory, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        return run(workingDirectory, env, false, args);
    }

    /**
     * Runs the command to its end with standard error merged into standard output, in the order
     * they were written, as a terminal shows them: the result's {@code out} holds both.
     */
    static CliRun runMerged(Path workingDirectory, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        return run(workingDirectory, env, true, args);
    }

    /**
     * Starts the command and returns at once, for a test that acts while it runs (stops it, kills
     * it, runs a second command beside it): standard output and standard error, merged, are
     * appended to {@code log}.
     *
     * @param workingDirectory the directory the command runs in
     * @param env variables added to this process's environment
     * @param log the file the output is appended to
     * @param heap the JVM's heap option, such as {@code -Xmx384m}
     * @param args the command's arguments
     * @return the running process; the caller ends it
     */
    static Process start(Path workingDirectory, Map<String, String> env, Path log, String heap, String... args)
            throws IOException {
        ProcessBuilder pb = new ProcessBuilder(ChildJvm.jar(List.of(heap), jar(), List.of(args)));
        pb.directory(workingDirectory.toFile());
        pb.environment().putAll(env);
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        return pb.start();
    }

    /** @return the shaded jar the build's package phase made, as an absolute path */
    static Path jar() {
        Path jar = Path.of(System.getProperty("connector.jar", "target/connector.jar")).toAbsolutePath();
        assertThat(jar).as("the shaded jar (built by mvn package)").exists();
        return jar;
    }

    private static CliRun run(Path workingDirectory, Map<String, String> env, boolean merged, String... args)
            throws IOException, InterruptedException {
        Path jar = jar();
        Path out = Files.createTempFile("connector-out-", ".txt");
        Path err = Files.createTempFile("connector-err-", ".txt");
        try {
            ProcessBuilder pb = new ProcessBuilder(ChildJvm.jar(List.of("-Xmx512m"), jar, List.of(args)));
            pb.directory(workingDirectory.toFile());
            pb.environment().putAll(env);
            pb.redirectOutput(out.toFile());
            if (merged) {
                pb.redirectErrorStream(true);
            } else {
                pb.redirectError(err.toFile());
            }
            Process process = pb.start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                throw new AssertionError("connector " + String.join(" ", args) + " did not end within five minutes");
            }
            return new CliRun(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
