package io.connectorkit.mimecast;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectorkit.mimecast.content.MimecastDocuments;
import io.connectorkit.runtime.Host;
import io.connectorkit.runtime.SearchHit;
import io.connectorkit.simulator.archive.Archive;
import io.connectorkit.simulator.archive.corpus.ArchivedMessage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Compares what a host indexed with the archive itself: the id of every email in scope and the
 * SHA-256 of every attachment, so a lost, duplicated or truncated item shows.
 */
final class IndexedArchive {
    private final IndexedMimecast source;
    private final Host host;

    IndexedArchive(IndexedMimecast source, Host host) {
        this.source = source;
        this.host = host;
    }

    /** Asserts the index holds exactly the archive, less the given emails and their attachments. */
    void assertIndexedExcept(Collection<String> missingEmailIds) throws Exception {
        Archive archive = source.archive();
        ArchiveTally tally = source.tally();
        Set<String> emails = new HashSet<>();
        List<String> hashes = new ArrayList<>();
        for (String mailbox : tally.mailboxes()) {
            for (Map.Entry<String, ArchivedMessage> m : tally.messages(mailbox).entrySet()) {
                String id = MimecastDocuments.emailId(mailbox, m.getKey());
                if (!missingEmailIds.contains(id)) {
                    emails.add(id);
                    m.getValue().attachments().forEach(a -> hashes.add(archive.sha256(a)));
                }
            }
        }
        List<SearchHit> all = IndexedMimecast.all(host);
        assertThat(all.stream().filter(h -> h.kind().equals(MimecastDocuments.KIND_EMAIL)).map(SearchHit::id)
                .collect(Collectors.toSet())).as("emails").isEqualTo(emails);
        assertThat(all.stream().filter(h -> h.kind().equals(MimecastDocuments.KIND_ATTACHMENT))
                .map(h -> String.valueOf(h.fields().get("sha256"))).sorted().toList()).as("attachment hashes")
                .isEqualTo(hashes.stream().sorted().toList());
    }
}
