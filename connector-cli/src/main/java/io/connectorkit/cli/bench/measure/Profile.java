package io.connectorkit.cli.bench.measure;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * Records one piece of the benchmark with Java Flight Recorder (the JDK's {@code profile}
 * settings: CPU samples every 10 ms, allocations, locks, file and socket I/O) and writes the
 * recording to a file, to be read with {@code jfr print} or {@code jfr summary}.
 */
public final class Profile {
    private Profile() {
    }

    /**
     * Runs the work while recording.
     *
     * @param file where the recording is written
     * @param work what to record
     * @param <T> the work's result
     * @return the work's result
     * @throws Exception what the work throws, or if the recording cannot be started or written
     */
    public static <T> T record(Path file, Callable<T> work) throws Exception {
        requireNonNull(file, "file");
        requireNonNull(work, "work");
        try (Recording recording = new Recording(Configuration.getConfiguration("profile"))) {
            recording.setName("connector-bench");
            recording.start();
            try {
                return work.call();
            } finally {
                recording.stop();
                Path parent = file.toAbsolutePath().getParent();
                if (parent != null) {
                    java.nio.file.Files.createDirectories(parent);
                }
                recording.dump(file);
            }
        }
    }
}
