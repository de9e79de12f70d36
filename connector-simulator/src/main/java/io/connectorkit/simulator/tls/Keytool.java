package io.connectorkit.simulator.tls;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@code keytool} of the running JDK in a working directory. Using the JDK's own tool
 * keeps the testkit free of a crypto library and of the JDK's internal certificate classes.
 */
final class Keytool {
    private static final long TIMEOUT_SECONDS = 120;

    private final Path directory;
    private final Path executable;

    Keytool(Path directory) {
        this.directory = requireNonNull(directory, "directory");
        Path bin = Path.of(System.getProperty("java.home"), "bin");
        Path unix = bin.resolve("keytool");
        this.executable = Files.isExecutable(unix) ? unix : bin.resolve("keytool.exe");
        if (!Files.isExecutable(executable)) {
            throw new IllegalStateException("No keytool in " + bin + "; run the tests on a full JDK, not a JRE");
        }
    }

    /**
     * Runs keytool and waits for it.
     *
     * @param args the arguments, such as {@code -genkeypair ...}
     * @throws IOException if keytool cannot start, times out or exits with an error (its output is in the message)
     */
    void run(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.add("-J-Duser.language=en");
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        try {
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("keytool " + args[0] + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new IOException("keytool " + args[0] + " exited with " + process.exitValue() + ": "
                        + new String(output, StandardCharsets.UTF_8).trim());
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while keytool ran");
        }
    }
}
