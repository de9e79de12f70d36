package io.connectorkit.mimecast;

import static io.connectorkit.mimecast.IndexedMimecast.crawl;
import static io.connectorkit.mimecast.IndexedMimecast.ofKind;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.connectorkit.mimecast.archive.MimecastMessageReader;
import io.connectorkit.mimecast.content.MimecastDocuments;
import io.connectorkit.runtime.CrawlReport;
import io.connectorkit.runtime.Host;
import io.connectorkit.runtime.PartitionStatus;
import io.connectorkit.runtime.SearchHit;
import io.connectorkit.simulator.archive.corpus.MessageHeader;
import io.connectorkit.simulator.archive.corpus.View;
import io.connectorkit.simulator.mimecast.Endpoint;
import io.connectorkit.simulator.mimecast.RecordedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Mail that reaches the archive after a crawl listed its received time, and the end date: fake
 * Mimecast, the connector, the runtime's pipeline and the embedded index.
 */
class MimecastLateArrivalIT extends EndToEndTest {

    private static Set<String> ids(List<SearchHit> hits) {
        return hits.stream().map(SearchHit::id).collect(Collectors.toSet());
    }

    private static Set<String> requestedIds(IndexedMimecast m, Endpoint endpoint) {
        return m.server.requests(endpoint).stream().map(RecordedRequest::body)
                .map(b -> JsonParser.parseString(b).getAsJsonObject().getAsJsonArray("data").get(0)
                        .getAsJsonObject().get("id").getAsString())
                .collect(Collectors.toSet());
    }

    @Test
    void lateArrivalsAreIndexedByTheNextIncrementalCrawlWithoutDownloadingAnythingIndexedBefore() throws Exception {
        try (IndexedMimecast m = new IndexedMimecast(node, extractors.metadataOnly())) {
            String mailbox = m.tally().mailboxes().get(0);
            // Recent mail the first crawl indexes: the late-arrival window lists it again.
            Set<String> recent = new HashSet<>();
            for (Duration age : List.of(Duration.ofDays(10), Duration.ofDays(2), Duration.ofHours(1))) {
                recent.add(m.archive().addMessage(mailbox, View.INBOX, Instant.now().minus(age)).id());
            }
            Set<String> before;
            try (Host host = m.host()) {
                CrawlReport first = crawl(host, false);
                assertThat(first.clean()).as(IndexedMimecast.describe(host, first)).isTrue();
                before = ids(ofKind(host, MimecastDocuments.KIND_EMAIL));
            }
            assertThat(before).hasSize((int) m.tally().emails(m.tally().mailboxes()));

            List<MessageHeader> late = List.of(
                    m.server.addLateArrival(mailbox, View.INBOX, Duration.ofDays(13)),
                    m.server.addLateArrival(mailbox, View.SENT, Duration.ofDays(3)),
                    m.server.addLateArrival(mailbox, View.INBOX, Duration.ofHours(6)));
            Set<String> lateDocs = late.stream().map(h -> MimecastDocuments.emailId(mailbox, h.id()))
                    .collect(Collectors.toSet());

            // Without the window, an incremental crawl lists only from the delta token: all three are missed.
            try (Host off = m.host(MimecastKeys.LATE_ARRIVAL_DAYS, "0")) {
                m.server.resetCounters();
                CrawlReport blind = crawl(off, false);
                assertThat(blind.clean()).as(IndexedMimecast.describe(off, blind)).isTrue();
                assertThat(ids(ofKind(off, MimecastDocuments.KIND_EMAIL))).doesNotContainAnyElementsOf(lateDocs);
                assertThat(m.server.calls(Endpoint.GET_FILE)).isZero();
                assertThat(blind.metrics()).doesNotContainKey(MimecastMessageReader.LATE_ARRIVALS);
            }

            try (Host host = m.host()) {
                m.server.resetCounters();
                CrawlReport next = crawl(host, false);
                assertThat(next.clean()).as(IndexedMimecast.describe(host, next)).isTrue();
                Set<String> after = ids(ofKind(host, MimecastDocuments.KIND_EMAIL));
                assertThat(after).containsAll(lateDocs).containsAll(before).hasSize(before.size() + 3);
                assertThat(requestedIds(m, Endpoint.GET_FILE)).as("content calls: the late arrivals only")
                        .containsExactlyInAnyOrderElementsOf(late.stream().map(MessageHeader::id).toList());
                assertThat(m.server.calls(Endpoint.GET_FILE)).isEqualTo(3);
                assertThat(next.metrics()).containsEntry(MimecastMessageReader.LATE_ARRIVALS, 3L);
                assertThat(next.metrics().get(MimecastMessageReader.UNCHANGED)).as("recent mail listed again")
                        .isGreaterThanOrEqualTo(recent.size());

                // The re-listed part goes 500 a page, from 14 days before the crawl.
                List<JsonObject> lists = m.server.requests(Endpoint.GET_MESSAGE_LIST).stream()
                        .map(r -> JsonParser.parseString(r.body()).getAsJsonObject()).toList();
                List<JsonObject> lateLists = lists.stream().filter(b -> b.getAsJsonObject("meta")
                        .getAsJsonObject("pagination").get("pageSize").getAsInt() == 500).toList();
                int mailboxes = m.tally().mailboxes().size();
                assertThat(lateLists).as("one late-arrival page per view and mailbox").hasSize(2 * mailboxes);
                assertThat(lists).hasSize(4 * mailboxes);
                Instant lateStart = MimecastDates.parse(lateLists.get(0).getAsJsonArray("data").get(0)
                        .getAsJsonObject().get("start").getAsString()).orElseThrow();
                assertThat(Duration.between(lateStart, Instant.now())).isBetween(Duration.ofDays(14),
                        Duration.ofDays(14).plusMinutes(5));

                PartitionStatus status = host.status().stream().filter(s -> s.partition().equals(mailbox))
                        .findFirst().orElseThrow();
                assertThat(status.checkpoint()).contains("3 late arrivals found so far");

                // Found once: the crawl after lists them again and downloads nothing.
                m.server.resetCounters();
                CrawlReport again = crawl(host, false);
                assertThat(m.server.calls(Endpoint.GET_FILE)).isZero();
                assertThat(again.metrics()).containsEntry(MimecastMessageReader.LATE_ARRIVALS, 0L);
            }
        }
    }

    @Test
    void theEndDateIsHonouredAtItsBoundary() throws Exception {
        try (IndexedMimecast m = new IndexedMimecast(node, extractors.metadataOnly())) {
            String mailbox = m.tally().mailboxes().get(0);
            Instant end = Instant.parse("2023-07-01T12:00:00Z");
            MessageHeader atEnd = m.archive().addMessage(mailbox, View.INBOX, end);
            MessageHeader justBefore = m.archive().addMessage(mailbox, View.SENT, end.minusSeconds(1));
            MessageHeader justAfter = m.archive().addMessage(mailbox, View.INBOX, end.plusSeconds(1));
            ArchiveTally tally = new ArchiveTally(m.archive(), IndexedMimecast.START, end.plusSeconds(1));
            Set<String> expected = new HashSet<>();
            tally.mailboxes().forEach(mb -> expected.addAll(tally.emailIds(mb)));
            try (Host host = m.host(MimecastKeys.END_DATE, end.toString())) {
                CrawlReport report = crawl(host, false);
                assertThat(report.clean()).as(IndexedMimecast.describe(host, report)).isTrue();
                Set<String> indexed = ids(ofKind(host, MimecastDocuments.KIND_EMAIL));
                assertThat(indexed).isEqualTo(expected).contains(MimecastDocuments.emailId(mailbox, atEnd.id()),
                        MimecastDocuments.emailId(mailbox, justBefore.id()))
                        .doesNotContain(MimecastDocuments.emailId(mailbox, justAfter.id()));
                assertThat(expected.size()).as("the end date cuts the archive")
                        .isLessThan((int) m.tally().emails(m.tally().mailboxes()));
                assertThat(requestedIds(m, Endpoint.GET_FILE)).as("no content fetched after the end date")
                        .contains(atEnd.id()).doesNotContain(justAfter.id()).hasSize(expected.size());
                assertThat(m.server.requests(Endpoint.GET_MESSAGE_LIST)).allSatisfy(r -> assertThat(
                        JsonParser.parseString(r.body()).getAsJsonObject().getAsJsonArray("data").get(0)
                                .getAsJsonObject().get("end").getAsString()).isEqualTo("2023-07-01T12:00:01+0000"));

                // An incremental crawl after it, late-arrival window and all, stays within the end date.
                m.server.addLateArrival(mailbox, View.INBOX, Duration.ofDays(1));
                m.server.resetCounters();
                CrawlReport next = crawl(host, false);
                assertThat(next.clean()).as(IndexedMimecast.describe(host, next)).isTrue();
                assertThat(ids(ofKind(host, MimecastDocuments.KIND_EMAIL))).isEqualTo(expected);
                assertThat(m.server.calls(Endpoint.GET_FILE)).isZero();
            }
        }
    }
}
