package io.connectorkit.simulator.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectorkit.simulator.archive.corpus.View;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ArchiveScaleIT {
    private static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    @Test
    void iteratesAMillionMessageHeadersInConstantMemory() {
        Archive archive = ArchiveGenerator.seed(1_000_000).domains(1).localDomains(0).usersPerDomain(1)
                .messagesPerView(1_000_000).generate();
        String mailbox = archive.mailboxes().get(0);
        long before = usedHeapAfterGc();
        AtomicLong seen = new AtomicLong();
        AtomicLong lastSecond = new AtomicLong(Long.MIN_VALUE);
        AtomicLong outOfOrder = new AtomicLong();
        AtomicLong heapNearTheEnd = new AtomicLong();
        long started = System.nanoTime();
        long count = archive.messages(mailbox, View.INBOX, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"))
                .peek(h -> {
                    if (h.received().getEpochSecond() < lastSecond.getAndSet(h.received().getEpochSecond())) {
                        outOfOrder.incrementAndGet();
                    }
                    // Measured mid-stream: a listing that materialised its rows would hold them all here.
                    if (seen.incrementAndGet() == 900_000) {
                        heapNearTheEnd.set(usedHeapAfterGc());
                    }
                })
                .count();
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("iterated %d headers in %.1f s (%.0f/s); heap after GC %d MB before, %d MB at 900,000%n",
                count, seconds, count / seconds, before >> 20, heapNearTheEnd.get() >> 20);
        assertThat(count).isEqualTo(1_000_000);
        assertThat(outOfOrder.get()).isZero();
        assertThat(heapNearTheEnd.get() - before).isLessThan(64L << 20);
    }
}
