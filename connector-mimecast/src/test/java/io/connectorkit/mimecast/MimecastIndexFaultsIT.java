package io.connectorkit.mimecast;

import static io.connectorkit.mimecast.IndexedMimecast.crawl;
import static io.connectorkit.mimecast.IndexedMimecast.ofKind;
import static org.assertj.core.api.Assertions.assertThat;

import io.connectorkit.api.ConnectorMetrics;
import io.connectorkit.mimecast.content.MimecastDocuments;
import io.connectorkit.runtime.CrawlReport;
import io.connectorkit.runtime.Host;
import io.connectorkit.runtime.PartitionStatus;
import io.connectorkit.runtime.SearchHit;
import io.connectorkit.simulator.archive.Archive;
import io.connectorkit.simulator.archive.corpus.ArchivedMessage;
import io.connectorkit.simulator.mimecast.Endpoint;
import io.connectorkit.simulator.mimecast.faults.Fault;
import io.connectorkit.simulator.mimecast.faults.FaultRule;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Failures, expired tokens and throttling on the way from the fake server to the index. */
class MimecastIndexFaultsIT extends EndToEndTest {

    private static Set<String> emailIds(Host host) throws Exception {
        return ofKind(host, MimecastDocuments.KIND_EMAIL).stream().map(SearchHit::id).collect(Collectors.toSet());
    }

    private static Set<String> expectedEmails(ArchiveTally tally) {
        Set<String> out = new HashSet<>();
        tally.mailboxes().forEach(mb -> out.addAll(tally.emailIds(mb)));
        return out;
    }

    @Test
    void aPermanentlyFailingMessageIsRecordedWhileTheRestIsIndexed() throws Exception {
        Archive archive = IndexedMimecast.smallArchive(7);
        ArchiveTally before = new ArchiveTally(archive, IndexedMimecast.START, Instant.now());
        String mailbox = before.mailboxes().get(0);
        ArchivedMessage bad = before.messages(mailbox).values().iterator().next();
        try (IndexedMimecast m = new IndexedMimecast(node, extractors.metadataOnly(), archive,
                b -> b.failingMessage(bad.id())); Host host = m.host()) {
            CrawlReport report = crawl(host, false);
            assertThat(report.fatal()).isEmpty();
            assertThat(report.partitionsFailed()).isZero();
            assertThat(report.itemFailures()).isEqualTo(1);
            String badId = MimecastDocuments.emailId(mailbox, bad.id());
            Set<String> expected = expectedEmails(m.tally());
            expected.remove(badId);
            assertThat(emailIds(host)).isEqualTo(expected);
            PartitionStatus status = host.status().stream().filter(s -> s.partition().equals(mailbox)).findFirst()
                    .orElseThrow();
            assertThat(status.failures()).isEqualTo(1);
            assertThat(status.recentFailures()).singleElement().asString().startsWith(badId + ": ")
                    .contains(bad.id());
            assertThat(host.status()).filteredOn(s -> !s.partition().equals(mailbox))
                    .allSatisfy(s -> assertThat(s.failures()).isZero());
        }
    }

    @Test
    void tokensExpiringMidCrawlStillEndWithTheCompleteSet() throws Exception {
        try (IndexedMimecast m = new IndexedMimecast(node, extractors.metadataOnly(), IndexedMimecast.smallArchive(8),
                b -> b.fault(FaultRule.onCall(Endpoint.GET_MESSAGE_LIST, 3, Fault.tokenExpired()))
                        // Calls far apart: a retry with a fresh token must not land on the second one.
                        .fault(FaultRule.onCall(Endpoint.GET_FILE, 10, Fault.tokenExpired()))
                        .fault(FaultRule.onCall(Endpoint.GET_FILE, 40, Fault.tokenExpired())));
                Host host = m.host()) {
            CrawlReport report = crawl(host, false);
            assertThat(report.clean()).as(IndexedMimecast.describe(host, report)).isTrue();
            assertThat(m.server.calls(Endpoint.GET_FILE, 401)).isEqualTo(2);
            assertThat(m.server.calls(Endpoint.TOKEN)).as("a new token after each rejection").isGreaterThan(1);
            ArchiveTally tally = m.tally();
            assertThat(emailIds(host)).isEqualTo(expectedEmails(tally));
            assertThat(ofKind(host, MimecastDocuments.KIND_ATTACHMENT))
                    .hasSize((int) tally.attachments(tally.mailboxes()));
        }
    }

    @Test
    void aStormOf429sStillEndsWithTheCompleteSet() throws Exception {
        try (IndexedMimecast m = new IndexedMimecast(node, extractors.metadataOnly(), IndexedMimecast.smallArchive(9),
                b -> b.fault(FaultRule.onCalls(Endpoint.GET_FILE, 5, 34, Fault.rateLimited(Duration.ofMillis(20))))
                        .fault(FaultRule.onCalls(Endpoint.GET_MESSAGE_LIST, 2, 6,
                                Fault.rateLimited(Duration.ofMillis(20)))));
                Host host = m.host()) {
            CrawlReport report = crawl(host, false);
            assertThat(report.clean()).as(IndexedMimecast.describe(host, report)).isTrue();
            assertThat(m.server.calls(Endpoint.GET_FILE, 429)).isEqualTo(30);
            assertThat(m.server.calls(Endpoint.GET_MESSAGE_LIST, 429)).isEqualTo(5);
            assertThat(report.metrics()).containsEntry(ConnectorMetrics.RATE_LIMITED, 35L);
            ArchiveTally tally = m.tally();
            assertThat(emailIds(host)).isEqualTo(expectedEmails(tally));
            assertThat(ofKind(host, MimecastDocuments.KIND_ATTACHMENT))
                    .hasSize((int) tally.attachments(tally.mailboxes()));
            List<PartitionStatus> status = host.status();
            assertThat(status).allSatisfy(s -> assertThat(s.failures()).isZero());
        }
    }
}
