package io.connectorkit.simulator.archive;

import io.connectorkit.simulator.archive.corpus.MessageKey;
import io.connectorkit.simulator.archive.corpus.RawMessage;
import io.connectorkit.simulator.archive.corpus.View;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Function;

/**
 * The changes made to a generated archive at run time. They are few, so they are kept as small
 * maps over the generated (never stored) base.
 */
final class ArchiveOverlay {
    /**
     * A message added at run time; its content is generated from its id like any other, unless
     * {@code raw} (else null) gives its exact bytes.
     */
    record Added(int mailbox, View view, int index, Instant received, String subject, RawMessage raw) {
    }

    private final Set<String> deletedIds = ConcurrentHashMap.newKeySet();
    private final Set<String> removedAddresses = ConcurrentHashMap.newKeySet();
    private final Map<String, Boolean> localFlags = new ConcurrentHashMap<>();
    private final Map<Long, ConcurrentSkipListMap<MessageKey, Added>> added = new ConcurrentHashMap<>();
    private final Map<String, Added> addedById = new ConcurrentHashMap<>();

    synchronized Added add(int mailbox, View view, int firstFreeIndex, Instant received, String subject,
                           RawMessage raw, Function<Added, String> idOf) {
        NavigableMap<MessageKey, Added> list = added(mailbox, view);
        Added entry = new Added(mailbox, view, firstFreeIndex + list.size(), received, subject, raw);
        list.put(new MessageKey(received.getEpochSecond(), entry.index()), entry);
        addedById.put(idOf.apply(entry), entry);
        return entry;
    }

    NavigableMap<MessageKey, Added> added(int mailbox, View view) {
        return added.computeIfAbsent(((long) mailbox << 1) | view.ordinal(), k -> new ConcurrentSkipListMap<>());
    }

    Optional<Added> addedById(String id) {
        return Optional.ofNullable(addedById.get(id));
    }

    boolean delete(String id) {
        return deletedIds.add(id);
    }

    boolean deleted(String id) {
        return deletedIds.contains(id);
    }

    boolean remove(String address) {
        return removedAddresses.add(address.toLowerCase(Locale.ROOT));
    }

    boolean removed(String address) {
        return removedAddresses.contains(address.toLowerCase(Locale.ROOT));
    }

    void local(String domain, boolean local) {
        localFlags.put(domain.toLowerCase(Locale.ROOT), local);
    }

    Optional<Boolean> local(String domain) {
        return Optional.ofNullable(localFlags.get(domain.toLowerCase(Locale.ROOT)));
    }
}
