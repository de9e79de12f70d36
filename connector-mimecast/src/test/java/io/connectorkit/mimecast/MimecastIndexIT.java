package io.connectorkit.mimecast;

import static io.connectorkit.mimecast.IndexedMimecast.all;
import static io.connectorkit.mimecast.IndexedMimecast.crawl;
import static io.connectorkit.mimecast.IndexedMimecast.documentsByPartition;
import static io.connectorkit.mimecast.IndexedMimecast.ofKind;
import static org.assertj.core.api.Assertions.assertThat;

import io.connectorkit.mimecast.content.MimecastDocuments;
import io.connectorkit.runtime.CrawlReport;
import io.connectorkit.runtime.Host;
import io.connectorkit.runtime.SearchHit;
import io.connectorkit.runtime.SearchResults;
import io.connectorkit.simulator.archive.corpus.ArchivedMessage;
import io.connectorkit.simulator.archive.corpus.Attachment;
import io.connectorkit.simulator.mimecast.Endpoint;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Fake Mimecast, the connector, the runtime's pipeline and an embedded index: what lands in the index. */
class MimecastIndexIT extends EndToEndTest {

    private static Set<String> ids(List<SearchHit> hits) {
        return hits.stream().map(SearchHit::id).collect(Collectors.toSet());
    }

    @Test
    void firstCrawlLandsTheArchiveAndASecondIncrementalCrawlChangesNothing() throws Exception {
        try (IndexedMimecast m = new IndexedMimecast(node, extractors.metadataOnly()); Host host = m.host()) {
            ArchiveTally tally = m.tally();
            List<String> mailboxes = tally.mailboxes();
            CrawlReport first = crawl(host, false);
            assertThat(first.clean()).as(IndexedMimecast.describe(host, first)).isTrue();

            Set<String> expectedEmails = new HashSet<>();
            mailboxes.forEach(mb -> expectedEmails.addAll(tally.emailIds(mb)));
            List<SearchHit> emails = ofKind(host, MimecastDocuments.KIND_EMAIL);
            List<SearchHit> attachments = ofKind(host, MimecastDocuments.KIND_ATTACHMENT);
            assertThat(ids(emails)).isEqualTo(expectedEmails).hasSize((int) tally.emails(mailboxes));
            assertThat(attachments).hasSize((int) tally.attachments(mailboxes)).isNotEmpty();
            assertThat(documentsByPartition(host).keySet()).containsExactlyInAnyOrderElementsOf(mailboxes);
            assertThat(first.documentsUpserted()).isEqualTo(emails.size() + attachments.size());

            String mailbox = mailboxes.get(0);
            ArchivedMessage message = tally.messages(mailbox).values().stream()
                    .filter(x -> !x.subject().isBlank()).findFirst().orElseThrow();
            SearchHit hit = emails.stream().filter(h -> h.id().equals(MimecastDocuments.emailId(mailbox, message.id())))
                    .findFirst().orElseThrow();
            assertThat(hit.partition()).isEqualTo(mailbox);
            assertThat(hit.acl()).containsExactly(mailbox);
            assertThat(hit.title()).isEqualTo(message.subject());
            assertThat(hit.fields()).containsEntry("subject", message.subject()).containsEntry("mailbox", mailbox)
                    .containsEntry("mimecastId", message.id()).containsEntry("smash", message.smash());
            assertThat(attachments).allSatisfy(a -> assertThat(a.acl()).containsExactly(a.partition()));

            Map<String, Long> before = documentsByPartition(host);
            m.server.resetCounters();
            CrawlReport second = crawl(host, false);
            assertThat(second.clean()).as(second.toString()).isTrue();
            assertThat(m.server.calls(Endpoint.GET_FILE)).as("content downloads of an unchanged archive").isZero();
            assertThat(second.documentsUpserted()).isZero();
            assertThat(second.deletions()).isZero();
            assertThat(documentsByPartition(host)).isEqualTo(before);
        }
    }

    @Test
    void fullRecrawlKeepsEverythingThenSweepsDeletedMessagesAndRemovedMailboxes() throws Exception {
        try (IndexedMimecast m = new IndexedMimecast(node, extractors.metadataOnly()); Host host = m.host()) {
            assertThat(crawl(host, false).clean()).isTrue();
            Set<String> indexed = ids(all(host));
            Map<String, Long> before = documentsByPartition(host);

            m.server.resetCounters();
            CrawlReport full = crawl(host, true);
            assertThat(full.clean()).as(full.toString()).isTrue();
            assertThat(m.server.calls(Endpoint.GET_FILE)).as("downloads of a FULL crawl of an unchanged archive")
                    .isZero();
            assertThat(full.deletions()).isZero();
            assertThat(ids(all(host))).as("every email and attachment kept by the FULL sweep").isEqualTo(indexed);
            assertThat(documentsByPartition(host)).isEqualTo(before);

            // A message with attachments leaves the archive: a FULL crawl removes it and its attachments.
            List<String> mailboxes = m.tally().mailboxes();
            String mailbox = mailboxes.get(0);
            ArchivedMessage gone = m.tally().messages(mailbox).values().stream()
                    .filter(x -> !x.attachments().isEmpty()).findFirst().orElseThrow();
            String goneId = MimecastDocuments.emailId(mailbox, gone.id());
            assertThat(indexed).contains(goneId);
            assertThat(m.archive().deleteMessage(gone.id())).isTrue();
            CrawlReport afterDelete = crawl(host, true);
            assertThat(afterDelete.clean()).as(afterDelete.toString()).isTrue();
            Set<String> left = ids(all(host));
            assertThat(left).doesNotContain(goneId).noneMatch(id -> id.startsWith(goneId + "-att-"));
            assertThat(afterDelete.deletions()).isEqualTo(1 + gone.attachments().size());
            assertThat(left).hasSize(indexed.size() - 1 - gone.attachments().size());

            // A mailbox removed from the directory has all its documents removed by the next crawl.
            String removed = mailboxes.get(1);
            assertThat(m.archive().removeUser(removed)).isTrue();
            CrawlReport afterRemoval = crawl(host, false);
            assertThat(afterRemoval.partitionsRemoved()).isEqualTo(1);
            assertThat(documentsByPartition(host)).doesNotContainKey(removed)
                    .containsOnlyKeys(mailboxes.get(0), mailboxes.get(2));
            assertThat(host.search("*", Optional.of(removed), 100).total()).isZero();
        }
    }

    @Test
    void attachmentTextIsSearchableAndAPrincipalSeesOnlyItsMailbox() throws Exception {
        try (IndexedMimecast m = new IndexedMimecast(node, extractors.tika()); Host host = m.host()) {
            CrawlReport report = crawl(host, false);
            assertThat(report.fatal()).isEmpty();
            assertThat(report.partitionsFailed()).isZero();
            assertThat(host.status()).as("only the fake's random binaries fail, as unextractable")
                    .allSatisfy(s -> assertThat(s.recentFailures()).allMatch(f -> f.contains("could not be extracted")));
            ArchiveTally tally = m.tally();
            String mailbox = null;
            Attachment csv = null;
            for (String mb : tally.mailboxes()) {
                for (ArchivedMessage msg : tally.messages(mb).values()) {
                    for (Attachment a : msg.attachments()) {
                        if (csv == null && a.contentType().equals("text/csv") && a.size() > 200) {
                            csv = a;
                            mailbox = mb;
                        }
                    }
                }
            }
            assertThat(csv).as("a text/csv attachment in the archive").isNotNull();
            String word = middleWord(csv);
            Attachment found = csv;
            SearchResults asOwner = host.search(word, Optional.of(mailbox), 500);
            assertThat(asOwner.hits()).as("hits for '%s' as %s", word, mailbox)
                    .anySatisfy(h -> {
                        assertThat(h.kind()).isEqualTo(MimecastDocuments.KIND_ATTACHMENT);
                        assertThat(h.fields()).containsEntry("name", found.filename())
                                .containsEntry("mediaType", "text/csv");
                    });
            String owner = mailbox;
            assertThat(asOwner.hits()).allSatisfy(h -> {
                assertThat(h.partition()).isEqualTo(owner);
                assertThat(h.acl()).contains(owner);
            });
            SearchResults everyone = host.search(word, Optional.empty(), 500);
            assertThat(everyone.hits().stream().filter(h -> h.partition().equals(owner)).count())
                    .isEqualTo(asOwner.total());
            assertThat(everyone.total()).as("other mailboxes hold text attachments too").isGreaterThan(asOwner.total());
            assertThat(host.search(word, Optional.of("stranger@elsewhere.example"), 10).total()).isZero();
        }
    }

    /** A whole word from the middle of the attachment's text (the edges may be cut). */
    private static String middleWord(Attachment a) throws Exception {
        try (InputStream in = a.openStream()) {
            String[] words = new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\\s+");
            List<String> inner = Arrays.asList(words).subList(1, words.length - 1);
            return inner.stream().filter(w -> w.length() >= 6).findFirst().orElseThrow();
        }
    }
}
