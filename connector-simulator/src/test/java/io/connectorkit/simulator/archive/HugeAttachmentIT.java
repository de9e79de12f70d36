package io.connectorkit.simulator.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The huge attachment is a valid zip that streams through a JVM whose heap is far smaller. */
class HugeAttachmentIT {
    @Test
    void a500MegabyteZipStreamsThroughA64MegabyteHeap() throws Exception {
        long size = 500L << 20;
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process probe = new ProcessBuilder(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                HugeAttachmentProbe.class.getName(), Long.toString(size)).redirectErrorStream(true).start();
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(probe.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(probe.exitValue()).as(output).isZero();
        assertThat(output).contains("type=application/zip raw=" + size + " ").contains("entries=README.txt notes.txt");
        long unzipped = Long.parseLong(output.replaceAll("(?s).*unzipped=(\\d+).*", "$1"));
        // Stored blocks cost 5 bytes per 64 KiB; headers and the README a few hundred bytes.
        assertThat(unzipped).isBetween(size - size / 10_000 - 1_000, size);
    }
}
