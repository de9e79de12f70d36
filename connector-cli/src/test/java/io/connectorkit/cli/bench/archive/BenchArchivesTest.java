package io.connectorkit.cli.bench.archive;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The archives the scenarios crawl, at the sizes docs/benchmarks.md gives. */
class BenchArchivesTest {
    @Test
    void archivesHaveTheScenarioShapesAndShrinkWithTheScale() {
        assertThat(BenchArchives.full(1, 1).mailboxCount()).isEqualTo(20);
        assertThat(BenchArchives.full(1, 1).messagesPerView() * 2).isEqualTo(1000);
        assertThat(BenchArchives.full(1, 4).messagesPerView()).isEqualTo(2000);
        assertThat(BenchArchives.full(0.01, 1).messagesPerView()).isEqualTo(5);
        assertThat(BenchArchives.memory(1).hugeAttachmentBytes()).isEqualTo(500L << 20);
        assertThat(BenchArchives.memory(1).mailboxCount() * BenchArchives.memory(1).messagesPerView() * 2)
                .isEqualTo(5000);
    }
}
