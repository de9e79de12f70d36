package io.connectorkit.cli.bench.archive;

import io.connectorkit.simulator.archive.Archive;
import io.connectorkit.simulator.archive.corpus.ArchivedMessage;
import io.connectorkit.simulator.archive.corpus.MessageHeader;
import io.connectorkit.simulator.archive.corpus.View;
import java.time.Instant;

/**
 * What a complete crawl of a generated archive must index: one email document per message and
 * mailbox, one attachment document per attachment (inline parts included), counted by walking
 * the archive itself.
 *
 * @param messages messages in every view of every mailbox
 * @param attachments attachments of those messages
 * @param attachmentBytes the attachments' total size
 */
public record ArchiveTotals(long messages, long attachments, long attachmentBytes) {
    public static final Instant FROM = Instant.parse("2000-01-01T00:00:00Z");
    public static final Instant TO = Instant.parse("2100-01-01T00:00:00Z");

    public static ArchiveTotals of(Archive archive) {
        long messages = 0;
        long attachments = 0;
        long bytes = 0;
        for (String mailbox : archive.mailboxes()) {
            for (View view : View.values()) {
                for (MessageHeader h : (Iterable<MessageHeader>) archive.messages(mailbox, view, FROM, TO)::iterator) {
                    ArchivedMessage m = archive.message(h.id()).orElseThrow();
                    messages++;
                    attachments += m.attachments().size();
                    bytes += m.attachments().stream().mapToLong(a -> a.size()).sum();
                }
            }
        }
        return new ArchiveTotals(messages, attachments, bytes);
    }

    /** Email and attachment documents together. */
    public long documents() {
        return messages + attachments;
    }
}
