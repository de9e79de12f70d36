package io.connectorkit.api.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Content read once from a stream, with its SHA-256 and length computed on the way. Small
 * contents stay in memory; past a memory limit they go to a temporary file, so that a large
 * attachment is never held as one array. Past a store limit, bytes are still counted and hashed
 * but no longer kept: {@link #complete()} then says the content cannot be read back in full.
 *
 * <p>An instance is immutable once read and may be read by several threads; {@link #close()}
 * deletes the temporary file, after which {@link #open()} fails for spooled contents.
 */
public final class SpooledBytes implements Closeable {
    private static final int BUFFER = 64 * 1024;

    /**
     * Told of every chunk as it arrives; it may stop the read by throwing (for example when the
     * thread was interrupted, or a caller's own limit was passed).
     */
    @FunctionalInterface
    public interface Progress {
        /** Ignores progress. */
        Progress NONE = (before, chunk) -> { };

        /**
         * Called on the reading thread when a chunk arrived, before it is hashed and kept.
         *
         * @param before the bytes read before this chunk
         * @param chunk the size of this chunk, at least 1
         * @throws IOException to stop reading; the temporary file is deleted and the exception
         *     is thrown by {@link SpooledBytes#read}
         */
        void read(long before, int chunk) throws IOException;
    }

    private final String sha256;
    private final long length;
    private final boolean complete;
    private final byte[] memory;
    private final Path file;

    private SpooledBytes(String sha256, long length, boolean complete, byte[] memory, Path file) {
        this.sha256 = sha256;
        this.length = length;
        this.complete = complete;
        this.memory = memory;
        this.file = file;
    }

    /**
     * Reads a stream to its end on the calling thread.
     *
     * @param in the stream, not {@code null}; not closed here
     * @param directory where the temporary file is created; {@code null} for the JVM's default
     *     temporary directory
     * @param prefix the temporary file's name prefix, not {@code null}
     * @param memoryLimit the most bytes kept in memory before spilling to a temporary file; a
     *     negative value keeps nothing (hash and length only)
     * @param storeLimit the most bytes kept at all (in memory or in the file); bytes past it are
     *     counted and hashed only
     * @param progress told of every chunk, not {@code null}; see {@link Progress#NONE}
     * @return the content
     * @throws IOException if reading, writing the temporary file or {@code progress} fails; no
     *     temporary file is left behind
     */
    public static SpooledBytes read(InputStream in, Path directory, String prefix, int memoryLimit, long storeLimit,
            Progress progress) throws IOException {
        MessageDigest digest = sha256Digest();
        ByteArrayOutputStream mem = memoryLimit < 0 ? null : new ByteArrayOutputStream();
        Path file = null;
        OutputStream out = null;
        long count = 0;
        byte[] buffer = new byte[BUFFER];
        try {
            int n;
            while ((n = in.read(buffer)) != -1) {
                if (n == 0) {
                    continue;
                }
                progress.read(count, n);
                digest.update(buffer, 0, n);
                int storable = (int) Math.max(0, Math.min(n, storeLimit - count));
                count += n;
                if (storable > 0) {
                    if (out == null && mem != null && mem.size() + storable > memoryLimit) {
                        file = directory == null ? Files.createTempFile(prefix, ".bin")
                                : Files.createTempFile(directory, prefix, ".bin");
                        out = Files.newOutputStream(file);
                        mem.writeTo(out);
                        mem = null;
                    }
                    if (out != null) {
                        out.write(buffer, 0, storable);
                    } else if (mem != null) {
                        mem.write(buffer, 0, storable);
                    }
                }
            }
            if (out != null) {
                out.close();
            }
        } catch (IOException | RuntimeException e) {
            closeQuietly(out);
            deleteQuietly(file);
            throw e;
        }
        boolean kept = (mem != null || file != null) && count <= storeLimit;
        return new SpooledBytes(HexFormat.of().formatHex(digest.digest()), count, kept,
                mem == null ? null : mem.toByteArray(), file);
    }

    /**
     * The SHA-256 of every byte read, also of the bytes that were not kept.
     *
     * @return lower-case hex
     */
    public String sha256() {
        return sha256;
    }

    /**
     * The number of bytes read, also of the bytes that were not kept.
     *
     * @return the length
     */
    public long length() {
        return length;
    }

    /**
     * Whether every byte was kept, so that {@link #open()} gives the whole content.
     *
     * @return {@code false} when the memory limit was negative or the store limit was passed
     */
    public boolean complete() {
        return complete;
    }

    /**
     * The temporary file holding the kept bytes, for readers that work better on a file.
     *
     * @return the file, or empty when the bytes are in memory or nothing was kept
     */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /**
     * A fresh stream over the kept bytes (all of them when {@link #complete()}).
     *
     * @return a new stream, which the caller closes
     * @throws IOException if the temporary file cannot be opened (for example after {@link #close()})
     */
    public InputStream open() throws IOException {
        if (file != null) {
            return Files.newInputStream(file);
        }
        return new ByteArrayInputStream(memory == null ? new byte[0] : memory);
    }

    /** Deletes the temporary file, if any; a failure to delete is ignored. */
    @Override
    public void close() {
        deleteQuietly(file);
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM lacks SHA-256, which every Java platform must provide", e);
        }
    }

    private static void closeQuietly(OutputStream out) {
        if (out != null) {
            try {
                out.close();
            } catch (IOException ignored) {
                // The read already failed; that failure is the one reported.
            }
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // A leftover temporary file is harmless: it lies in a temporary directory.
            }
        }
    }
}
