package io.connectorkit.cli.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.junit.jupiter.api.Test;

class CpuUseTest {
    /** Where the busy loop leaves its result, so that the JIT cannot drop the loop. */
    private static volatile long sink;

    @Test
    void threadsAreGroupedByTheirNames() {
        assertThat(CpuUse.group("connectorkit-extract-3")).isEqualTo(CpuUse.EXTRACTION);
        assertThat(CpuUse.group("crawl-bench-full-1-4")).isEqualTo(CpuUse.CRAWL);
        assertThat(CpuUse.group("fake-mimecast")).isEqualTo(CpuUse.SIMULATOR);
        assertThat(CpuUse.group("HTTP-Dispatcher")).isEqualTo(CpuUse.SIMULATOR);
        assertThat(CpuUse.group("opensearch[embedded][write][T#1]")).isEqualTo(CpuUse.INDEX_NODE);
        assertThat(CpuUse.group("bulk-writer-bench-full-1")).isEqualTo(CpuUse.INDEX_CLIENT);
        assertThat(CpuUse.group("httpclient-dispatch-1")).isEqualTo(CpuUse.INDEX_CLIENT);
        assertThat(CpuUse.group("main")).isEqualTo(CpuUse.OTHER);
    }

    @Test
    void aThreadThatEndsBeforeTheMeasurementKeepsItsTime() throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        CpuUse.Snapshot snapshot = CpuUse.start();
        // Busy for 0.8 s of its own CPU time (not wall time), so the poller sees it more than once.
        Thread busy = new Thread(() -> {
            long sum = 0;
            while (mx.getCurrentThreadCpuTime() < 800_000_000L) {
                sum += Long.numberOfTrailingZeros(System.nanoTime());
            }
            sink = sum;
        }, "crawl-test-1");
        busy.start();
        busy.join();
        CpuUse used = snapshot.end();

        assertThat(used.known()).isTrue();
        // The last look can be up to one poll before the thread's end.
        assertThat(used.groupSeconds().get(CpuUse.CRAWL)).isGreaterThan(0.8 - 2 * CpuUse.POLL_MILLIS / 1000.0);
        assertThat(used.processSeconds()).isGreaterThanOrEqualTo(used.groupSeconds().get(CpuUse.CRAWL));
        assertThat(used.share(CpuUse.CRAWL)).isGreaterThan(0).isLessThanOrEqualTo(1);
        assertThat(used.utilisation()).isGreaterThan(0);
        assertThat(used.groupSeconds()).containsOnlyKeys(CpuUse.GROUP_NAMES);
    }
}
