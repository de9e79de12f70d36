package io.connectorkit.testkit.contract;

import io.connectorkit.api.CancelledException;
import io.connectorkit.api.Checkpoint;
import io.connectorkit.api.Document;
import io.connectorkit.api.Emitter;
import io.connectorkit.api.ItemFailure;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * An {@link Emitter} that records every call for assertions, bound to one partition as a host's
 * emitter is (every document and failure it records belongs to that partition). Like a host it
 * reads a document's binary content before {@link #upsert} returns (the connector may release it afterwards),
 * noting what it read ({@link #contentReads()}). Like a host it accepts {@link #checkpoint} and
 * {@link #failure} after the run was cancelled, and throws {@link CancelledException} on every
 * other write, counting them ({@link #writesAfterCancellation()}).
 *
 * <p><b>Threading.</b> Safe to use from the crawl thread and threads it waits for.
 */
public final class RecordingEmitter implements Emitter {
    private final String partitionId;
    private final Map<String, String> knownVersions;
    private final Map<String, String> knownParents;
    private final BooleanSupplier cancelled;
    private final Runnable afterUpsert;
    private final List<Emission> emissions = new ArrayList<>();
    private final List<ContentRead> contentReads = new ArrayList<>();
    private final AtomicInteger writesAfterCancellation = new AtomicInteger();

    /**
     * Creates an emitter that is never cancelled and reports to no {@link RecordingContext}.
     *
     * @param partitionId the partition the emitter is bound to
     */
    public RecordingEmitter(String partitionId) {
        this(partitionId, new ConcurrentHashMap<>(), new ConcurrentHashMap<>(), () -> false, () -> { });
    }

    RecordingEmitter(String partitionId, Map<String, String> knownVersions, Map<String, String> knownParents,
            BooleanSupplier cancelled, Runnable afterUpsert) {
        this.afterUpsert = Objects.requireNonNull(afterUpsert, "afterUpsert");
        this.knownParents = Objects.requireNonNull(knownParents, "knownParents");
        this.partitionId = Objects.requireNonNull(partitionId, "partitionId");
        this.knownVersions = Objects.requireNonNull(knownVersions, "knownVersions");
        this.cancelled = Objects.requireNonNull(cancelled, "cancelled");
    }

    @Override
    public void upsert(Document document) {
        Objects.requireNonNull(document, "document");
        failIfCancelled();
        if (document.binary() != null) {
            drain(document);
        }
        record(Emission.upsert(document));
        knownVersions.put(document.id(), document.version());
        if (document.parentId() != null) {
            knownParents.put(document.id(), document.parentId());
        }
        afterUpsert.run();
    }

    @Override
    public void unchanged(String documentId) {
        Objects.requireNonNull(documentId, "documentId");
        failIfCancelled();
        String version = knownVersions.get(documentId);
        if (version == null) {
            throw new IllegalArgumentException("unchanged(" + documentId + ") names a document the index does not"
                    + " hold; call it only for ids that KnownDocuments.versions returned");
        }
        record(Emission.unchanged(documentId, version));
        // A host keeps the children of an unchanged document too, so they count as seen.
        knownParents.forEach((child, parent) -> {
            String childVersion = knownVersions.get(child);
            if (parent.equals(documentId) && childVersion != null) {
                record(Emission.unchanged(child, childVersion));
            }
        });
    }

    @Override
    public void delete(String documentId) {
        Objects.requireNonNull(documentId, "documentId");
        failIfCancelled();
        record(Emission.delete(documentId));
        knownVersions.remove(documentId);
        knownParents.remove(documentId);
        // Deleting a document deletes its children, as a host does.
        knownParents.entrySet().removeIf(e -> {
            boolean child = e.getValue().equals(documentId);
            if (child) {
                knownVersions.remove(e.getKey());
            }
            return child;
        });
    }

    @Override
    public void failure(ItemFailure failure) {
        record(Emission.failure(Objects.requireNonNull(failure, "failure")));
    }

    @Override
    public void checkpoint(Checkpoint checkpoint) {
        Objects.requireNonNull(checkpoint, "checkpoint");
        // Accepted after cancellation too, as Emitter says: a connector records how far it got.
        record(Emission.checkpoint(checkpoint));
    }

    @Override
    public void partitionComplete() {
        record(Emission.partitionComplete());
    }

    /** @return the partition this emitter is bound to */
    public String partitionId() {
        return partitionId;
    }

    /** @return every call so far, in order */
    public synchronized List<Emission> emissions() {
        return List.copyOf(emissions);
    }

    /** @return the upserted documents in order, repeats included */
    public List<Document> upserts() {
        return emissions().stream().filter(e -> e.type() == Emission.Type.UPSERT).map(Emission::document).toList();
    }

    /**
     * What this emitter holds as indexed at the end: each upserted document in its last version,
     * in the order first upserted, without those deleted since (and their children, as a host
     * deletes them).
     *
     * @return id to document
     */
    public Map<String, Document> documents() {
        Map<String, Document> held = new LinkedHashMap<>();
        for (Emission e : emissions()) {
            if (e.type() == Emission.Type.UPSERT) {
                held.put(e.documentId(), e.document());
            } else if (e.type() == Emission.Type.DELETE) {
                held.remove(e.documentId());
                held.values().removeIf(d -> e.documentId().equals(d.parentId()));
            }
        }
        return held;
    }

    /**
     * The documents this emitter holds of one kind, as {@link #documents()} gives them.
     *
     * @param kind a document kind, as {@link Document#kind()} names it
     * @return the documents, in order
     */
    public List<Document> ofKind(String kind) {
        Objects.requireNonNull(kind, "kind");
        return documents().values().stream().filter(d -> d.kind().equals(kind)).toList();
    }

    /** @return the ids of the upserted documents in order, repeats included */
    public List<String> upsertedIds() {
        return upserts().stream().map(Document::id).toList();
    }

    /** @return the ids passed to {@link #unchanged}, in order */
    public List<String> unchangedIds() {
        return emissions().stream().filter(e -> e.type() == Emission.Type.UNCHANGED).map(Emission::documentId)
                .toList();
    }

    /**
     * The ids the crawl showed to exist: upserted or declared unchanged, in order, repeats included.
     *
     * @return the ids
     */
    public List<String> seenIds() {
        return emissions().stream()
                .filter(e -> e.type() == Emission.Type.UPSERT || e.type() == Emission.Type.UNCHANGED)
                .map(Emission::documentId).toList();
    }

    /** @return the ids passed to {@link #delete}, in order */
    public List<String> deletedIds() {
        return emissions().stream().filter(e -> e.type() == Emission.Type.DELETE).map(Emission::documentId).toList();
    }

    /** @return the recorded failures, in order */
    public List<ItemFailure> failures() {
        return emissions().stream().filter(e -> e.type() == Emission.Type.FAILURE).map(Emission::failure).toList();
    }

    /** @return the checkpoints, in order */
    public List<Checkpoint> checkpoints() {
        return emissions().stream().filter(e -> e.type() == Emission.Type.CHECKPOINT)
                .map(Emission::checkpoint).toList();
    }

    /** @return the last checkpoint, or {@code null} when none was emitted */
    public Checkpoint lastCheckpoint() {
        List<Checkpoint> all = checkpoints();
        return all.isEmpty() ? null : all.get(all.size() - 1);
    }

    /** @return the ids of documents whose binary content could not be read, in order */
    public synchronized List<String> unreadableContent() {
        return contentReads.stream().filter(r -> r.error() != null).map(ContentRead::documentId).toList();
    }

    /** @return what was read from each document's binary content during {@code upsert}, in order */
    public synchronized List<ContentRead> contentReads() {
        return List.copyOf(contentReads);
    }

    /**
     * What was read from a document's binary content, the last time it was upserted with one.
     *
     * @param documentId the document
     * @return the read, or empty when no upsert of it carried content
     */
    public synchronized Optional<ContentRead> contentRead(String documentId) {
        Objects.requireNonNull(documentId, "documentId");
        for (int i = contentReads.size() - 1; i >= 0; i--) {
            if (contentReads.get(i).documentId().equals(documentId)) {
                return Optional.of(contentReads.get(i));
            }
        }
        return Optional.empty();
    }

    /**
     * How many upserts, unchanged and deletes the connector attempted after the run was
     * cancelled (each threw {@link CancelledException}). A connector that honours cancellation
     * makes at most one: the call that told it.
     *
     * @return the count
     */
    public int writesAfterCancellation() {
        return writesAfterCancellation.get();
    }

    /** @return how often {@link #partitionComplete()} was called */
    public long partitionCompleteCount() {
        return emissions().stream().filter(e -> e.type() == Emission.Type.PARTITION_COMPLETE).count();
    }

    /**
     * The ids upserted before a checkpoint: what that checkpoint claims to cover.
     *
     * @param checkpointIndex the position of the checkpoint in {@link #checkpoints()}
     * @return the ids upserted before it, in order
     * @throws IndexOutOfBoundsException if there is no such checkpoint
     */
    public List<String> upsertedIdsBefore(int checkpointIndex) {
        List<Emission> all = emissions();
        List<String> ids = new ArrayList<>();
        int seen = 0;
        for (Emission e : all) {
            if (e.type() == Emission.Type.CHECKPOINT && seen++ == checkpointIndex) {
                return ids;
            }
            if (e.type() == Emission.Type.UPSERT) {
                ids.add(e.documentId());
            }
        }
        throw new IndexOutOfBoundsException("Partition " + partitionId + " has " + seen
                + " checkpoints; there is no checkpoint " + checkpointIndex);
    }

    private synchronized void record(Emission emission) {
        emissions.add(emission);
    }

    private void failIfCancelled() {
        if (cancelled.getAsBoolean()) {
            writesAfterCancellation.incrementAndGet();
            throw new CancelledException("The crawl of partition " + partitionId + " was cancelled");
        }
    }

    // A host reads content once, before upsert returns, and indexes the metadata alone when it cannot.
    private void drain(Document document) {
        long declared = document.binary().length();
        String declaredSha = document.binary().sha256().orElse(null);
        MessageDigest digest = sha256();
        long read = 0;
        String error = null;
        try (InputStream in = document.binary().open()) {
            byte[] buffer = new byte[8192];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
                read += n;
            }
        } catch (IOException | RuntimeException e) {
            error = String.valueOf(e);
        }
        ContentRead r = new ContentRead(document.id(), declared, read, declaredSha,
                HexFormat.of().formatHex(digest.digest()), error);
        synchronized (this) {
            contentReads.add(r);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
