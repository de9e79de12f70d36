package io.connectorkit.mimecast;

import io.connectorkit.api.Checkpoint;
import io.connectorkit.api.Document;
import io.connectorkit.api.Emitter;
import io.connectorkit.api.ItemFailure;
import io.connectorkit.api.KnownDocuments;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An emitter that records what a crawl emits and, like a host, reads each document's binary
 * content before {@code upsert} returns. Its {@link #known()} look-up answers from what it holds,
 * so a second crawl sees the first one's documents as indexed.
 */
final class RecordingEmitter implements Emitter {
    /** What was read of a document's binary content. */
    record Binary(long length, String sha256, String mediaType, String fileName) { }

    final Map<String, Document> documents = new LinkedHashMap<>();
    final Map<String, Binary> binaries = new LinkedHashMap<>();
    final List<Document> upserts = new ArrayList<>();
    final List<ItemFailure> failures = new ArrayList<>();
    final List<Checkpoint> checkpoints = new ArrayList<>();
    final List<String> deletes = new ArrayList<>();
    final List<String> unchanged = new ArrayList<>();
    int completions;
    private final String partition;

    RecordingEmitter(String partition) {
        this.partition = partition;
    }

    @Override
    public synchronized void upsert(Document document) {
        upserts.add(document);
        documents.put(document.id(), document);
        if (document.binary() != null) {
            try (InputStream in = document.binary().open()) {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                long n = 0;
                byte[] buf = new byte[8192];
                int r;
                while ((r = in.read(buf)) >= 0) {
                    digest.update(buf, 0, r);
                    n += r;
                }
                binaries.put(document.id(), new Binary(n, HexFormat.of().formatHex(digest.digest()),
                        document.binary().mediaType().orElse(null), document.binary().fileName().orElse(null)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public synchronized void unchanged(String documentId) {
        unchanged.add(documentId);
    }

    @Override
    public synchronized void delete(String documentId) {
        deletes.add(documentId);
        documents.remove(documentId);
    }

    @Override
    public synchronized void failure(ItemFailure failure) {
        failures.add(failure);
    }

    @Override
    public synchronized void checkpoint(Checkpoint checkpoint) {
        checkpoints.add(checkpoint);
    }

    @Override
    public synchronized void partitionComplete() {
        completions++;
    }

    synchronized Checkpoint lastCheckpoint() {
        return checkpoints.isEmpty() ? null : checkpoints.get(checkpoints.size() - 1);
    }

    synchronized List<Document> ofKind(String kind) {
        return documents.values().stream().filter(d -> d.kind().equals(kind)).toList();
    }

    /** @return a look-up of the versions this emitter holds */
    KnownDocuments known() {
        return (Collection<String> ids) -> {
            synchronized (this) {
                Map<String, String> out = new LinkedHashMap<>();
                for (String id : ids) {
                    Document d = documents.get(id);
                    if (d != null) {
                        out.put(id, d.version());
                    }
                }
                return out;
            }
        };
    }
}
