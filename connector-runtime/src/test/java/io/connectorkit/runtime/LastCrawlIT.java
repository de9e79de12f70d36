package io.connectorkit.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import io.connectorkit.api.CrawlMode;
import io.connectorkit.api.ErrorKind;
import io.connectorkit.runtime.config.SinkConfig;
import io.connectorkit.runtime.embedded.EmbeddedSearchNode;
import io.connectorkit.runtime.index.IndexClient;
import io.connectorkit.runtime.index.RetryPolicy;
import io.connectorkit.runtime.state.LastCrawl;
import io.connectorkit.runtime.testing.EmbeddedNodeExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The record of the last crawl in the state index, against the embedded node. */
@ExtendWith(EmbeddedNodeExtension.class)
class LastCrawlIT {
    private String url;
    private String id;
    private ScriptedHosts hosts;

    @BeforeEach
    void setUp(EmbeddedSearchNode node) {
        url = node.url();
        hosts = new ScriptedHosts(url, "last");
        id = hosts.id();
    }

    private Host host(String... keyValues) throws Exception {
        return hosts.open(keyValues);
    }

    private IndexClient client() {
        return new IndexClient(List.of(url), new SinkConfig(List.of(url), "", "", "", "x", 1, 1, Path.of(".")),
                new RetryPolicy(0, Duration.ZERO, Duration.ZERO));
    }

    private static String stateIndex(Host host) {
        return host.indexName() + "-state";
    }

    private static List<String> partitions(Host host) throws Exception {
        return host.status().stream().map(PartitionStatus::partition).toList();
    }

    @Test
    void theLastCrawlRoundTripsAndIsNeitherAPartitionNorRewoundByReset() throws Exception {
        try (Host host = host("test.partitions", "a,b", "test.documents", "12", "test.skip", "a-3",
                "test.delete", "b-4")) {
            assertThat(host.lastCrawl()).as("no crawl yet").isEmpty();
            Instant before = Instant.now();
            CrawlReport report = host.crawl(false, ProgressListener.none(), new CancellationSignal());
            Instant after = Instant.now();
            assertThat(report.clean()).as(report.toString()).isTrue();

            LastCrawl last = host.lastCrawl().orElseThrow();
            assertThat(last.startedAt()).isBetween(before, last.endedAt());
            assertThat(last.endedAt()).isBetween(last.startedAt(), after);
            assertThat(last.mode()).isEqualTo(CrawlMode.INCREMENTAL);
            assertThat(last.outcome()).isEqualTo(LastCrawl.OK);
            assertThat(last.errorKind()).isNull();
            assertThat(last.message()).isNull();
            assertThat(last.partitionsTotal()).isEqualTo(2);
            assertThat(last.partitionsCrawled()).isEqualTo(2);
            assertThat(last.documentsIndexed()).isEqualTo(report.documentsUpserted()).isPositive();
            assertThat(last.deletions()).isEqualTo(report.deletions()).isEqualTo(1);
            assertThat(last.itemFailures()).isZero();
            assertThat(last.metrics()).isEqualTo(report.metrics()).containsEntry("listings", 1L);

            // Not a partition: the listing, the status and reset see only a and b.
            assertThat(partitions(host)).containsExactly("a", "b");
            assertThat(host.rewind(Optional.empty(), Optional.empty()).rewound()).containsExactlyInAnyOrder("a", "b");
            assertThat(host.lastCrawl()).as("reset rewinds checkpoints; the record of the crawl stays")
                    .contains(last);
            assertThat(partitions(host)).containsExactly("a", "b");
            try (IndexClient client = client()) {
                client.json("POST", "/" + stateIndex(host) + "/_refresh", Map.of(), null);
                JsonObject count = client.json("POST", "/" + stateIndex(host) + "/_count", Map.of(),
                        "{\"query\":{\"term\":{\"connector_id\":\"" + id + "\"}}}").body();
                assertThat(count.get("count").getAsLong()).as("state documents of the source").isEqualTo(2);
            }

            // The next crawl replaces the record.
            host.crawl(true, ProgressListener.none(), new CancellationSignal());
            LastCrawl next = host.lastCrawl().orElseThrow();
            assertThat(next.mode()).isEqualTo(CrawlMode.FULL);
            assertThat(next.startedAt()).isAfterOrEqualTo(last.endedAt());
        }
    }

    @Test
    void aCrawlEndedByAnErrorOrStoppedByRequestIsRecordedWithItsOutcome() throws Exception {
        try (Host host = host("test.partitions", "a,b", "test.fatal-partition", "b", "crawl.parallel.partitions", "1")) {
            CrawlReport report = host.crawl(true, ProgressListener.none(), new CancellationSignal());
            assertThat(report.fatalKind()).isEqualTo(ErrorKind.AUTHENTICATION);
            LastCrawl last = host.lastCrawl().orElseThrow();
            assertThat(last.mode()).isEqualTo(CrawlMode.FULL);
            assertThat(last.outcome()).isEqualTo(LastCrawl.FAILED);
            assertThat(last.errorKind()).isEqualTo(ErrorKind.AUTHENTICATION);
            assertThat(last.message()).isEqualTo(report.fatalMessage()).contains("credentials rejected");
            assertThat(last.partitionsFailed()).isEqualTo(1);

            CancellationSignal cancel = new CancellationSignal();
            cancel.cancel();
            CrawlReport stopped = host.crawl(false, ProgressListener.none(), cancel);
            assertThat(stopped.cancelled()).isTrue();
            assertThat(host.lastCrawl().orElseThrow().outcome()).isEqualTo(LastCrawl.CANCELLED);
        }
        // A source of its own: the one above left checkpoints past these documents.
        hosts = new ScriptedHosts(url, id + "-items");
        id = hosts.id();
        try (Host host = host("test.partitions", "a", "test.documents", "3", "test.fail-items", "a-1")) {
            host.crawl(false, ProgressListener.none(), new CancellationSignal());
            LastCrawl last = host.lastCrawl().orElseThrow();
            assertThat(last.outcome()).isEqualTo(LastCrawl.ITEM_FAILURES);
            assertThat(last.itemFailures()).isEqualTo(1);
        }
    }

    @Test
    void aRecordThatCannotBeWrittenChangesNothingElse() throws Exception {
        // An index of its own: the mapping changed below must not reach other sources' records.
        try (Host host = host("test.partitions", "a", "test.documents", "5", "sink.elasticsearch.index",
                "last-crawl-refused-" + System.nanoTime()); IndexClient client = client()) {
            host.crawl(false, ProgressListener.none(), new CancellationSignal());
            LastCrawl first = host.lastCrawl().orElseThrow();
            // A field of another type in the state index's mapping: the index refuses the record.
            assertThat(client.json("PUT", "/" + stateIndex(host) + "/_mapping", Map.of(),
                    "{\"properties\":{\"last_crawl\":{\"type\":\"keyword\"}}}").ok()).isTrue();
            host.reset(Optional.empty(), Optional.empty());
            CrawlReport report = host.crawl(true, ProgressListener.none(), new CancellationSignal());
            assertThat(report.clean()).as(report.toString()).isTrue();
            assertThat(report.documentsUpserted()).as("5 and an attachment").isEqualTo(6);
            assertThat(host.lastCrawl()).as("the earlier record stays").contains(first);
            assertThat(partitions(host)).containsExactly("a");
        }
    }
}
