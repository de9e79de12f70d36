package io.connectorkit.cli.bench.measure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One look at a running process through {@code /proc} (Linux): its thread count, its open file
 * descriptors, its resident set now and the resident set's high-water mark. Readable for the
 * process itself and for any process of the same user, so a parent can watch a child JVM from
 * outside without asking anything of it.
 *
 * @param threads {@code Threads} of {@code /proc/<pid>/status}
 * @param openFiles entries of {@code /proc/<pid>/fd} (files, sockets, pipes)
 * @param rssBytes {@code VmRSS}
 * @param rssHighWaterBytes {@code VmHWM}, the highest {@code VmRSS} so far
 */
public record ProcessSample(long threads, long openFiles, long rssBytes, long rssHighWaterBytes) {
    /**
     * Reads the process now.
     *
     * @param pid the process id
     * @return the sample, or empty where {@code /proc} is missing (not Linux) or the process has ended
     */
    public static Optional<ProcessSample> of(long pid) {
        Path dir = Path.of("/proc", Long.toString(pid));
        try {
            long threads = -1;
            long rss = -1;
            long hwm = -1;
            for (String line : Files.readAllLines(dir.resolve("status"), StandardCharsets.US_ASCII)) {
                if (line.startsWith("Threads:")) {
                    threads = number(line);
                } else if (line.startsWith("VmRSS:")) {
                    rss = number(line) * 1024;
                } else if (line.startsWith("VmHWM:")) {
                    hwm = number(line) * 1024;
                }
            }
            long fds;
            try (Stream<Path> entries = Files.list(dir.resolve("fd"))) {
                fds = entries.count();
            }
            // An exited process not yet reaped still has a status, with a thread and no memory.
            return threads < 0 || rss < 0 ? Optional.empty() : Optional.of(new ProcessSample(threads, fds, rss, hwm));
        } catch (IOException | RuntimeException gone) {
            // No /proc, or the process ended between two reads.
            return Optional.empty();
        }
    }

    /**
     * Reads this JVM's own process.
     *
     * @return the sample, or empty where {@code /proc} is missing
     */
    public static Optional<ProcessSample> self() {
        return of(ProcessHandle.current().pid());
    }

    private static long number(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }
}
