package com.example.files;

import io.connectorkit.api.CancelledException;
import io.connectorkit.api.Checkpoint;
import io.connectorkit.api.ConnectorContext;
import io.connectorkit.api.ConnectorException;
import io.connectorkit.api.ConnectorSession;
import io.connectorkit.api.CrawlMode;
import io.connectorkit.api.Document;
import io.connectorkit.api.Emitter;
import io.connectorkit.api.ErrorKind;
import io.connectorkit.api.ItemFailure;
import io.connectorkit.api.Partition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A session of the example connector. Crawls a partition's files in position order and emits a
 * checkpoint after each file, so a resumed crawl starts right after the last file the host
 * acknowledged. Holds no per-crawl state, so partitions can be crawled at once. Text files are
 * documents with text content (a JSON file's {@code title} is its title), other files carry
 * binary content, and the files in a folder
 * {@code name.attachments} are attachments: children of the file {@code name}, which sorts before
 * them.
 */
final class ExampleFilesSession implements ConnectorSession {
    /** A folder {@code name.attachments} next to a file {@code name} holds that file's attachments. */
    static final String ATTACHMENTS = ".attachments/";

    private final ExampleFilesSource source;
    private final ConnectorContext context;

    ExampleFilesSession(ExampleFilesSource source, ConnectorContext context) {
        this.source = Objects.requireNonNull(source, "source");
        this.context = Objects.requireNonNull(context, "context");
    }

    @Override
    public List<Partition> partitions() throws ConnectorException {
        return source.partitions();
    }

    @Override
    public void crawl(Partition partition, Checkpoint checkpoint, CrawlMode mode, Emitter emitter)
            throws ConnectorException {
        // A full crawl lists everything, so it ignores where the last crawl stopped.
        ExampleFilesPosition after = mode == CrawlMode.INCREMENTAL && checkpoint != null
                ? ExampleFilesPosition.parse(checkpoint) : ExampleFilesPosition.START;
        boolean emitted = false;
        for (ExampleFilesSource.ExampleFile file : source.files(partition)) {
            if (file.position().compareTo(after) <= 0) {
                continue;
            }
            if (context.cancelled()) {
                return;
            }
            emit(partition, file, emitter);
            emitter.checkpoint(file.position().toCheckpoint());
            emitted = true;
        }
        if (!emitted) {
            // Nothing new: hand the position back so the partition keeps a checkpoint.
            emitter.checkpoint(after.toCheckpoint());
        }
        if (mode == CrawlMode.FULL) {
            emitter.partitionComplete();
        }
    }

    private void emit(Partition partition, ExampleFilesSource.ExampleFile file, Emitter emitter) {
        ExampleFilesPosition position = file.position();
        byte[] bytes;
        long size;
        try {
            bytes = source.read(file);
            size = bytes.length;
        } catch (NoSuchFileException gone) {
            return;
        } catch (IOException e) {
            // The path is the reference refetch() finds the file again by.
            emitter.failure(ItemFailure.of(position.path(), ErrorKind.PERMANENT,
                    "File " + position.path() + " could not be read: " + e.getMessage()).withSourceRef(position.path()));
            return;
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        context.metrics().add("files", 1);
        String name = file.path().getFileName().toString();
        Document.Builder document = Document.builder(position.path(), "file")
                .title(name.endsWith(".json") ? ExampleJsonTitle.of(text).orElse(name) : name)
                .field("path", position.path())
                .field("size", size)
                .field("modified", Instant.ofEpochMilli(position.modifiedMillis()))
                // Everyone in the partition's group may read its files.
                .acl(List.of("group:" + partition.id()))
                .version(position.modifiedMillis() + "-" + size);
        int attachments = position.path().indexOf(ATTACHMENTS);
        if (attachments > 0) {
            document.parentId(position.path().substring(0, attachments));
        }
        if (name.endsWith(".txt") || name.endsWith(".json")) {
            document.content(text);
        } else {
            document.binary(ExampleFileContent.of(bytes, name));
        }
        emitter.upsert(document.build());
    }

    @Override
    public boolean refetch(Partition partition, List<String> sourceRefs, Emitter emitter) throws ConnectorException {
        Map<String, ExampleFilesSource.ExampleFile> files = new HashMap<>();
        source.files(partition).forEach(f -> files.put(f.position().path(), f));
        for (String path : sourceRefs) {
            if (context.cancelled()) {
                throw new CancelledException("The crawl of " + partition.id() + " was cancelled");
            }
            ExampleFilesSource.ExampleFile file = files.get(path);
            if (file == null) {
                // Gone from the source: gone from the index, and off the host's list of failures.
                emitter.delete(path);
            } else {
                emit(partition, file, emitter);
            }
        }
        return true;
    }

    @Override
    public void close() {
        // Nothing to release: every listing and read opens and closes its own handles.
    }
}
