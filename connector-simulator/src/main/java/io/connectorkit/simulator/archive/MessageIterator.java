package io.connectorkit.simulator.archive;

import io.connectorkit.simulator.archive.corpus.ArchivedMessage;
import io.connectorkit.simulator.archive.corpus.MessageKey;
import io.connectorkit.simulator.archive.corpus.View;
import java.time.Instant;
import java.util.Iterator;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.function.Predicate;

/**
 * Walks one mailbox view in key order (either direction), merging the generated messages (found
 * by binary search on the monotonic received dates, never materialised) with the added ones.
 */
final class MessageIterator implements Iterator<ArchivedMessage> {
    private final MessageFactory factory;
    private final int mailbox;
    private final View view;
    private final boolean descending;
    private final Predicate<ArchivedMessage> keep;
    private final Function<ArchiveOverlay.Added, ArchivedMessage> addedMessage;
    private final Iterator<ArchiveOverlay.Added> added;
    private int nextGenerated;
    private final int generatedEnd;
    private ArchiveOverlay.Added pendingAdded;
    private ArchivedMessage next;

    MessageIterator(MessageFactory factory, int messagesPerView, ArchiveOverlay overlay, int mailbox, View view,
                    Instant from, Instant to, MessageKey after, boolean descending, Predicate<ArchivedMessage> keep,
                    Function<ArchiveOverlay.Added, ArchivedMessage> addedMessage) {
        this.factory = factory;
        this.mailbox = mailbox;
        this.view = view;
        this.descending = descending;
        this.keep = keep;
        this.addedMessage = addedMessage;
        int lo = firstIndex(messagesPerView, i -> !factory.received(mailbox, view, i).isBefore(from));
        int hi = firstIndex(messagesPerView, i -> !factory.received(mailbox, view, i).isBefore(to));
        if (after != null && descending) {
            hi = Math.min(hi, firstIndex(messagesPerView, i -> key(i).compareTo(after) >= 0));
        } else if (after != null) {
            lo = Math.max(lo, firstIndex(messagesPerView, i -> key(i).compareTo(after) > 0));
        }
        this.nextGenerated = descending ? hi - 1 : lo;
        this.generatedEnd = descending ? lo - 1 : hi;
        NavigableMap<MessageKey, ArchiveOverlay.Added> window = overlay.added(mailbox, view)
                .subMap(new MessageKey(from.getEpochSecond(), Integer.MIN_VALUE), true,
                        new MessageKey(to.getEpochSecond(), Integer.MIN_VALUE), false);
        if (after != null) {
            window = descending ? window.headMap(after, false) : window.tailMap(after, false);
        }
        this.added = (descending ? window.descendingMap() : window).values().iterator();
        this.pendingAdded = this.added.hasNext() ? this.added.next() : null;
        advance();
    }

    private MessageKey key(int index) {
        return new MessageKey(factory.received(mailbox, view, index).getEpochSecond(), index);
    }

    /** The first index in [0, n) where the monotonic predicate turns true, n if never. */
    private static int firstIndex(int n, IntPredicate predicate) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (predicate.test(mid)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private void advance() {
        next = null;
        while (next == null) {
            boolean haveGenerated = nextGenerated != generatedEnd;
            if (!haveGenerated && pendingAdded == null) {
                return;
            }
            ArchivedMessage candidate;
            boolean takeAdded = pendingAdded != null && (!haveGenerated || before(
                    new MessageKey(pendingAdded.received().getEpochSecond(), pendingAdded.index()),
                    key(nextGenerated)));
            if (takeAdded) {
                candidate = addedMessage.apply(pendingAdded);
                pendingAdded = added.hasNext() ? added.next() : null;
            } else {
                candidate = factory.message(mailbox, view, nextGenerated, null, null);
                nextGenerated += descending ? -1 : 1;
            }
            if (keep.test(candidate)) {
                next = candidate;
            }
        }
    }

    private boolean before(MessageKey a, MessageKey b) {
        return descending ? a.compareTo(b) > 0 : a.compareTo(b) < 0;
    }

    @Override
    public boolean hasNext() {
        return next != null;
    }

    @Override
    public ArchivedMessage next() {
        if (next == null) {
            throw new NoSuchElementException("no more messages in " + factory.mailboxAddress(mailbox) + " " + view);
        }
        ArchivedMessage result = next;
        advance();
        return result;
    }
}
