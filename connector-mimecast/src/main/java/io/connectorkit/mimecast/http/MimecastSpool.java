package io.connectorkit.mimecast.http;

import io.connectorkit.api.ContentSource;
import io.connectorkit.api.support.SpooledBytes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Downloaded bytes, kept in memory while small and spooled to a temporary file under the run's
 * temporary directory past {@link #MEMORY_THRESHOLD}, so that a large attachment is never held
 * in memory. Bytes past a size limit are counted and hashed but not stored: the item is then
 * indexed with metadata only. Closing deletes the file.
 */
public final class MimecastSpool implements ContentSource, AutoCloseable {
    /** Bytes kept in memory before spilling to a file. */
    public static final int MEMORY_THRESHOLD = 1 << 20;

    private final SpooledBytes bytes;
    private final String mediaType;
    private final String fileName;

    private MimecastSpool(SpooledBytes bytes, String mediaType, String fileName) {
        this.bytes = bytes;
        this.mediaType = mediaType;
        this.fileName = fileName;
    }

    /**
     * Reads a stream to its end.
     *
     * @param in the stream; not closed
     * @param directory where a temporary file may be created
     * @param maxBytes bytes beyond this are not stored
     * @param mediaType the declared media type, or null
     * @param fileName the file name, or null
     * @return the spool
     * @throws IOException if reading or writing fails
     */
    public static MimecastSpool read(InputStream in, Path directory, long maxBytes, String mediaType, String fileName)
            throws IOException {
        return new MimecastSpool(SpooledBytes.read(in, directory, "mimecast-", MEMORY_THRESHOLD, maxBytes,
                SpooledBytes.Progress.NONE), mediaType, fileName);
    }

    /** @return whether the content was larger than the limit and is not stored */
    public boolean overLimit() {
        return !bytes.complete();
    }

    /** @return the content as text, for small text parts */
    public String text(Charset charset) {
        try (InputStream in = open()) {
            return new String(in.readAllBytes(), charset);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A copy that names the content.
     *
     * @param type the media type, or null
     * @param name the file name, or null
     * @return a spool sharing the stored bytes
     */
    public MimecastSpool describedAs(String type, String name) {
        return new MimecastSpool(bytes, type, name);
    }

    @Override
    public InputStream open() throws IOException {
        if (overLimit()) {
            throw new IOException("Content of " + bytes.length() + " bytes exceeds the size limit and was not kept");
        }
        return bytes.open();
    }

    @Override
    public long length() {
        return bytes.length();
    }

    @Override
    public Optional<String> mediaType() {
        return Optional.ofNullable(mediaType).filter(s -> !s.isBlank());
    }

    @Override
    public Optional<String> fileName() {
        return Optional.ofNullable(fileName).filter(s -> !s.isBlank());
    }

    @Override
    public Optional<String> sha256() {
        return Optional.of(bytes.sha256());
    }

    @Override
    public void close() {
        bytes.close();
    }
}
