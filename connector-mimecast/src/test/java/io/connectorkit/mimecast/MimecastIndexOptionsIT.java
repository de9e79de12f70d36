package io.connectorkit.mimecast;

import static io.connectorkit.mimecast.IndexedMimecast.all;
import static io.connectorkit.mimecast.IndexedMimecast.crawl;
import static io.connectorkit.mimecast.IndexedMimecast.documentsByPartition;
import static io.connectorkit.mimecast.IndexedMimecast.ofKind;
import static org.assertj.core.api.Assertions.assertThat;

import io.connectorkit.mimecast.archive.MimecastMessageReader;
import io.connectorkit.mimecast.content.MimecastAttachments;
import io.connectorkit.mimecast.content.MimecastDocuments;
import io.connectorkit.runtime.CrawlReport;
import io.connectorkit.runtime.Host;
import io.connectorkit.runtime.SearchHit;
import io.connectorkit.simulator.archive.corpus.ArchivedMessage;
import io.connectorkit.simulator.archive.corpus.Attachment;
import io.connectorkit.simulator.archive.corpus.MessageHeader;
import io.connectorkit.simulator.archive.corpus.View;
import io.connectorkit.simulator.mimecast.Endpoint;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Each group of configuration options, proven by what lands in the index. */
class MimecastIndexOptionsIT extends EndToEndTest {

    private IndexedMimecast source() {
        return new IndexedMimecast(node, extractors.metadataOnly());
    }

    private static CrawlReport cleanCrawl(Host host) throws Exception {
        CrawlReport report = crawl(host, false);
        assertThat(report.clean()).as(IndexedMimecast.describe(host, report)).isTrue();
        return report;
    }

    @Test
    void domainRulesChooseTheMailboxesIndexed() throws Exception {
        try (IndexedMimecast m = source()) {
            ArchiveTally tally = m.tally();
            String local = m.archive().domains().stream().filter(d -> d.local()).findFirst().orElseThrow().domain();
            try (Host host = m.host(MimecastKeys.DOMAINS_INCLUDE_LOCAL, "true",
                    MimecastKeys.DOMAINS_INCLUDE, "^" + Pattern.quote(local) + "$")) {
                cleanCrawl(host);
                List<String> locals = tally.mailboxes(d -> d.domain().equals(local));
                assertThat(locals).isNotEmpty().doesNotContainAnyElementsOf(tally.mailboxes());
                assertThat(documentsByPartition(host).keySet()).containsExactlyInAnyOrderElementsOf(locals);
                assertThat(ofKind(host, MimecastDocuments.KIND_EMAIL)).hasSize((int) tally.emails(locals));
            }
        }
    }

    @Test
    void mailboxRulesChooseTheMailboxesIndexedAndExcludeWins() throws Exception {
        try (IndexedMimecast m = source()) {
            List<String> all = m.tally().mailboxes();
            String kept = all.get(0);
            String excluded = all.get(1);
            try (Host host = m.host(MimecastKeys.MAILBOXES_INCLUDE, "^(" + kept + "|" + excluded + ")$",
                    MimecastKeys.MAILBOXES_EXCLUDE, excluded)) {
                cleanCrawl(host);
                assertThat(documentsByPartition(host).keySet()).containsExactly(kept);
                assertThat(all(host)).allSatisfy(h -> assertThat(h.acl()).containsExactly(kept));
            }
        }
    }

    @Test
    void excludedSubjectsAreNotIndexedAndBlankSubjectsAreNamed() throws Exception {
        try (IndexedMimecast m = source()) {
            String mailbox = m.tally().mailboxes().get(0);
            MessageHeader ooo = m.archive().addMessage(mailbox, View.INBOX, Instant.parse("2023-06-01T10:00:00Z"),
                    "Automatic reply: Out of Office");
            MessageHeader blank = m.archive().addMessage(mailbox, View.INBOX, Instant.parse("2023-06-02T10:00:00Z"), "");
            try (Host host = m.host(MimecastKeys.MAILBOXES_INCLUDE, mailbox,
                    MimecastKeys.EXCLUDE_SUBJECTS, "(?i)out of office", MimecastKeys.BLANK_SUBJECT, "[untitled]")) {
                CrawlReport report = cleanCrawl(host);
                assertThat(report.metrics()).containsEntry(MimecastMessageReader.EXCLUDED, 1L);
                Map<String, SearchHit> emails = ofKind(host, MimecastDocuments.KIND_EMAIL).stream()
                        .collect(Collectors.toMap(SearchHit::id, h -> h));
                assertThat(emails).doesNotContainKey(MimecastDocuments.emailId(mailbox, ooo.id()))
                        .hasSize(m.tally().messages(mailbox).size() - 1);
                SearchHit untitled = emails.get(MimecastDocuments.emailId(mailbox, blank.id()));
                assertThat(untitled.title()).isEqualTo("[untitled]");
                assertThat(untitled.fields()).containsEntry("subject", "[untitled]");
            }
        }
    }

    @Test
    void attachmentsCanBeLeftOutExcludedByNameNamedWhenBlankAndCappedInSize() throws Exception {
        try (IndexedMimecast m = source()) {
            ArchiveTally tally = m.tally();
            // The mailbox with the most nameless attachments, so that blank-name has something to name.
            String mailbox = tally.mailboxes().stream().max(Comparator.comparingLong(mb -> tally.messages(mb)
                    .values().stream().flatMap(x -> x.attachments().stream()).filter(a -> a.filename().isEmpty())
                    .count())).orElseThrow();
            List<Attachment> attachments = tally.messages(mailbox).values().stream()
                    .flatMap(x -> x.attachments().stream()).toList();
            try (Host host = m.host(MimecastKeys.MAILBOXES_INCLUDE, mailbox, MimecastKeys.ATTACHMENTS_EXTRACT, "false")) {
                cleanCrawl(host);
                assertThat(ofKind(host, MimecastDocuments.KIND_ATTACHMENT)).isEmpty();
                assertThat(ofKind(host, MimecastDocuments.KIND_EMAIL)).hasSize(tally.messages(mailbox).size());
            }
            long pngs = attachments.stream().filter(a -> a.filename().endsWith(".png")).count();
            long nameless = attachments.stream().filter(a -> a.filename().isEmpty()).count();
            long over = attachments.stream().filter(a -> a.size() > 2_000).count();
            assertThat(pngs).as("png attachments in %s", mailbox).isPositive();
            assertThat(nameless).as("nameless attachments in %s", mailbox).isPositive();
            assertThat(over).isPositive().isLessThan(attachments.size());
            try (Host host = m.host(MimecastKeys.MAILBOXES_INCLUDE, mailbox, MimecastKeys.ATTACHMENTS_EXCLUDE_NAMES,
                    "\\.png$", MimecastKeys.ATTACHMENTS_BLANK_NAME, "[noname]", MimecastKeys.ATTACHMENTS_MAX_BYTES,
                    "2000")) {
                CrawlReport report = crawl(host, true);
                assertThat(report.clean()).as(IndexedMimecast.describe(host, report)).isTrue();
                List<SearchHit> indexed = ofKind(host, MimecastDocuments.KIND_ATTACHMENT);
                assertThat(indexed).hasSize((int) (attachments.size() - pngs));
                assertThat(report.metrics()).containsEntry(MimecastAttachments.EXCLUDED, pngs);
                assertThat(indexed).noneMatch(h -> String.valueOf(h.fields().get("name")).endsWith(".png"));
                assertThat(indexed.stream().filter(h -> "[noname]".equals(h.fields().get("name")))).hasSize((int) nameless);
                List<SearchHit> capped = indexed.stream().filter(h -> Boolean.TRUE.equals(h.fields().get("metadataOnly")))
                        .toList();
                long overNotPng = attachments.stream().filter(a -> a.size() > 2_000 && !a.filename().endsWith(".png"))
                        .count();
                assertThat(capped).hasSize((int) overNotPng);
                assertThat(report.metrics()).containsEntry(MimecastAttachments.OVERSIZED, overNotPng);
            }
        }
    }

    @Test
    void emlAndPartsModesIndexTheSameDocuments() throws Exception {
        Map<String, SearchHit> eml;
        Map<String, SearchHit> parts;
        try (IndexedMimecast m = source(); Host host = m.host(MimecastKeys.CONTENT_MODE, "eml")) {
            cleanCrawl(host);
            eml = all(host).stream().collect(Collectors.toMap(SearchHit::id, h -> h));
        }
        try (IndexedMimecast m = source(); Host host = m.host(MimecastKeys.CONTENT_MODE, "parts")) {
            cleanCrawl(host);
            assertThat(m.server.calls(Endpoint.GET_MESSAGE_PART)).isPositive();
            parts = all(host).stream().collect(Collectors.toMap(SearchHit::id, h -> h));
        }
        assertThat(parts.keySet()).isEqualTo(eml.keySet());
        eml.forEach((id, h) -> {
            SearchHit p = parts.get(id);
            assertThat(p.title()).as("title of %s", id).isEqualTo(h.title());
            assertThat(p.acl()).isEqualTo(h.acl());
            assertThat(p.fields()).as("fields of %s", id).isEqualTo(h.fields());
        });
    }

    @Test
    void pageSizeShapesTheListingButNotTheIndex() throws Exception {
        try (IndexedMimecast m = source()) {
            ArchiveTally tally = m.tally();
            String mailbox = tally.mailboxes().get(0);
            try (Host host = m.host(MimecastKeys.MAILBOXES_INCLUDE, mailbox, MimecastKeys.PAGE_SIZE, "3")) {
                cleanCrawl(host);
                long inbox = m.archive().messages(mailbox, View.INBOX, IndexedMimecast.START, Instant.now()).count();
                long sent = m.archive().messages(mailbox, View.SENT, IndexedMimecast.START, Instant.now()).count();
                assertThat(m.server.calls(Endpoint.GET_MESSAGE_LIST)).isEqualTo((inbox + 2) / 3 + (sent + 2) / 3);
                assertThat(ofKind(host, MimecastDocuments.KIND_EMAIL)).hasSize(tally.messages(mailbox).size());
            }
        }
    }

    @Test
    void startDateLimitsWhatIsIndexed() throws Exception {
        try (IndexedMimecast m = source()) {
            Instant from = Instant.parse("2023-07-01T00:00:00Z");
            ArchiveTally later = new ArchiveTally(m.archive(), from, Instant.now());
            List<String> mailboxes = later.mailboxes();
            try (Host host = m.host(MimecastKeys.START_DATE, "2023-07-01")) {
                cleanCrawl(host);
                List<SearchHit> emails = ofKind(host, MimecastDocuments.KIND_EMAIL);
                assertThat(emails).hasSize((int) later.emails(mailboxes));
                assertThat(later.emails(mailboxes)).isPositive().isLessThan(m.tally().emails(mailboxes));
                Map<String, ArchivedMessage> byId = mailboxes.stream().flatMap(mb -> later.messages(mb).values()
                        .stream().map(x -> Map.entry(MimecastDocuments.emailId(mb, x.id()), x)))
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
                assertThat(emails).allSatisfy(h -> assertThat(byId.get(h.id()).received()).isAfterOrEqualTo(from));
            }
        }
    }
}
