package io.connectorkit.cli.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GcLogTest {
    @TempDir
    Path dir;

    @Test
    void readsEveryPauseOfG1AndSerialLogsAndSkipsTheRest() throws Exception {
        Path log = Files.write(dir.resolve("gc.log"), List.of(
                "[0.028s][info][gc] Using G1",
                "[8.562s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 36M->11M(380M) 44.280ms",
                "[28.286s][info][gc] GC(4) Concurrent Mark Cycle",
                "[30.100s][info][gc] GC(5) Pause Remark 120M->90M(380M) 3.1ms",
                "[41.000s][info][gc] GC(6) Pause Young (Allocation Failure) 200M->70M(490M) 12.0ms",
                "[50.500s][info][gc] GC(7) Pause Full (Heap Inspection Initiated GC) 166M->48M(167M) 1584.593ms"));
        GcLog gc = GcLog.read(log);
        assertThat(gc.pauses()).containsExactly(new GcLog.Pause(8.562, 36, 11, 380),
                new GcLog.Pause(30.1, 120, 90, 380), new GcLog.Pause(41.0, 200, 70, 490),
                new GcLog.Pause(50.5, 166, 48, 167));
        assertThat(gc.peakMb()).isEqualTo(200);
        assertThat(gc.liveMaxMb(0, 35)).isEqualTo(90);
        assertThat(gc.liveMaxMb(35, Double.MAX_VALUE)).isEqualTo(70);
        assertThat(gc.liveMaxMb()).isEqualTo(90);
        assertThat(gc.committedMaxMb()).isEqualTo(490);
    }

    @Test
    void aMissingLogHasNoPauses() throws Exception {
        assertThat(GcLog.read(dir.resolve("none.log")).pauses()).isEmpty();
        assertThat(GcLog.read(dir.resolve("none.log")).peakMb()).isZero();
    }
}
