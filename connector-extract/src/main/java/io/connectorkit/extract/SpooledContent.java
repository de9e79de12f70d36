package io.connectorkit.extract;

import io.connectorkit.api.support.SpooledBytes;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.apache.tika.io.TikaInputStream;

/**
 * Content read once from its source, with its SHA-256 and length computed on the way (see
 * {@link SpooledBytes}). Reading everything before parsing means the hash is known before any
 * parser runs (so equal bytes are parsed once even when the source did not know their hash) and
 * the hash covers all bytes even when a parser stops early.
 */
final class SpooledContent implements Closeable {
    private final SpooledBytes bytes;

    private SpooledContent(SpooledBytes bytes) {
        this.bytes = bytes;
    }

    /**
     * Reads a stream to its end.
     *
     * @param in the stream; not closed here
     * @param memoryLimit the most bytes kept in memory before spilling to a temporary file; a
     *     negative value keeps nothing (hash and length only)
     * @param progress told the number of bytes read so far, after every chunk
     * @return the content
     * @throws IOException if reading fails or the thread is interrupted
     */
    static SpooledContent read(InputStream in, int memoryLimit, LongConsumer progress) throws IOException {
        // The interrupt is checked per chunk so that a stuck extraction's thread stops reading.
        SpooledBytes.Progress tell = (before, chunk) -> {
            if (Thread.interrupted()) {
                throw new InterruptedIOException("reading was interrupted after " + before + " bytes");
            }
            progress.accept(before + chunk);
        };
        return new SpooledContent(SpooledBytes.read(in, null, "connectorkit-extract-", memoryLimit, Long.MAX_VALUE,
                tell));
    }

    String sha256() {
        return bytes.sha256();
    }

    long length() {
        return bytes.length();
    }

    /** A fresh stream over the content, for detection and parsing. */
    TikaInputStream open() throws IOException {
        Optional<Path> file = bytes.file();
        if (file.isPresent()) {
            return TikaInputStream.get(file.get());
        }
        if (!bytes.complete()) {
            throw new IllegalStateException("Content of " + length() + " bytes was hashed but not kept");
        }
        try (InputStream in = bytes.open()) {
            return TikaInputStream.get(in.readAllBytes());
        }
    }

    /** Deletes the temporary file, if any. */
    @Override
    public void close() {
        bytes.close();
    }
}
