package io.connectorkit.cli.bench.archive;

import static java.util.Objects.requireNonNull;

import io.connectorkit.api.Checkpoint;
import io.connectorkit.api.ConnectorContext;
import io.connectorkit.api.ConnectorSession;
import io.connectorkit.api.CrawlMode;
import io.connectorkit.api.Document;
import io.connectorkit.api.Emitter;
import io.connectorkit.api.Partition;
import io.connectorkit.simulator.archive.corpus.Address;
import io.connectorkit.simulator.archive.Archive;
import io.connectorkit.simulator.archive.corpus.ArchivedMessage;
import io.connectorkit.simulator.archive.corpus.Attachment;
import io.connectorkit.simulator.archive.corpus.MessageHeader;
import io.connectorkit.simulator.archive.corpus.View;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Emits, per mailbox, the documents the Mimecast connector makes of the same archive: one email
 * document (subject, addresses, dates, body text) per message and one attachment document per
 * attachment with its bytes as binary content, each with the mailbox as its ACL.
 */
final class ArchiveSession implements ConnectorSession {
    private final Archive archive;
    private final ConnectorContext context;

    ArchiveSession(Archive archive, ConnectorContext context) {
        this.archive = requireNonNull(archive, "archive");
        this.context = requireNonNull(context, "context");
    }

    @Override
    public List<Partition> partitions() {
        return archive.mailboxes().stream().map(Partition::of).toList();
    }

    @Override
    public void crawl(Partition partition, Checkpoint checkpoint, CrawlMode mode, Emitter emitter) {
        String mailbox = partition.id();
        for (View view : View.values()) {
            try (Stream<MessageHeader> rows = archive.messages(mailbox, view, ArchiveTotals.FROM, ArchiveTotals.TO)) {
                for (MessageHeader h : (Iterable<MessageHeader>) rows::iterator) {
                    if (context.cancelled()) {
                        return;
                    }
                    emit(mailbox, view, archive.message(h.id()).orElseThrow(), h.size(), emitter);
                }
            }
        }
        emitter.checkpoint(new Checkpoint("{\"done\":true}"));
        emitter.partitionComplete();
    }

    private static void emit(String mailbox, View view, ArchivedMessage m, long size, Emitter emitter) {
        String emailId = "raw-" + m.id();
        List<String> names = m.attachments().stream().map(Attachment::filename).toList();
        emitter.upsert(Document.builder(emailId, "email")
                .title(m.subject())
                .field("subject", m.subject())
                .field("mailbox", mailbox)
                .field("view", view.name())
                .field("from", List.of(lower(m.from())))
                .field("to", m.to().stream().map(ArchiveSession::lower).toList())
                .field("cc", m.cc().stream().map(ArchiveSession::lower).toList())
                .field("received", m.received())
                .field("sent", m.received())
                .field("size", size)
                .field("attachmentCount", m.attachmentCount())
                .field("messageId", m.mimeMessageId())
                .field("attachmentNames", names)
                .field("mimecastId", m.id())
                .field("smash", m.smash())
                .content(m.textBody())
                .acl(List.of(mailbox))
                .version(m.smash())
                .build());
        int index = 0;
        for (Attachment a : m.attachments()) {
            emitter.upsert(Document.builder(emailId + "-att-" + index++, "attachment")
                    .parentId(emailId)
                    .title(a.filename())
                    .field("name", a.filename())
                    .field("mediaType", a.contentType())
                    .field("size", a.size())
                    .field("mailbox", mailbox)
                    .field("emailSubject", m.subject())
                    .binary(new AttachmentContent(a))
                    .acl(List.of(mailbox))
                    .version(m.smash())
                    .build());
        }
    }

    private static String lower(Address a) {
        return a.emailAddress().toLowerCase(Locale.ROOT);
    }

    @Override
    public void close() {
        // Nothing is held open: the archive generates content on demand.
    }
}
