package io.connectorkit.mimecast;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectorkit.runtime.CrawlReport;
import io.connectorkit.runtime.Host;
import io.connectorkit.runtime.PartitionStatus;
import io.connectorkit.simulator.mimecast.Endpoint;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A start date after the crawl's "now" (the clock moved back, or the date passed validation a
 * moment before it became the future) lists nothing and must leave the delta tokens where they
 * were: once the date is corrected, the next crawl indexes the whole archive.
 */
class MimecastStartDateIT extends EndToEndTest {
    @Test
    void aWindowWhollyInTheFutureAdvancesNoTokenSoTheCorrectedDateIndexesEverything() throws Exception {
        try (IndexedMimecast m = new IndexedMimecast(node, extractors.metadataOnly())) {
            // The archive spans 2023: a crawl "on" 2023-03-01 starting at 2023-06-01 has nothing before now.
            Clock march = Clock.fixed(Instant.parse("2023-03-01T00:00:00Z"), ZoneOffset.UTC);
            try (Host host = m.host(march, MimecastKeys.START_DATE, "2023-06-01")) {
                CrawlReport report = IndexedMimecast.crawl(host, false);
                assertThat(report.clean()).as(IndexedMimecast.describe(host, report)).isTrue();
                assertThat(report.documentsUpserted()).isZero();
                assertThat(m.server.calls(Endpoint.GET_MESSAGE_LIST)).as("no window to list").isZero();
                List<PartitionStatus> status = host.status();
                assertThat(status).allSatisfy(s -> assertThat(s.checkpoint())
                        .as("no token claims a window that was not listed").doesNotContain("up to").doesNotContain("deltaToken"));
            }
            // The date corrected: every message of the archive, the ones before March included.
            try (Host host = m.host()) {
                CrawlReport report = IndexedMimecast.crawl(host, false);
                assertThat(report.clean()).as(IndexedMimecast.describe(host, report)).isTrue();
                new IndexedArchive(m, host).assertIndexedExcept(List.of());
                assertThat(report.documentsUpserted()).isPositive();
            }
        }
    }
}
