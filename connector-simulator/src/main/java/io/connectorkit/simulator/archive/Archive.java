package io.connectorkit.simulator.archive;

import static java.util.Objects.requireNonNull;

import io.connectorkit.simulator.archive.corpus.ArchivedMessage;
import io.connectorkit.simulator.archive.corpus.Attachment;
import io.connectorkit.simulator.archive.corpus.Domain;
import io.connectorkit.simulator.archive.corpus.ItemRef;
import io.connectorkit.simulator.archive.corpus.MailboxRef;
import io.connectorkit.simulator.archive.corpus.MessageHeader;
import io.connectorkit.simulator.archive.corpus.MessageKey;
import io.connectorkit.simulator.archive.corpus.MessagePage;
import io.connectorkit.simulator.archive.corpus.MessageQuery;
import io.connectorkit.simulator.archive.corpus.RawMessage;
import io.connectorkit.simulator.archive.corpus.User;
import io.connectorkit.simulator.archive.corpus.View;
import io.connectorkit.simulator.archive.mime.EmlWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A generated archive: domains, users and messages derived on demand from an {@link ArchiveSpec},
 * plus a small overlay of run-time changes (added and deleted messages, removed users, changed
 * domain flags). Thread-safe. Messages are never held: a million-message mailbox costs no memory.
 */
public final class Archive {
    private final ArchiveSpec spec;
    private final MessageFactory factory;
    private final ArchiveOverlay overlay = new ArchiveOverlay();
    private final Map<String, MailboxRef> addresses = new HashMap<>();
    private final Map<String, String> bigHashes = new ConcurrentHashMap<>();

    Archive(ArchiveSpec spec) {
        this.spec = requireNonNull(spec, "spec");
        this.factory = new MessageFactory(spec);
        for (int m = 0; m < spec.mailboxCount(); m++) {
            addresses.put(factory.mailboxAddress(m), new MailboxRef(m, factory.mailboxAddress(m), false));
            if (factory.hasAlias(m)) {
                addresses.put(factory.aliasAddress(m), new MailboxRef(m, factory.mailboxAddress(m), true));
            }
        }
    }

    /** The spec this archive was generated from. */
    public ArchiveSpec spec() {
        return spec;
    }

    /** All internal domains, with run-time {@code local} changes applied. */
    public List<Domain> domains() {
        List<Domain> result = new ArrayList<>();
        for (int d = 0; d < spec.totalDomains(); d++) {
            Domain domain = factory.domain(d);
            result.add(overlay.local(domain.domain()).map(domain::withLocal).orElse(domain));
        }
        return result;
    }

    /** Every user entry (mailboxes, each followed by its alias), removed users left out. */
    public List<User> users() {
        List<User> result = new ArrayList<>();
        for (int m = 0; m < spec.mailboxCount(); m++) {
            String mailbox = factory.mailboxAddress(m);
            if (overlay.removed(mailbox)) {
                continue;
            }
            String domain = factory.domainName(m / spec.usersPerDomain());
            result.add(new User(mailbox, factory.displayName(m), false, mailbox, domain));
            if (factory.hasAlias(m) && !overlay.removed(factory.aliasAddress(m))) {
                result.add(new User(factory.aliasAddress(m), factory.displayName(m), true, mailbox, domain));
            }
        }
        return result;
    }

    /** The user entries of one domain. */
    public List<User> users(String domain) {
        return users().stream().filter(u -> u.domain().equalsIgnoreCase(domain)).toList();
    }

    /** The mailbox addresses (alias entries excluded), removed users left out. */
    public List<String> mailboxes() {
        return users().stream().filter(u -> !u.alias()).map(User::emailAddress).toList();
    }

    /** Resolves a mailbox or alias address; empty for unknown or removed addresses. */
    public Optional<MailboxRef> resolve(String address) {
        MailboxRef ref = addresses.get(address.toLowerCase(Locale.ROOT));
        if (ref == null || overlay.removed(address) || overlay.removed(ref.mailbox())) {
            return Optional.empty();
        }
        return Optional.of(ref);
    }

    /** The messages of a mailbox view received in [from, to), oldest first, aliases included. */
    public Stream<MessageHeader> messages(String mailbox, View view, Instant from, Instant to) {
        return messages(new MessageQuery(mailbox, view, from, to, true));
    }

    /** The rows a query lists, oldest first, generated lazily. */
    public Stream<MessageHeader> messages(MessageQuery query) {
        return resolve(query.mailbox()).map(ref -> StreamSupport.stream(Spliterators.spliteratorUnknownSize(
                iterator(ref, query, null, false), Spliterator.ORDERED | Spliterator.NONNULL), false)
                .map(this::header)).orElseGet(Stream::empty);
    }

    /** How many rows a query lists. */
    public long count(MessageQuery query) {
        return messages(query).count();
    }

    /** One page of a query, resuming after a key; newest first if asked. */
    public MessagePage page(MessageQuery query, MessageKey after, int limit, boolean newestFirst) {
        Optional<MailboxRef> ref = resolve(query.mailbox());
        if (ref.isEmpty()) {
            return new MessagePage(List.of(), Optional.empty());
        }
        MessageIterator it = iterator(ref.get(), query, after, newestFirst);
        List<MessageHeader> items = new ArrayList<>();
        while (items.size() < limit && it.hasNext()) {
            items.add(header(it.next()));
        }
        Optional<MessageKey> resume = Optional.empty();
        if (it.hasNext() && !items.isEmpty()) {
            MessageHeader last = items.get(items.size() - 1);
            resume = Optional.of(new MessageKey(last.received().getEpochSecond(),
                    ArchiveIds.decode(last.id()).orElseThrow().index()));
        }
        return new MessagePage(items, resume);
    }

    /** The full message behind an id; empty for unknown, foreign, truncated or deleted ids. */
    public Optional<ArchivedMessage> message(String id) {
        Optional<ItemRef> ref = ArchiveIds.decode(id);
        if (ref.isEmpty() || ref.get().kind() != ItemRef.Kind.MESSAGE || overlay.deleted(id)) {
            return Optional.empty();
        }
        return message(ref.get());
    }

    /** The attachment behind an attachment id; empty if it or its message does not exist. */
    public Optional<Attachment> attachment(String id) {
        Optional<ItemRef> ref = ArchiveIds.decode(id);
        if (ref.isEmpty() || ref.get().kind() != ItemRef.Kind.ATTACHMENT) {
            return Optional.empty();
        }
        ItemRef owner = ref.get().message();
        if (overlay.deleted(ArchiveIds.encode(owner))) {
            return Optional.empty();
        }
        return message(owner).filter(m -> ref.get().attachment() < m.attachments().size())
                .map(m -> m.attachments().get(ref.get().attachment()));
    }

    /** The exact size of a message's RFC822 form (the raw bytes for a raw message). */
    public long emlSize(ArchivedMessage message) {
        return raw(message.id()).map(RawMessage::size).orElseGet(() -> EmlWriter.size(message));
    }

    /** Writes a message's RFC822 form, exactly as get-file serves it. */
    public void writeEml(ArchivedMessage message, OutputStream out) throws IOException {
        Optional<RawMessage> raw = raw(message.id());
        if (raw.isPresent()) {
            raw.get().writeTo(out);
        } else {
            EmlWriter.write(message, out);
        }
    }

    /** The hand-written bytes behind a message id; empty for generated, unknown or deleted messages. */
    public Optional<RawMessage> raw(String id) {
        if (overlay.deleted(id)) {
            return Optional.empty();
        }
        return overlay.addedById(id).map(ArchiveOverlay.Added::raw);
    }

    /** The SHA-256 of an attachment; big ones are hashed once and remembered. */
    public String sha256(Attachment attachment) {
        if (attachment.size() < (1 << 20)) {
            return attachment.sha256();
        }
        return bigHashes.computeIfAbsent(attachment.id(), k -> attachment.sha256());
    }

    /** The id of the message carrying the configured huge attachment, if any. */
    public Optional<String> hugeAttachmentMessageId() {
        if (spec.hugeAttachmentBytes() == 0 || spec.messagesPerView() == 0) {
            return Optional.empty();
        }
        return Optional.of(ArchiveIds.encode(new ItemRef(ItemRef.Kind.MESSAGE, factory.seedTag(), 0, View.INBOX, 0, -1)));
    }

    /** Adds a message to a mailbox view (content generated from its new id). */
    public MessageHeader addMessage(String mailbox, View view, Instant received) {
        return addMessage(mailbox, view, received, null);
    }

    /** Adds a message with a chosen subject ({@code null} = generated). */
    public MessageHeader addMessage(String mailbox, View view, Instant received, String subject) {
        return header(message(add(mailbox, view, received, subject, null)));
    }

    /**
     * Adds a hand-written message to a mailbox view: listed with the raw message's metadata,
     * served by get-file as its exact bytes. Received times are kept to the second.
     */
    public MessageHeader addRawMessage(String mailbox, View view, Instant received, RawMessage raw) {
        requireNonNull(raw, "raw");
        return header(message(add(mailbox, view, received.truncatedTo(ChronoUnit.SECONDS), raw.subject(), raw)));
    }

    /** Adds a message to the overlay after the view's generated ones; {@code raw} is null for a generated one. */
    private ArchiveOverlay.Added add(String mailbox, View view, Instant received, String subject, RawMessage raw) {
        MailboxRef ref = resolve(mailbox).orElseThrow(() -> new IllegalArgumentException(
                "mailbox " + mailbox + " is not in the archive; use one of archive.mailboxes()"));
        return overlay.add(ref.index(), view, spec.messagesPerView(), received, subject, raw, this::messageId);
    }

    private String messageId(ArchiveOverlay.Added a) {
        return ArchiveIds.encode(new ItemRef(ItemRef.Kind.MESSAGE, factory.seedTag(), a.mailbox(), a.view(), a.index(),
                -1));
    }

    /** Deletes a message; returns false if it was already deleted. */
    public boolean deleteMessage(String id) {
        return overlay.delete(id);
    }

    /** Removes a user (mailbox or alias entry); returns false if already removed. */
    public boolean removeUser(String address) {
        return overlay.remove(address);
    }

    /** Changes a domain's {@code local} flag. */
    public void setDomainLocal(String domain, boolean local) {
        overlay.local(domain, local);
    }

    private Optional<ArchivedMessage> message(ItemRef ref) {
        if (ref.seedTag() != factory.seedTag() || ref.mailbox() < 0 || ref.mailbox() >= spec.mailboxCount()
                || ref.index() < 0) {
            return Optional.empty();
        }
        if (ref.index() < spec.messagesPerView()) {
            return Optional.of(factory.message(ref.mailbox(), ref.view(), ref.index(), null, null));
        }
        return overlay.addedById(ArchiveIds.encode(ref.message())).map(this::message);
    }

    private ArchivedMessage message(ArchiveOverlay.Added a) {
        if (a.raw() == null) {
            return factory.message(a.mailbox(), a.view(), a.index(), a.received(), a.subject());
        }
        RawMessage raw = a.raw();
        return new ArchivedMessage(messageId(a), factory.mailboxAddress(a.mailbox()), a.view(), a.received(),
                raw.subject(), raw.smash(), raw.header("Message-ID").orElse(""), raw.from(), List.of(raw.to()),
                List.of(), "", "", List.of(), false);
    }

    private MessageIterator iterator(MailboxRef ref, MessageQuery query, MessageKey after, boolean descending) {
        Predicate<ArchivedMessage> keep = m -> !overlay.deleted(m.id())
                && (ref.alias() ? m.viaAlias() : query.includeAliases() || !m.viaAlias());
        return new MessageIterator(factory, spec.messagesPerView(), overlay, ref.index(), query.view(),
                query.from(), query.to(), after, descending, keep, this::message);
    }

    private MessageHeader header(ArchivedMessage message) {
        Optional<RawMessage> raw = raw(message.id());
        if (raw.isPresent()) {
            return new MessageHeader(message.id(), message.mailbox(), message.view(), message.received(),
                    message.subject(), message.from(), message.to().get(0), raw.get().size(),
                    raw.get().attachmentCount(), message.smash());
        }
        return message.header(EmlWriter.size(message));
    }
}
