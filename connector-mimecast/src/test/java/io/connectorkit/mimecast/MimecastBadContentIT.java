package io.connectorkit.mimecast;

import static io.connectorkit.mimecast.IndexedMimecast.all;
import static io.connectorkit.mimecast.IndexedMimecast.crawl;
import static org.assertj.core.api.Assertions.assertThat;

import io.connectorkit.mimecast.content.HostileMessages;
import io.connectorkit.mimecast.content.MimecastCharsets;
import io.connectorkit.mimecast.content.MimecastDocuments;
import io.connectorkit.mimecast.content.MimecastEmlParser;
import io.connectorkit.runtime.CrawlReport;
import io.connectorkit.runtime.Host;
import io.connectorkit.runtime.PartitionStatus;
import io.connectorkit.runtime.SearchHit;
import io.connectorkit.simulator.archive.corpus.Address;
import io.connectorkit.simulator.archive.Archive;
import io.connectorkit.simulator.archive.corpus.MessageHeader;
import io.connectorkit.simulator.archive.corpus.RawMessage;
import io.connectorkit.simulator.archive.corpus.View;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Hostile MIME ({@link HostileMessages}) mixed into an ordinary archive, crawled into the index:
 * the crawl completes, every ordinary message is indexed, and every hostile one is either indexed
 * with what could be read or recorded as a failure naming it. None goes missing.
 */
class MimecastBadContentIT extends EndToEndTest {
    private static final Set<String> REFUSED = Set.of("not-mime", "empty-eml");
    private static final String BLANK_NAME = "unnamed.bin";


    /** Adds every hostile message to the mailbox's INBOX; the listing shows a subject only for the long one. */
    private static Map<String, MessageHeader> addHostile(Archive archive, String mailbox) {
        Map<String, MessageHeader> added = new LinkedHashMap<>();
        Instant received = Instant.parse("2023-06-01T00:00:00Z");
        for (Map.Entry<String, byte[]> e : HostileMessages.all().entrySet()) {
            String listed = e.getKey().equals("long-subject") ? HostileMessages.LONG_SUBJECT : "";
            added.put(e.getKey(), archive.addRawMessage(mailbox, View.INBOX, received, RawMessage.of(e.getValue(),
                    listed, new Address("", "sender@partner.net"), new Address("", mailbox))));
            received = received.plusSeconds(60);
        }
        return added;
    }

    private static Set<String> ordinaryEmailIds(ArchiveTally tally, Set<String> hostileIds) {
        Set<String> out = new HashSet<>();
        tally.mailboxes().forEach(mb -> out.addAll(tally.emailIds(mb)));
        out.removeAll(hostileIds);
        return out;
    }

    @Test
    void emlModeIndexesWhatCanBeReadAndRecordsTheRest() throws Exception {
        Archive archive = IndexedMimecast.smallArchive(21);
        String mailbox = archive.mailboxes().get(0);
        Map<String, MessageHeader> hostile = addHostile(archive, mailbox);
        Map<String, String> docIds = hostile.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> MimecastDocuments.emailId(mailbox, e.getValue().id())));
        try (IndexedMimecast m = new IndexedMimecast(node, extractors.metadataOnly(), archive, b -> b);
                Host host = m.host(MimecastKeys.ATTACHMENTS_BLANK_NAME, BLANK_NAME)) {
            CrawlReport report = crawl(host, false);
            assertThat(report.fatal()).as(IndexedMimecast.describe(host, report)).isEmpty();
            assertThat(report.partitionsFailed()).isZero();
            assertThat(report.itemFailures()).isEqualTo(REFUSED.size());

            Map<String, SearchHit> byId = all(host).stream().collect(Collectors.toMap(SearchHit::id, Function.identity()));
            Set<String> ordinary = ordinaryEmailIds(m.tally(), new HashSet<>(docIds.values()));
            assertThat(ordinary).hasSizeGreaterThanOrEqualTo(50);
            assertThat(byId.keySet()).as("every ordinary message").containsAll(ordinary);

            PartitionStatus status = host.status().stream().filter(s -> s.partition().equals(mailbox)).findFirst()
                    .orElseThrow();
            assertThat(status.failures()).isEqualTo(REFUSED.size());
            for (String name : HostileMessages.all().keySet()) {
                String docId = docIds.get(name);
                if (REFUSED.contains(name)) {
                    assertThat(byId).as(name).doesNotContainKey(docId);
                    assertThat(status.recentFailures()).as(name).anySatisfy(f -> assertThat(f)
                            .startsWith(docId + ": ").contains(hostile.get(name).id())
                            .contains(name.equals("empty-eml") ? "empty (0 bytes)" : "does not start with a header"));
                } else {
                    assertThat(byId).as("%s is indexed, not silently missing", name).containsKey(docId);
                    assertThat(host.search(HostileMessages.marker(name), Optional.empty(), 10).hits())
                            .as("the body text of %s is searchable", name).extracting(SearchHit::id).contains(docId);
                }
            }
            assertReadContent(byId, docIds);
            assertAttachments(byId, docIds);
        }
    }

    private static SearchHit hit(Map<String, SearchHit> byId, Map<String, String> docIds, String name) {
        return byId.get(docIds.get(name));
    }

    private static void assertReadContent(Map<String, SearchHit> byId, Map<String, String> docIds) {
        SearchHit umlauts = hit(byId, docIds, "raw-8bit-headers");
        assertThat(umlauts.title()).isEqualTo("Grüße aus Köln");
        assertThat(umlauts.fields().get("from")).isEqualTo(List.of("juergen@partner.net"));
        assertThat(hit(byId, docIds, "raw-latin1-header").title()).isEqualTo("Crème brûlée");
        assertThat(hit(byId, docIds, "word-bad-base64").title()).isEqualTo("=?UTF-8?B?@@not*base64!!?= tail");
        assertThat(hit(byId, docIds, "word-unknown-charset").title()).isEqualTo("=?x-klingon?Q?Qapla=21?= after");
        assertThat(hit(byId, docIds, "word-unterminated").title()).isEqualTo("=?UTF-8?Q?Unterminated_word");
        assertThat(hit(byId, docIds, "charset-wrong").fields().get("contentIssues"))
                .isEqualTo(List.of(MimecastCharsets.MISMATCH));
        assertThat(hit(byId, docIds, "charset-unknown").fields().get("contentIssues"))
                .isEqualTo(List.of(MimecastCharsets.UNKNOWN));
        assertThat(hit(byId, docIds, "invalid-utf8").fields().get("contentIssues"))
                .isEqualTo(List.of(MimecastCharsets.INVALID));
        assertThat(hit(byId, docIds, "boundary-absent").fields().get("contentIssues"))
                .isEqualTo(List.of(MimecastEmlParser.NO_PARTS));

        SearchHit longSubject = hit(byId, docIds, "long-subject");
        assertThat(longSubject.title()).hasSize(MimecastDocuments.MAX_SUBJECT_CHARS + 1)
                .startsWith("lengthy lengthy").endsWith(MimecastDocuments.ELLIPSIS);
        assertThat(longSubject.fields().get("contentIssues")).isEqualTo(List.of(MimecastDocuments.SUBJECT_TRUNCATED));

        assertThat(sent(hit(byId, docIds, "date-two-digit-year"))).isEqualTo("1998-02-14T04:31:30Z");
        assertThat(sent(hit(byId, docIds, "date-no-zone"))).isEqualTo("2003-07-01T10:52:37Z");
        for (String name : List.of("date-garbage", "date-missing")) {
            SearchHit h = hit(byId, docIds, name);
            assertThat(h.fields()).as(name).doesNotContainKey("sent").containsKey("received");
        }
        assertThat(hit(byId, docIds, "date-garbage").fields().get("contentIssues"))
                .isEqualTo(List.of(MimecastEmlParser.DATE_UNREADABLE));
        assertThat(hit(byId, docIds, "date-missing").fields()).doesNotContainKey("contentIssues");
    }

    private static String sent(SearchHit h) {
        return Instant.parse(String.valueOf(h.fields().get("sent"))).toString();
    }

    private static void assertAttachments(Map<String, SearchHit> byId, Map<String, String> docIds) {
        SearchHit empty = byId.get(MimecastDocuments.attachmentId(docIds.get("empty-attachment"), 1));
        assertThat(empty.title()).isEqualTo("empty.txt");
        assertThat(((Number) empty.fields().get("size")).longValue()).isZero();
        SearchHit nameless = byId.get(MimecastDocuments.attachmentId(docIds.get("nameless-attachment"), 1));
        assertThat(nameless.title()).isEqualTo(BLANK_NAME);
        SearchHit nested = byId.get(MimecastDocuments.attachmentId(docIds.get("nested-rfc822"), 1));
        assertThat(nested.title()).isEqualTo(BLANK_NAME);
        assertThat(nested.fields().get("mediaType")).isEqualTo("message/rfc822");
        assertThat(hit(byId, docIds, "nested-rfc822").fields().get("attachmentNames")).isEqualTo(List.of(BLANK_NAME));
        assertThat(byId.get(MimecastDocuments.attachmentId(docIds.get("boundary-unclosed"), 1)).title())
                .isEqualTo("notes.txt");
    }

    @Test
    void partsModeIndexesEveryHostileMessageFromItsDetail() throws Exception {
        Archive archive = IndexedMimecast.smallArchive(22);
        String mailbox = archive.mailboxes().get(0);
        Map<String, MessageHeader> hostile = addHostile(archive, mailbox);
        Map<String, String> docIds = hostile.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> MimecastDocuments.emailId(mailbox, e.getValue().id())));
        try (IndexedMimecast m = new IndexedMimecast(node, extractors.metadataOnly(), archive, b -> b);
                Host host = m.host(MimecastKeys.CONTENT_MODE, "parts")) {
            CrawlReport report = crawl(host, false);
            assertThat(report.clean()).as(IndexedMimecast.describe(host, report)).isTrue();
            Map<String, SearchHit> byId = all(host).stream().collect(Collectors.toMap(SearchHit::id, Function.identity()));
            assertThat(byId.keySet()).containsAll(ordinaryEmailIds(m.tally(), new HashSet<>(docIds.values())))
                    .containsAll(docIds.values());
            assertThat(sent(hit(byId, docIds, "date-two-digit-year"))).isEqualTo("1998-02-14T04:31:30Z");
            assertThat(hit(byId, docIds, "date-garbage").fields().get("contentIssues"))
                    .isEqualTo(List.of(MimecastEmlParser.DATE_UNREADABLE));
            assertThat(hit(byId, docIds, "long-subject").title()).endsWith(MimecastDocuments.ELLIPSIS);
            assertThat(hit(byId, docIds, "empty-eml").title()).isEqualTo("(no subject)");
        }
    }
}
