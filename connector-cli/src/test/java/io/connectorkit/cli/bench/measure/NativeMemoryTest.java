package io.connectorkit.cli.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NativeMemoryTest {
    /** The start of what JDK 17's {@code jcmd <pid> VM.native_memory summary} prints. */
    private static final String SUMMARY = """
            18220:

            Native Memory Tracking:

            (Omitting categories weighting less than 1KB)

            Total: reserved=7997065KB, committed=1067273KB
                   mmap:   reserved=7945032KB, committed=1015240KB\s

            -                 Java Heap (reserved=6172672KB, committed=782336KB)
                                        (mmap: reserved=6172672KB, committed=782336KB)\s

            -                     Class (reserved=1050678KB, committed=15798KB)
                                        (classes #21338)
            -                    Thread (reserved=66744KB, committed=6508KB)
                                        (thread #64)
            -                      Code (reserved=250908KB, committed=46764KB)
            -                        GC (reserved=268653KB, committed=68621KB)
            -                 Metaspace (reserved=131487KB, committed=95647KB)
            """;

    @Test
    void readsTheTotalAndEveryCategory() {
        NativeMemory nmt = NativeMemory.parse(SUMMARY);
        assertThat(nmt.known()).isTrue();
        assertThat(nmt.totalKb()).isEqualTo(1067273);
        assertThat(nmt.committedKb()).containsExactly(
                Map.entry("Java Heap", 782336L), Map.entry("Class", 15798L),
                Map.entry("Thread", 6508L), Map.entry("Code", 46764L),
                Map.entry("GC", 68621L), Map.entry("Metaspace", 95647L));
        assertThat(nmt.mb("Java Heap")).isEqualTo(764.0);
        assertThat(nmt.mb("Symbol")).isZero();
        assertThat(nmt.reservedMb("Java Heap")).isEqualTo(6028.0);
    }

    @Test
    void aJvmWithoutTrackingHasNoFigures() {
        NativeMemory nmt = NativeMemory.parse("18220:\nNative memory tracking is not enabled\n");
        assertThat(nmt.known()).isFalse();
        assertThat(nmt.committedKb()).isEmpty();
    }
}
