package io.connectorkit.mimecast.http;

import io.connectorkit.api.ContentSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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
    private static final int BUFFER = 64 * 1024;

    private final byte[] memory;
    private final Path file;
    private final long length;
    private final boolean overLimit;
    private final String sha256;
    private final String mediaType;
    private final String fileName;

    private MimecastSpool(byte[] memory, Path file, long length, boolean overLimit, String sha256, String mediaType,
            String fileName) {
        this.memory = memory;
        this.file = file;
        this.length = length;
        this.overLimit = overLimit;
        this.sha256 = sha256;
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
        MessageDigest digest = sha256Digest();
        ByteArrayOutputStream mem = new ByteArrayOutputStream();
        Path file = null;
        OutputStream out = mem;
        long total = 0;
        byte[] buf = new byte[BUFFER];
        try {
            int n;
            while ((n = in.read(buf)) >= 0) {
                digest.update(buf, 0, n);
                long storable = Math.max(0, Math.min(n, maxBytes - total));
                total += n;
                if (storable > 0) {
                    if (file == null && mem.size() + storable > MEMORY_THRESHOLD) {
                        file = Files.createTempFile(directory, "mimecast-", ".bin");
                        out = Files.newOutputStream(file);
                        mem.writeTo(out);
                        mem = null;
                    }
                    out.write(buf, 0, (int) storable);
                }
            }
        } catch (IOException | RuntimeException e) {
            if (out != mem) {
                out.close();
            }
            if (file != null) {
                Files.deleteIfExists(file);
            }
            throw e;
        }
        if (out != mem) {
            out.close();
        }
        boolean over = total > maxBytes;
        return new MimecastSpool(file == null ? mem.toByteArray() : null, file, total, over,
                HexFormat.of().formatHex(digest.digest()), mediaType, fileName);
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** @return whether the content was larger than the limit and is not stored */
    public boolean overLimit() {
        return overLimit;
    }

    /** @return the content as text, for small text parts */
    public String text(java.nio.charset.Charset charset) {
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
        return new MimecastSpool(memory, file, length, overLimit, sha256, type, name);
    }

    @Override
    public InputStream open() throws IOException {
        if (overLimit) {
            throw new IOException("Content of " + length + " bytes exceeds the size limit and was not kept");
        }
        return file != null ? Files.newInputStream(file) : new ByteArrayInputStream(memory);
    }

    @Override
    public long length() {
        return length;
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
        return Optional.of(sha256);
    }

    @Override
    public void close() {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // A leftover temporary file is removed with the run's temporary directory.
            }
        }
    }
}
