package io.connectorkit.simulator.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectorkit.simulator.archive.corpus.ArchivedMessage;
import io.connectorkit.simulator.archive.corpus.Attachment;
import io.connectorkit.simulator.archive.corpus.MessageHeader;
import io.connectorkit.simulator.archive.corpus.MessageKey;
import io.connectorkit.simulator.archive.corpus.MessagePage;
import io.connectorkit.simulator.archive.corpus.MessageQuery;
import io.connectorkit.simulator.archive.corpus.User;
import io.connectorkit.simulator.archive.corpus.View;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ArchiveGeneratorTest {
    private static final Instant FROM = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2030-01-01T00:00:00Z");

    private static ArchiveGenerator small(long seed) {
        return ArchiveGenerator.seed(seed).domains(2).localDomains(1).usersPerDomain(4).aliasEvery(2)
                .messagesPerView(200).shareEvery(5);
    }

    private static Stream<MessageHeader> everything(Archive archive) {
        return archive.mailboxes().stream().flatMap(m -> Stream.of(View.values())
                .flatMap(v -> archive.messages(m, v, FROM, TO)));
    }

    @Test
    void sameSeedGivesTheSameArchive() {
        Archive a = small(5).generate();
        Archive b = small(5).generate();
        assertThat(a.domains()).isEqualTo(b.domains());
        assertThat(a.users()).isEqualTo(b.users());
        assertThat(everything(a).toList()).isEqualTo(everything(b).toList());
        String id = a.mailboxes().stream().flatMap(m -> a.messages(m, View.INBOX, FROM, TO))
                .filter(h -> h.attachmentCount() > 0).findFirst().orElseThrow().id();
        assertThat(a.message(id)).isEqualTo(b.message(id));
        Attachment attachment = a.message(id).orElseThrow().attachments().get(0);
        assertThat(a.sha256(attachment)).isEqualTo(b.sha256(b.attachment(attachment.id()).orElseThrow()));
    }

    @Test
    void anotherSeedGivesOtherIdsAndDoesNotServeForeignIds() {
        Archive a = small(5).generate();
        Archive b = small(6).generate();
        String idOfA = everything(a).findFirst().orElseThrow().id();
        assertThat(everything(b).map(MessageHeader::id)).doesNotContain(idOfA);
        assertThat(b.message(idOfA)).isEmpty();
    }

    @Test
    void idsLookLikeMimecastIdsAndDetectTruncation() {
        Archive archive = small(1).generate();
        List<MessageHeader> all = everything(archive).toList();
        assertThat(all).allSatisfy(h -> assertThat(h.id()).startsWith("eNo").matches("[A-Za-z0-9_-]+"));
        assertThat(all.stream().map(MessageHeader::id)).doesNotHaveDuplicates();
        String id = all.get(0).id();
        assertThat(ArchiveIds.decode(id)).isPresent();
        assertThat(ArchiveIds.decode(id.substring(0, id.length() - 3))).isEmpty();
        assertThat(archive.message(id.substring(0, id.length() - 3))).isEmpty();
        assertThat(archive.message(all.get(0).smash())).isEmpty();
    }

    @Test
    void spreadsMessagesOverTheYearsAndWindowsPartitionThem() {
        Archive archive = small(2).generate();
        String mailbox = archive.mailboxes().get(1);
        List<MessageHeader> all = archive.messages(mailbox, View.SENT, FROM, TO).toList();
        assertThat(all).hasSize(200);
        assertThat(all).isSortedAccordingTo((x, y) -> x.received().compareTo(y.received()));
        assertThat(all.get(0).received().atZone(java.time.ZoneOffset.UTC).getYear()).isEqualTo(2019);
        assertThat(all.get(199).received().atZone(java.time.ZoneOffset.UTC).getYear()).isEqualTo(2024);
        long sum = 0;
        for (int year = 2019; year < 2025; year++) {
            Instant start = Instant.parse(year + "-01-01T00:00:00Z");
            Instant end = Instant.parse((year + 1) + "-01-01T00:00:00Z");
            List<MessageHeader> window = archive.messages(mailbox, View.SENT, start, end).toList();
            assertThat(window).allSatisfy(h -> assertThat(h.received()).isBetween(start, end.minusSeconds(1)));
            sum += window.size();
        }
        assertThat(sum).isEqualTo(200);
    }

    @Test
    void sharedMessagesSitInTwoMailboxesWithTheSameSmash() {
        Archive archive = small(3).generate();
        Map<String, List<MessageHeader>> bySmash = new HashMap<>();
        everything(archive).forEach(h -> bySmash.computeIfAbsent(h.smash(), k -> new java.util.ArrayList<>()).add(h));
        List<List<MessageHeader>> shared = bySmash.values().stream().filter(l -> l.size() > 1).toList();
        assertThat(shared).isNotEmpty();
        assertThat(shared).allSatisfy(copies -> {
            assertThat(copies).hasSize(2);
            assertThat(copies.get(0).id()).isNotEqualTo(copies.get(1).id());
            assertThat(copies.get(0).mailbox()).isNotEqualTo(copies.get(1).mailbox());
            assertThat(copies.get(0).received()).isEqualTo(copies.get(1).received());
            assertThat(copies.get(0).subject()).isEqualTo(copies.get(1).subject());
        });
    }

    @Test
    void aliasesAreListedAndFilterTheirMessages() {
        Archive archive = small(4).generate();
        User alias = archive.users().stream().filter(User::alias).findFirst().orElseThrow();
        String owner = alias.owner();
        long all = archive.count(new MessageQuery(owner, View.INBOX, FROM, TO, true));
        long direct = archive.count(new MessageQuery(owner, View.INBOX, FROM, TO, false));
        long viaAlias = archive.count(new MessageQuery(alias.emailAddress(), View.INBOX, FROM, TO, true));
        assertThat(viaAlias).isPositive();
        assertThat(direct + viaAlias).isEqualTo(all);
        assertThat(archive.mailboxes()).doesNotContain(alias.emailAddress()).contains(owner);
        assertThat(archive.messages(alias.emailAddress(), View.INBOX, FROM, TO))
                .allSatisfy(h -> assertThat(h.to().emailAddress()).isEqualTo(alias.emailAddress()));
    }

    @Test
    void contentCoversTheAwkwardCases() {
        Archive archive = small(8).generate();
        List<ArchivedMessage> messages = everything(archive).map(h -> archive.message(h.id()).orElseThrow()).toList();
        assertThat(messages).anyMatch(m -> m.subject().isEmpty());
        assertThat(messages).anyMatch(m -> m.subject().length() > 1000);
        assertThat(messages).anyMatch(m -> m.subject().chars().anyMatch(c -> c > 0x2000));
        List<Attachment> attachments = messages.stream().flatMap(m -> m.attachments().stream()).toList();
        assertThat(attachments).anyMatch(a -> a.filename().isEmpty());
        assertThat(attachments).anyMatch(Attachment::inline);
        assertThat(attachments).anyMatch(a -> a.filename().chars().anyMatch(c -> c > 127));
        assertThat(attachments.stream().map(Attachment::contentType).distinct().count()).isGreaterThan(4);
        assertThat(messages).anyMatch(m -> m.attachmentCount() < m.attachments().size());
    }

    @Test
    void attachmentShareControlsHowManyMessagesHaveAttachments() {
        Archive none = small(13).attachmentShare(0).generate();
        assertThat(everything(none).map(h -> none.message(h.id()).orElseThrow()))
                .allSatisfy(m -> assertThat(m.attachments()).isEmpty());
        Archive all = small(13).attachmentShare(1).generate();
        assertThat(everything(all)).allSatisfy(h -> assertThat(h.attachmentCount()).isPositive());
    }

    @Test
    void hugeAttachmentIsOnTheFirstInboxMessage() {
        Archive archive = small(9).hugeAttachmentBytes(500L << 20).generate();
        String id = archive.hugeAttachmentMessageId().orElseThrow();
        ArchivedMessage message = archive.message(id).orElseThrow();
        Attachment huge = message.attachments().get(message.attachments().size() - 1);
        assertThat(huge.size()).isEqualTo(500L << 20);
        assertThat(archive.emlSize(message)).isGreaterThan(4 * (500L << 20) / 3);
    }

    @Test
    void mutationsOverlayTheGeneratedArchive() {
        Archive archive = small(10).generate();
        String mailbox = archive.mailboxes().get(0);
        MessageHeader added = archive.addMessage(mailbox, View.INBOX, Instant.parse("2030-06-01T00:00:00Z"), "Added");
        assertThat(archive.messages(mailbox, View.INBOX, Instant.parse("2029-01-01T00:00:00Z"),
                Instant.parse("2031-01-01T00:00:00Z")).toList()).containsExactly(added);
        assertThat(archive.message(added.id()).orElseThrow().subject()).isEqualTo("Added");

        MessageHeader victim = archive.messages(mailbox, View.SENT, FROM, TO).findFirst().orElseThrow();
        assertThat(archive.deleteMessage(victim.id())).isTrue();
        assertThat(archive.messages(mailbox, View.SENT, FROM, TO)).doesNotContain(victim).hasSize(199);
        assertThat(archive.message(victim.id())).isEmpty();

        assertThat(archive.removeUser(mailbox)).isTrue();
        assertThat(archive.mailboxes()).doesNotContain(mailbox);
        assertThat(archive.messages(mailbox, View.INBOX, FROM, TO)).isEmpty();

        String domain = archive.domains().get(0).domain();
        archive.setDomainLocal(domain, true);
        assertThat(archive.domains().get(0).local()).isTrue();
        assertThatThrownBy(() -> archive.addMessage("nobody@nowhere", View.INBOX, FROM))
                .hasMessageContaining("nobody@nowhere");
    }

    @Test
    void pagesResumeAfterAKeyInBothDirections() {
        Archive archive = small(12).generate();
        String mailbox = archive.mailboxes().get(2);
        MessageQuery query = new MessageQuery(mailbox, View.INBOX, FROM, TO, true);
        for (boolean newestFirst : new boolean[] {true, false}) {
            List<String> seen = new java.util.ArrayList<>();
            MessageKey after = null;
            do {
                MessagePage page = archive.page(query, after, 33, newestFirst);
                page.items().forEach(h -> seen.add(h.id()));
                after = page.resumeAfter().orElse(null);
            } while (after != null);
            List<String> expected = new java.util.ArrayList<>(archive.messages(query).map(MessageHeader::id).toList());
            if (newestFirst) {
                java.util.Collections.reverse(expected);
            }
            assertThat(seen).isEqualTo(expected);
        }
        assertThat(Objects.requireNonNull(archive.spec()).mailboxCount()).isEqualTo(12);
    }
}
