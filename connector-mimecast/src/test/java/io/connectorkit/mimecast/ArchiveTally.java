package io.connectorkit.mimecast;

import io.connectorkit.mimecast.content.MimecastDocuments;
import io.connectorkit.simulator.archive.Archive;
import io.connectorkit.simulator.archive.corpus.ArchivedMessage;
import io.connectorkit.simulator.archive.corpus.Domain;
import io.connectorkit.simulator.archive.corpus.MessageHeader;
import io.connectorkit.simulator.archive.corpus.User;
import io.connectorkit.simulator.archive.corpus.View;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a crawl of a fake archive should index, computed from the archive itself: the mailboxes in
 * scope under the default rules (non-local domains, no aliases) and their messages in both views.
 */
final class ArchiveTally {
    private final Archive archive;
    private final Instant from;
    private final Instant until;

    ArchiveTally(Archive archive, Instant from, Instant until) {
        this.archive = archive;
        this.from = from;
        this.until = until;
    }

    /** Mailboxes of non-local domains that are not alias entries, sorted, lower case. */
    List<String> mailboxes() {
        return mailboxes(d -> !d.local());
    }

    List<String> mailboxes(Predicate<Domain> domains) {
        Set<String> in = archive.domains().stream().filter(domains).map(d -> d.domain().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        return archive.users().stream().filter(u -> !u.alias() && in.contains(u.domain().toLowerCase(Locale.ROOT)))
                .map(User::emailAddress).map(a -> a.toLowerCase(Locale.ROOT)).distinct().sorted().toList();
    }

    /** The listed messages of a mailbox, by Mimecast id (one per id even if listed in both views). */
    Map<String, ArchivedMessage> messages(String mailbox) {
        Map<String, ArchivedMessage> out = new LinkedHashMap<>();
        Stream.of(View.INBOX, View.SENT).flatMap(v -> archive.messages(mailbox, v, from, until))
                .map(MessageHeader::id).forEach(id -> out.computeIfAbsent(id,
                        k -> archive.message(k).orElseThrow(() -> new AssertionError("listed but unknown: " + k))));
        return out;
    }

    /** Email document ids of a mailbox. */
    Set<String> emailIds(String mailbox) {
        return messages(mailbox).keySet().stream().map(id -> MimecastDocuments.emailId(mailbox, id))
                .collect(Collectors.toSet());
    }

    long emails(List<String> mailboxes) {
        return mailboxes.stream().mapToLong(m -> messages(m).size()).sum();
    }

    long attachments(List<String> mailboxes) {
        return mailboxes.stream().flatMap(m -> messages(m).values().stream())
                .mapToLong(m -> m.attachments().size()).sum();
    }
}
