package io.connectorkit.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessSampleTest {
    @TempDir
    Path dir;

    @Test
    void seesThisJvmsThreadsOpenFilesAndResidentSet() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "needs Linux /proc");
        ProcessSample before = ProcessSample.self().orElseThrow();
        assertThat(before.threads()).isPositive();
        assertThat(before.rssBytes()).isPositive();
        assertThat(before.rssHighWaterBytes()).isGreaterThanOrEqualTo(before.rssBytes());

        Path file = Files.writeString(dir.resolve("open.txt"), "x");
        long open;
        try (InputStream a = Files.newInputStream(file); InputStream b = Files.newInputStream(file)) {
            open = ProcessSample.self().orElseThrow().openFiles();
            assertThat(a.read()).isEqualTo(b.read()).isEqualTo('x');
        }
        // Other threads of the test JVM may open or close files meanwhile: compare loosely.
        assertThat(open).isGreaterThanOrEqualTo(before.openFiles() + 2);
        assertThat(ProcessSample.self().orElseThrow().openFiles()).isLessThanOrEqualTo(open - 2);
    }

    @Test
    void aProcessThatHasEndedGivesNoSample() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "needs Linux /proc");
        Process p = new ProcessBuilder("true").start();
        assertThat(p.waitFor()).isZero();
        assertThat(ProcessSample.of(p.pid())).isEmpty();
    }
}
