package io.connectorkit.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectorkit.embedded.EmbeddedSearchNode;
import io.connectorkit.embedded.testing.SharedSearchNode;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Items that failed are fetched again by the next incremental crawl, through the host and an
 * embedded node: they leave the partition's failures once indexed, or are declared permanent after
 * {@code FailureRecord.ITEM_TRIES} tries.
 */
@ExtendWith(SharedSearchNode.class)
class FailedItemRetryIT {
    private String url;
    private String id;
    private ScriptedHosts hosts;

    @BeforeEach
    void setUp(EmbeddedSearchNode node) {
        url = node.url();
        hosts = new ScriptedHosts(url, "retry");
        id = hosts.id();
    }

    private Host host(String... keyValues) throws Exception {
        return hosts.open(keyValues);
    }

    private static CrawlReport crawl(Host host, boolean full) throws Exception {
        return ScriptedHosts.crawl(host, full);
    }

    private static boolean indexed(Host host, String documentTitle) throws Exception {
        return host.search("\"" + documentTitle + "\"", Optional.empty(), 10).total() == 1;
    }

    @Test
    void itemsThatFailedAreFetchedAgainByTheNextIncrementalCrawlAndLeaveTheList() throws Exception {
        try (Host host = host("test.documents", "20", "test.fail-items", "a-3,a-7")) {
            CrawlReport first = crawl(host, false);
            assertThat(first.itemFailures()).isEqualTo(2);
            PartitionStatus status = host.status().get(0);
            assertThat(status.failures()).isEqualTo(2);
            assertThat(status.retrying()).isEqualTo(2);
            assertThat(status.permanent()).isZero();
            assertThat(status.checkpoint()).as("the position moved past the failed items").isEqualTo("next document 20");
            assertThat(status.documents()).isEqualTo(20L);
        }
        try (Host host = host("test.documents", "20")) {
            CrawlReport second = crawl(host, false);
            assertThat(second.clean()).as(second.toString()).isTrue();
            assertThat(second.metrics()).containsEntry("refetched", 2L);
            assertThat(second.documentsUpserted()).as("only the two failed items: the checkpoint is at the end")
                    .isEqualTo(2);
            PartitionStatus status = host.status().get(0);
            assertThat(status.failures()).isZero();
            assertThat(status.retrying()).isZero();
            assertThat(status.documents()).isEqualTo(22L);
            assertThat(indexed(host, "Document 3 of a")).isTrue();
            assertThat(indexed(host, "Document 7 of a")).isTrue();
            CrawlReport third = crawl(host, false);
            assertThat(third.metrics()).as("nothing left to fetch again").doesNotContainKey("refetched");
        }
    }

    @Test
    void anItemThatKeepsFailingIsDeclaredPermanentAfterFiveTriesAndNoLongerFetched() throws Exception {
        try (Host host = host("test.documents", "10", "test.fail-items", "a-3")) {
            crawl(host, false);
            for (int run = 2; run <= 5; run++) {
                CrawlReport again = crawl(host, false);
                assertThat(again.metrics()).as("run %d", run).containsEntry("refetched", 1L);
                assertThat(again.itemFailures()).as("run %d", run).isEqualTo(1);
                PartitionStatus status = host.status().get(0);
                assertThat(status.failures()).isEqualTo(1);
                assertThat(status.permanent()).as("run %d", run).isEqualTo(run == 5 ? 1 : 0);
                assertThat(status.retrying()).as("run %d", run).isEqualTo(run == 5 ? 0 : 1);
            }
            CrawlReport sixth = crawl(host, false);
            assertThat(sixth.metrics()).as("a permanent item is not fetched again").doesNotContainKey("refetched");
            assertThat(sixth.clean()).isTrue();
            PartitionStatus status = host.status().get(0);
            assertThat(status.failures()).isEqualTo(1);
            assertThat(status.permanent()).isEqualTo(1);
            assertThat(status.recentFailures()).singleElement().asString().startsWith("a-3: ")
                    .contains("permanent after 5 tries");
        }
        try (Host host = host("test.documents", "10")) {
            CrawlReport full = crawl(host, true);
            assertThat(full.clean()).as(full.toString()).isTrue();
            assertThat(host.status().get(0).failures()).as("a FULL crawl lists it again and indexes it").isZero();
            assertThat(indexed(host, "Document 3 of a")).isTrue();
        }
    }

    @Test
    void anItemTheSourceNoLongerHasLeavesTheListWithItsDelete() throws Exception {
        try (Host host = host("test.documents", "10", "test.fail-items", "a-4")) {
            crawl(host, false);
        }
        try (Host host = host("test.documents", "10", "test.delete", "a-4")) {
            CrawlReport second = crawl(host, false);
            assertThat(second.clean()).as(second.toString()).isTrue();
            assertThat(second.metrics()).containsEntry("refetched", 1L);
            assertThat(host.status().get(0).failures()).isZero();
        }
    }

    @Test
    void aConnectorThatCannotFetchItemsAgainKeepsTheFailuresForAFullCrawl() throws Exception {
        try (Host host = host("test.documents", "10", "test.fail-items", "a-3")) {
            crawl(host, false);
        }
        try (Host host = host("test.documents", "10", "test.refetch", "false")) {
            CrawlReport second = crawl(host, false);
            assertThat(second.metrics()).doesNotContainKey("refetched");
            PartitionStatus status = host.status().get(0);
            assertThat(status.failures()).as("kept, not forgotten").isEqualTo(1);
            assertThat(status.permanent()).as("no try was made").isZero();
            assertThat(indexed(host, "Document 3 of a")).isFalse();
            assertThat(crawl(host, true).clean()).isTrue();
            assertThat(host.status().get(0).failures()).isZero();
            assertThat(indexed(host, "Document 3 of a")).isTrue();
        }
    }

    @Test
    void aFullCrawlFetchesNothingAgainSinceItListsEveryItem() throws Exception {
        try (Host host = host("test.documents", "10", "test.fail-items", "a-3")) {
            crawl(host, false);
        }
        try (Host host = host("test.documents", "10")) {
            CrawlReport full = crawl(host, true);
            assertThat(full.metrics()).doesNotContainKey("refetched");
            assertThat(full.clean()).isTrue();
            assertThat(host.status().get(0).failures()).isZero();
        }
    }
}
