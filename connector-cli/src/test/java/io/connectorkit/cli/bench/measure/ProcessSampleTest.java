package io.connectorkit.cli.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Samples child processes whose descriptors are known exactly. This JVM's own count is no proof:
 * the test runner's threads open and close files at any moment.
 */
class ProcessSampleTest {
    @TempDir
    Path dir;

    @Test
    void countsAChildsThreadsOpenFilesAndResidentSet() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "needs Linux /proc");
        Path file = Files.writeString(dir.resolve("open.txt"), "x");

        // The JDK starts children with only stdin, stdout and stderr open.
        ProcessSample plain = sampleOnceSleeping("exec sleep 60", file);
        ProcessSample twoMore = sampleOnceSleeping("exec 3<\"$0\" 4<\"$0\"; exec sleep 60", file);

        assertThat(plain.openFiles()).isEqualTo(3);
        assertThat(twoMore.openFiles()).isEqualTo(5);
        assertThat(plain.threads()).isEqualTo(1);
        assertThat(plain.rssBytes()).isPositive();
        assertThat(plain.rssHighWaterBytes()).isGreaterThanOrEqualTo(plain.rssBytes());
    }

    @Test
    void readsThisJvm() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "needs Linux /proc");
        ProcessSample self = ProcessSample.self().orElseThrow();
        assertThat(self.threads()).isGreaterThan(1);
        assertThat(self.openFiles()).isGreaterThan(3);
        assertThat(self.rssBytes()).isPositive();
    }

    @Test
    void aProcessThatHasEndedGivesNoSample() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "needs Linux /proc");
        Process p = new ProcessBuilder("true").start();
        assertThat(p.waitFor()).isZero();
        assertThat(ProcessSample.of(p.pid())).isEmpty();
    }

    /** Runs {@code script} under sh and samples it once it has become {@code sleep}. */
    private static ProcessSample sampleOnceSleeping(String script, Path file) throws Exception {
        Process p = new ProcessBuilder("sh", "-c", script, file.toString()).start();
        try {
            Path comm = Path.of("/proc", Long.toString(p.pid()), "comm");
            Instant giveUp = Instant.now().plus(Duration.ofSeconds(30));
            while (!Files.readString(comm).strip().equals("sleep")) {
                assertThat(Instant.now()).as("child became sleep").isBefore(giveUp);
                Thread.sleep(10);
            }
            return ProcessSample.of(p.pid()).orElseThrow();
        } finally {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
