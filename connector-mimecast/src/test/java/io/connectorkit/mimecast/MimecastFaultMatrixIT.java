package io.connectorkit.mimecast;

import static io.connectorkit.mimecast.IndexedMimecast.crawl;
import static io.connectorkit.mimecast.IndexedMimecast.describe;
import static io.connectorkit.mimecast.MimecastFaultCases.answered;
import static org.assertj.core.api.Assertions.assertThat;

import io.connectorkit.api.ConnectorMetrics;
import io.connectorkit.api.ErrorKind;
import io.connectorkit.mimecast.content.MimecastDocuments;
import io.connectorkit.runtime.CrawlReport;
import io.connectorkit.runtime.Host;
import io.connectorkit.runtime.PartitionStatus;
import io.connectorkit.simulator.archive.Archive;
import io.connectorkit.simulator.mimecast.Endpoint;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fault of the fake server, alone and combined, from the server to the index: each case
 * ends either with the archive's every email and attachment in the index, or with what could not
 * be fetched recorded as failed (state store, {@link Host#status()}, a report that is not clean)
 * and fetched by the next crawl once the fault is gone. Never with an item silently missing.
 */
class MimecastFaultMatrixIT extends EndToEndTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.connectorkit.mimecast.MimecastFaultCases#recoverable")
    void theCompleteArchiveIsIndexed(MimecastFaultCases.Recoverable c) throws Exception {
        try (IndexedMimecast m = new IndexedMimecast(node, extractors.metadataOnly(), IndexedMimecast.smallArchive(21),
                c.faults()); Host host = m.host(c.config())) {
            CrawlReport report = crawl(host, false);
            assertThat(report.clean()).as(describe(host, report)).isTrue();
            new IndexedArchive(m, host).assertIndexedExcept(List.of());
            assertThat(report.metrics().getOrDefault(ConnectorMetrics.RATE_LIMITED, 0L)).as("every 429 waited out")
                    .isEqualTo(answered(m, 429, 429));
            c.proof().check(m, report);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.connectorkit.mimecast.MimecastFaultCases#unrecoverable")
    void whatCannotBeFetchedIsRecordedThenFetchedOnceTheFaultIsGone(MimecastFaultCases.Unrecoverable c)
            throws Exception {
        Archive archive = IndexedMimecast.smallArchive(22);
        ArchiveTally before = new ArchiveTally(archive, IndexedMimecast.START, Instant.now());
        String mailbox = before.mailboxes().get(0);
        String bad = before.messages(mailbox).keySet().iterator().next();
        String badId = MimecastDocuments.emailId(mailbox, bad);
        try (IndexedMimecast m = new IndexedMimecast(node, extractors.metadataOnly(), archive,
                b -> c.faults().apply(b, bad)); Host host = m.host(c.config())) {
            CrawlReport report = crawl(host, false);
            assertThat(report.fatal()).isEmpty();
            assertThat(report.clean()).as("a run with failures is not clean (exit 1)").isFalse();
            assertThat(report.itemFailures()).isEqualTo(1);
            IndexedArchive indexed = new IndexedArchive(m, host);
            indexed.assertIndexedExcept(List.of(badId));
            PartitionStatus status = host.status().stream().filter(s -> s.partition().equals(mailbox)).findFirst()
                    .orElseThrow();
            assertThat(status.failures()).isEqualTo(1);
            assertThat(status.recentFailures()).singleElement().asString().startsWith(badId + ": ").contains(bad);

            m.server.clearFaults();
            CrawlReport again = crawl(host, true);
            assertThat(again.clean()).as(describe(host, again)).isTrue();
            indexed.assertIndexedExcept(List.of());
            assertThat(host.status()).allSatisfy(s -> assertThat(s.failures()).as(s.partition()).isZero());
        }
    }

    @org.junit.jupiter.api.Test
    void aMissingProductEndsTheRunAsAPermissionErrorAndTheNextRunCatchesUp() throws Exception {
        try (IndexedMimecast m = new IndexedMimecast(node, extractors.metadataOnly(), IndexedMimecast.smallArchive(23),
                b -> b.withoutProductFor(Endpoint.GET_FILE)); Host host = m.host()) {
            CrawlReport report = crawl(host, false);
            assertThat(report.fatal()).contains(ErrorKind.PERMISSION);
            assertThat(report.fatalMessage()).contains("Data Retention / Archive");
            assertThat(report.clean()).isFalse();
            assertThat(m.server.calls(Endpoint.GET_FILE, 403)).as("not retried: one per mailbox at most")
                    .isLessThanOrEqualTo(m.tally().mailboxes().size());
            assertThat(host.status()).anySatisfy(s -> assertThat(s.recentFailures()).anySatisfy(
                    f -> assertThat(f).contains("Data Retention / Archive")));

            m.server.clearFaults();
            CrawlReport again = crawl(host, false);
            assertThat(again.clean()).as(describe(host, again)).isTrue();
            new IndexedArchive(m, host).assertIndexedExcept(List.of());
        }
    }
}
