package io.connectorkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository's {@code ./connector} launcher on its first run, when the jar is missing and it
 * builds it with Maven. The launcher runs as it is, copied beside a project whose {@code package}
 * has nothing to do: what it prints is the launcher's and Maven's, in a few seconds instead of
 * the minutes a real build of the command takes.
 */
class LauncherIT {
    @TempDir
    Path dir;

    @Test
    void firstRunBuildsWithPlainOutputAndSaysSoWhenTheBuildMadeNoJar() throws Exception {
        Path launcher = dir.resolve("connector");
        Files.copy(RepoFiles.resolve("connector"), launcher);
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        // A project whose package phase binds no plugin: Maven starts, logs and ends, offline.
        Files.writeString(dir.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>io.connectorkit.test</groupId>
                  <artifactId>launcher-build</artifactId>
                  <version>1</version>
                  <packaging>pom</packaging>
                </project>
                """, StandardCharsets.UTF_8);
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        ProcessBuilder pb = new ProcessBuilder(launcher.toString(), "--version").directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().remove("MAVEN_OPTS");
        Process process = pb.start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("the launcher ended").isTrue();
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(stderr).as("standard error of the first run").startsWith("Building " + dir.resolve(
                "connector-cli/target/connector.jar") + " (first run only");
        assertThat(stderr + stdout).as("no terminal control codes (ESC) in\n%s", stderr + stdout).doesNotContain("\u001b");
        assertThat(stderr.lines().skip(1).toList()).as("after the build: one error sentence with the fix")
                .containsExactly("error: the build did not produce " + dir.resolve("connector-cli/target/connector.jar")
                        + "; run 'mvn -B -DskipTests package' in " + dir + " to see why.");
        assertThat(process.exitValue()).isEqualTo(4);
    }

    /**
     * With the jar in place the launcher starts it with a 512 MB heap, unless {@code
     * CONNECTOR_JAVA_OPTS} sets one or the command is {@code bench}; the JVM itself says which heap
     * it got ({@code -XX:+PrintCommandLineFlags}).
     */
    @Test
    void theJvmGetsA512MegabyteHeapUnlessTheOptionsSetOne() throws Exception {
        Path launcher = dir.resolve("connector");
        Files.copy(RepoFiles.resolve("connector"), launcher);
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(dir.resolve("connector-cli/target"));
        Files.createSymbolicLink(dir.resolve("connector-cli/target/connector.jar"), ConnectorProcess.jar());

        assertThat(maxHeap(launcher, "-XX:+PrintCommandLineFlags", "--version")).isEqualTo(512L << 20);
        assertThat(maxHeap(launcher, "-Xmx768m -XX:+PrintCommandLineFlags", "--version")).isEqualTo(768L << 20);
        assertThat(maxHeap(launcher, "-XX:+PrintCommandLineFlags -XX:MaxRAMPercentage=10", "--version"))
                .isNotEqualTo(512L << 20);
        assertThat(maxHeap(launcher, "-XX:+PrintCommandLineFlags", "bench", "--help")).isNotEqualTo(512L << 20);
    }

    private long maxHeap(Path launcher, String javaOptions, String... args) throws Exception {
        Path out = dir.resolve("flags.txt");
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile());
        pb.environment().put("CONNECTOR_JAVA_OPTS", javaOptions);
        Process process = pb.start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("the launcher ended").isTrue();
        String output = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        Matcher m = Pattern.compile("-XX:MaxHeapSize=(\\d+)").matcher(output);
        assertThat(m.find()).as("the JVM printed its heap in\n%s", output).isTrue();
        return Long.parseLong(m.group(1));
    }
}
