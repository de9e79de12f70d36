package io.connectorkit.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectorkit.api.ErrorKind;
import io.connectorkit.runtime.config.SinkConfig;
import io.connectorkit.runtime.embedded.EmbeddedSearchNode;
import io.connectorkit.runtime.index.IndexClient;
import io.connectorkit.runtime.index.RetryPolicy;
import io.connectorkit.runtime.testing.EmbeddedNodeExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EmbeddedNodeExtension.class)
class HostIT {
    private String url;
    private String id;
    private ScriptedHosts hosts;

    @BeforeEach
    void setUp(EmbeddedSearchNode node) {
        url = node.url();
        hosts = new ScriptedHosts(url, "src");
        id = hosts.id();
    }

    private Host host(String... keyValues) throws Exception {
        return hosts.open(keyValues);
    }

    private static CrawlReport crawl(Host host, boolean full) throws Exception {
        return ScriptedHosts.crawl(host, full);
    }

    private static Map<String, Long> documents(Host host) throws Exception {
        return host.status().stream().collect(Collectors.toMap(PartitionStatus::partition, PartitionStatus::documents));
    }

    private static Map<String, String> checkpoints(Host host) throws Exception {
        return host.status().stream().collect(Collectors.toMap(PartitionStatus::partition, PartitionStatus::checkpoint));
    }

    private IndexClient client() {
        return new IndexClient(List.of(url), new SinkConfig(List.of(url), "", "", "", "x", 1, 1, Path.of(".")),
                new RetryPolicy(0, Duration.ZERO, Duration.ZERO));
    }

    @Test
    void fullCrawlLandsEveryDocument() throws Exception {
        try (Host host = host("test.partitions", "a,b,c", "test.documents", "1200", "test.checkpoint-every", "100",
                "sink.bulk.max-docs", "500")) {
            long start = System.nanoTime();
            CrawlReport report = crawl(host, true);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("Bulk: %d documents in %.2f s = %.0f docs/s%n", report.documentsUpserted(), seconds,
                    report.documentsUpserted() / seconds);
            assertThat(report.clean()).as(report.toString()).isTrue();
            assertThat(report.partitionsCrawled()).isEqualTo(3);
            // 1200 documents and 120 attachments per partition.
            assertThat(report.documentsUpserted()).isEqualTo(3 * 1320);
            assertThat(documents(host)).containsExactlyInAnyOrderEntriesOf(Map.of("a", 1320L, "b", 1320L, "c", 1320L));
            assertThat(checkpoints(host)).containsEntry("a", "next document 1200");
            assertThat(report.metrics()).containsEntry("emitted", 3600L);
            assertThat(host.search("zulu", Optional.empty(), 10).total()).as("extracted binary text").isEqualTo(3);
        }
    }

    @Test
    void documentTheIndexRejectsIsRecordedWhileTheRestOfItsBatchLands() throws Exception {
        try (Host host = host("test.documents", "30", "test.bad-date", "a-5")) {
            CrawlReport report = crawl(host, false);
            assertThat(report.itemFailures()).isEqualTo(1);
            assertThat(report.documentsUpserted()).isEqualTo(29 + 3);
            PartitionStatus status = host.status().get(0);
            assertThat(status.documents()).isEqualTo(32);
            assertThat(status.failures()).isEqualTo(1);
            assertThat(status.recentFailures()).singleElement().asString().startsWith("a-5: ").contains("received");
            assertThat(status.checkpoint()).isEqualTo("next document 30");
        }
    }

    @Test
    void checkpointIsNotAdvancedWhenTheBulkWriteFails() throws Exception {
        try (Host host = host("test.documents", "20"); IndexClient client = client()) {
            assertThat(crawl(host, false).clean()).isTrue();
            host.reset(Optional.empty(), Optional.empty());
            client.json("PUT", "/" + host.indexName() + "/_settings", Map.of(), "{\"index.blocks.write\":true}");
            try {
                CrawlReport blocked = crawl(host, false);
                assertThat(blocked.partitionsFailed()).isEqualTo(1);
                assertThat(blocked.documentsUpserted()).isZero();
                assertThat(host.status().get(0).checkpoint()).as("still reset").isEmpty();
            } finally {
                client.json("PUT", "/" + host.indexName() + "/_settings", Map.of(), "{\"index.blocks.write\":null}");
            }
            CrawlReport after = crawl(host, false);
            assertThat(after.clean()).isTrue();
            assertThat(host.status().get(0).checkpoint()).isEqualTo("next document 20");
        }
    }

    @Test
    void restartResumesFromTheLastCommittedCheckpointWithoutDuplicates() throws Exception {
        try (Host host = host("test.documents", "50", "test.stop-after", "25")) {
            CrawlReport stopped = crawl(host, false);
            assertThat(stopped.partitionsFailed()).isEqualTo(1);
            assertThat(host.status().get(0).checkpoint()).isEqualTo("next document 20");
            assertThat(host.status().get(0).recentFailures()).singleElement().asString()
                    .contains("stopped on purpose after 25");
            assertThat(host.status().get(0).retrying()).as("the partition's failure: its crawl resumes next run")
                    .isEqualTo(1);
        }
        try (Host host = host("test.documents", "50")) {
            CrawlReport resumed = crawl(host, false);
            assertThat(resumed.clean()).isTrue();
            assertThat(resumed.metrics()).containsEntry("emitted", 30L);
            assertThat(host.status().get(0).failures()).as("a successful crawl clears the partition failure").isZero();
            // The crawl failed right after emitting a-24, whose children could still have followed: a
            // document whose unit the crawl did not finish is not written, so 20..23 are known.
            assertThat(resumed.metrics()).as("documents 20..23 were already indexed").containsEntry("known", 4L);
            assertThat(documents(host)).containsEntry("a", 55L);
        }
    }

    @Test
    void fullRunSweepsDocumentsNotSeenAgainButNotAfterAnIncompleteListing() throws Exception {
        try (Host host = host("test.documents", "20")) {
            crawl(host, true);
        }
        try (Host host = host("test.documents", "20", "test.skip", "a-3,a-10", "test.incomplete", "true")) {
            crawl(host, true);
            assertThat(documents(host)).as("nothing swept after an incomplete listing").containsEntry("a", 22L);
        }
        try (Host host = host("test.documents", "20", "test.skip", "a-3,a-10")) {
            CrawlReport report = crawl(host, true);
            // a-3, a-10 and a-10's attachment were not seen again.
            assertThat(report.deletions()).isEqualTo(3);
            assertThat(documents(host)).containsEntry("a", 19L);
            assertThat(host.search("\"Document 3 of a\"", Optional.empty(), 10).total()).isZero();
        }
    }

    @Test
    void fullRunKeepsDocumentsThatFailedInThisRun() throws Exception {
        try (Host host = host("test.documents", "20")) {
            crawl(host, true);
        }
        try (Host host = host("test.documents", "20", "test.bad-date", "a-4", "test.version", "v2")) {
            CrawlReport report = crawl(host, true);
            assertThat(report.itemFailures()).isEqualTo(1);
            assertThat(report.deletions()).isZero();
            assertThat(documents(host)).containsEntry("a", 22L);
        }
    }

    @Test
    void deleteRemovesTheDocumentAndItsChildren() throws Exception {
        try (Host host = host("test.documents", "20")) {
            crawl(host, false);
            host.reset(Optional.empty(), Optional.empty());
        }
        try (Host host = host("test.documents", "20", "test.delete", "a-10")) {
            CrawlReport report = crawl(host, false);
            assertThat(report.deletions()).isEqualTo(2);
            assertThat(documents(host)).containsEntry("a", 20L);
        }
    }

    @Test
    void vanishedPartitionIsDeletedAndTheBreakerStopsAMassDeletion() throws Exception {
        try (Host host = host("test.partitions", "a,b,c,d", "test.documents", "5")) {
            crawl(host, false);
        }
        try (Host host = host("test.partitions", "a,b,c", "test.documents", "5", "crawl.deletions.dry-run", "true")) {
            CrawlReport report = crawl(host, false);
            assertThat(report.dryRunDeletions()).containsExactly("d");
            assertThat(documents(host)).containsKey("d");
        }
        try (Host host = host("test.partitions", "a,b,c", "test.documents", "5")) {
            CrawlReport report = crawl(host, false);
            assertThat(report.partitionsRemoved()).isEqualTo(1);
            assertThat(documents(host)).containsOnlyKeys("a", "b", "c");
        }
        try (Host host = host("test.partitions", "a", "test.documents", "5")) {
            CrawlReport report = crawl(host, false);
            assertThat(report.partitionsRemoved()).isZero();
            assertThat(report.deletionRefusal()).contains("2 of 3 known partitions").contains("crawl.deletions.max-share");
            assertThat(documents(host)).containsOnlyKeys("a", "b", "c");
        }
        try (Host host = host("test.partitions", "a", "test.documents", "5", "test.fail-listing", "true")) {
            CrawlReport report = crawl(host, false);
            assertThat(report.fatalKind()).isEqualTo(ErrorKind.TRANSIENT);
            assertThat(documents(host)).containsOnlyKeys("a", "b", "c");
        }
    }

    @Test
    void aFullSweepThatWouldDeleteMoreThanItsShareDeletesNothingAndNamesThePartition() throws Exception {
        try (Host host = host("test.partitions", "a,b", "test.documents", "20")) {
            crawl(host, true);
        }
        // The source fails after 5 documents of a, and the connector still declares the listing complete.
        try (Host host = host("test.partitions", "a,b", "test.documents", "20", "test.stop-after", "5",
                "test.careless", "true")) {
            CrawlReport report = crawl(host, true);
            assertThat(report.clean()).as("the host cannot tell a careless listing from a clean one").isTrue();
            assertThat(report.deletions()).isZero();
            assertThat(report.deletionsRefused()).isTrue();
            // a-0..a-4 and a-0/att were seen again: 16 of 22 were not.
            assertThat(report.sweepRefusals()).extracting(HeldSweep::partition).containsExactly("a", "b");
            assertThat(report.sweepRefusals().get(0)).satisfies(held -> {
                assertThat(held.wouldDelete()).isEqualTo(16);
                assertThat(held.documents()).isEqualTo(22);
                assertThat(held.message()).contains("16 of 22 documents of partition 'a' (73%)",
                        "crawl.sweep.max-share = 0.5", "nothing was deleted", "raise crawl.sweep.max-share for one run");
            });
            assertThat(documents(host)).containsEntry("a", 22L).containsEntry("b", 22L);
            assertThat(host.status()).allSatisfy(s -> assertThat(s.sweepNote()).contains("refused", "FULL crawl of",
                    "crawl.sweep.max-share"));
        }
        try (Host host = host("test.partitions", "a,b", "test.documents", "20", "test.stop-after", "5",
                "test.careless", "true", "crawl.sweep.max-share", "1")) {
            CrawlReport report = crawl(host, true);
            assertThat(report.sweepRefusals()).as("1 turns the limit off").isEmpty();
            assertThat(report.deletions()).isEqualTo(32);
            assertThat(documents(host)).containsEntry("a", 6L);
            assertThat(host.status()).allSatisfy(s -> assertThat(s.sweepNote()).isNull());
        }
    }

    @Test
    void theSweepBreakerLetsExactlyItsShareGoAndRefusesOneDocumentMore() throws Exception {
        try (Host host = host("test.documents", "20")) {
            crawl(host, true);
        }
        // 22 documents: 20 and the attachments of a-0 and a-10. a-1..a-9, a-11 and a-12 have none.
        String eleven = "a-1,a-2,a-3,a-4,a-5,a-6,a-7,a-8,a-9,a-11,a-12";
        try (Host host = host("test.documents", "20", "test.skip", eleven + ",a-13")) {
            CrawlReport report = crawl(host, true);
            assertThat(report.sweepRefusals()).as("12 of 22").singleElement()
                    .satisfies(held -> assertThat(held.message()).contains("12 of 22 documents"));
            assertThat(report.deletions()).isZero();
            assertThat(documents(host)).containsEntry("a", 22L);
        }
        try (Host host = host("test.documents", "20", "test.skip", eleven)) {
            CrawlReport report = crawl(host, true);
            assertThat(report.sweepRefusals()).as("11 of 22 is exactly 0.5").isEmpty();
            assertThat(report.deletions()).isEqualTo(11);
            assertThat(documents(host)).containsEntry("a", 11L);
        }
    }

    @Test
    void theDryRunListsWhatAFullSweepWouldDeleteAndDeletesNothing() throws Exception {
        try (Host host = host("test.documents", "20")) {
            crawl(host, true);
        }
        try (Host host = host("test.documents", "20", "test.skip", "a-3,a-10", "crawl.deletions.dry-run", "true")) {
            CrawlReport report = crawl(host, true);
            assertThat(report.deletions()).isZero();
            assertThat(report.sweepRefusals()).isEmpty();
            assertThat(report.dryRunSweeps()).singleElement().satisfies(held -> {
                assertThat(held.partition()).isEqualTo("a");
                assertThat(held.wouldDelete()).isEqualTo(3);
                assertThat(held.documents()).isEqualTo(22);
                assertThat(held.message()).contains("would delete 3 of 22 documents of partition 'a'",
                        "crawl.deletions.dry-run = true");
            });
            assertThat(documents(host)).containsEntry("a", 22L);
            assertThat(host.status().get(0).sweepNote()).contains("dry run", "would delete 3 of 22");
        }
        try (Host host = host("test.documents", "20", "test.skip", "a-3,a-10")) {
            CrawlReport report = crawl(host, true);
            assertThat(report.dryRunSweeps()).isEmpty();
            assertThat(report.deletions()).isEqualTo(3);
            assertThat(documents(host)).containsEntry("a", 19L);
            assertThat(host.status().get(0).sweepNote()).as("the sweep ran").isNull();
        }
    }

    @Test
    void thePartitionBreakerLetsExactlyItsShareGoAndRefusesMore() throws Exception {
        try (Host host = host("test.partitions", "a,b,c,d", "test.documents", "3")) {
            crawl(host, false);
        }
        try (Host host = host("test.partitions", "a", "test.documents", "3")) {
            CrawlReport report = crawl(host, false);
            assertThat(report.deletionRefusal()).contains("3 of 4 known partitions (75%)");
            assertThat(documents(host)).containsOnlyKeys("a", "b", "c", "d");
        }
        try (Host host = host("test.partitions", "a,b", "test.documents", "3")) {
            CrawlReport report = crawl(host, false);
            assertThat(report.deletionRefusal()).as("2 of 4 is exactly 0.5").isNull();
            assertThat(report.partitionsRemoved()).isEqualTo(2);
            assertThat(documents(host)).containsOnlyKeys("a", "b");
        }
    }

    @Test
    void aTransientListingFailureIsRetriedWithBackoffUpToTheAttempts() throws Exception {
        try (Host host = host("test.documents", "5", "test.listing-failures", "1")) {
            CrawlReport report = crawl(host, false);
            assertThat(report.clean()).as(report.toString()).isTrue();
            assertThat(report.metrics()).containsEntry("listings", 2L);
            assertThat(documents(host)).containsEntry("a", 6L);
        }
        try (Host host = host("test.documents", "5", "test.listing-failures", "5")) {
            CrawlReport report = crawl(host, false);
            assertThat(report.fatalKind()).isEqualTo(ErrorKind.TRANSIENT);
            assertThat(report.fatalMessage()).contains("listing failed on purpose, call 2", "after 2 attempts");
            assertThat(report.metrics()).as("bounded by the attempts").containsEntry("listings", 2L);
        }
    }

    @Test
    void fatalErrorEndsTheRun() throws Exception {
        try (Host host = host("test.partitions", "a,b", "test.fatal-partition", "b", "crawl.parallel.partitions", "1")) {
            CrawlReport report = crawl(host, false);
            assertThat(report.fatalKind()).isEqualTo(ErrorKind.AUTHENTICATION);
            assertThat(report.fatalMessage()).contains("credentials rejected");
            assertThat(report.partitionsFailed()).isEqualTo(1);
        }
    }

    @Test
    void knownDocumentsReturnStoredVersions() throws Exception {
        try (Host host = host("test.documents", "30")) {
            crawl(host, false);
            host.reset(Optional.empty(), Optional.empty());
            CrawlReport again = crawl(host, false);
            assertThat(again.metrics()).containsEntry("known", 30L);
        }
    }

    @Test
    void searchAsPrincipalFiltersByAcl() throws Exception {
        try (Host host = host("test.partitions", "a,b", "test.documents", "4")) {
            crawl(host, false);
            assertThat(host.search("alpha", Optional.empty(), 100).total()).isEqualTo(8);
            SearchResults asA = host.search("alpha", Optional.of("owner-a@example.com"), 100);
            assertThat(asA.total()).isEqualTo(4);
            assertThat(asA.hits()).allSatisfy(h -> assertThat(h.partition()).isEqualTo("a"));
            assertThat(host.search("alpha", Optional.of("shared@example.com"), 100).total()).isEqualTo(8);
            assertThat(host.search("alpha", Optional.of("stranger@example.com"), 100).total()).isZero();
        }
    }

    @Test
    void resetRewindsEveryPartitionOrOne() throws Exception {
        try (Host host = host("test.partitions", "a,b", "test.documents", "5")) {
            crawl(host, false);
            assertThat(host.reset(Optional.of("b"), Optional.of(Instant.parse("2024-01-01T00:00:00Z")))).isEqualTo(1);
            assertThat(checkpoints(host)).containsEntry("a", "next document 5").containsEntry("b", "next document 0");
            assertThat(host.reset(Optional.empty(), Optional.empty())).isEqualTo(2);
            assertThat(checkpoints(host)).containsEntry("a", "").containsEntry("b", "");
        }
    }
}
