package com.example.files;

import io.connectorkit.api.Checkpoint;
import io.connectorkit.api.ConnectorException;
import io.connectorkit.api.ErrorKind;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * A position in a partition of the example connector: files are crawled in order of last
 * modified time, then path, and a position names the last file crawled. The path breaks ties
 * between files modified in the same millisecond.
 *
 * @param modifiedMillis the last modified time of the file, in epoch milliseconds
 * @param path the file's path relative to the root, with {@code /} separators; empty for "before
 *     every file of that millisecond"
 */
record ExampleFilesPosition(long modifiedMillis, String path) implements Comparable<ExampleFilesPosition> {
    /** Before every file. */
    static final ExampleFilesPosition START = new ExampleFilesPosition(Long.MIN_VALUE, "");

    private static final Comparator<ExampleFilesPosition> ORDER = Comparator
            .comparingLong(ExampleFilesPosition::modifiedMillis).thenComparing(ExampleFilesPosition::path);

    ExampleFilesPosition {
        Objects.requireNonNull(path, "path");
    }

    /**
     * Reads a checkpoint written by {@link #toCheckpoint()}.
     *
     * @param checkpoint the checkpoint
     * @return the position
     * @throws ConnectorException of kind {@link ErrorKind#PERMANENT} if the checkpoint is not one
     */
    static ExampleFilesPosition parse(Checkpoint checkpoint) throws ConnectorException {
        String value = checkpoint.value();
        int bar = value.indexOf('|');
        try {
            return new ExampleFilesPosition(Long.parseLong(value.substring(0, bar)), value.substring(bar + 1));
        } catch (RuntimeException e) {
            throw new ConnectorException(ErrorKind.PERMANENT, "Checkpoint '" + value
                    + "' is not an example-files position (millis|path); reset the partition", e);
        }
    }

    Checkpoint toCheckpoint() {
        return new Checkpoint(modifiedMillis + "|" + path);
    }

    String describe() {
        return modifiedMillis == Long.MIN_VALUE ? "the start"
                : Instant.ofEpochMilli(modifiedMillis) + (path.isEmpty() ? "" : " (" + path + ")");
    }

    @Override
    public int compareTo(ExampleFilesPosition other) {
        return ORDER.compare(this, other);
    }
}
