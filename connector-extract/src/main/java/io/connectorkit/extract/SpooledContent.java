package io.connectorkit.extract;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.LongConsumer;
import org.apache.tika.io.TikaInputStream;

/**
 * Content read once from its source, with its SHA-256 and length computed on the way. Small
 * contents stay in memory; larger ones go to a temporary file, so a large attachment is never
 * held as one array. Reading everything before parsing means the hash is known before any parser
 * runs (so equal bytes are parsed once even when the source did not know their hash) and the
 * hash covers all bytes even when a parser stops early.
 */
final class SpooledContent implements Closeable {
    private static final int BUFFER = 64 * 1024;

    private final String sha256;
    private final long length;
    private final byte[] bytes;
    private final Path file;

    private SpooledContent(String sha256, long length, byte[] bytes, Path file) {
        this.sha256 = sha256;
        this.length = length;
        this.bytes = bytes;
        this.file = file;
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
        MessageDigest digest = sha256Digest();
        ByteArrayOutputStream memory = memoryLimit < 0 ? null : new ByteArrayOutputStream();
        Path file = null;
        OutputStream out = null;
        long count = 0;
        byte[] buffer = new byte[BUFFER];
        try {
            int n;
            while ((n = in.read(buffer)) != -1) {
                if (Thread.interrupted()) {
                    throw new InterruptedIOException("reading was interrupted after " + count + " bytes");
                }
                digest.update(buffer, 0, n);
                count += n;
                if (out != null) {
                    out.write(buffer, 0, n);
                } else if (memory != null && memory.size() + n > memoryLimit) {
                    file = Files.createTempFile("connectorkit-extract-", ".bin");
                    out = Files.newOutputStream(file);
                    memory.writeTo(out);
                    memory = null;
                    out.write(buffer, 0, n);
                } else if (memory != null) {
                    memory.write(buffer, 0, n);
                }
                progress.accept(count);
            }
            if (out != null) {
                out.close();
            }
        } catch (IOException | RuntimeException e) {
            closeQuietly(out);
            deleteQuietly(file);
            throw e;
        }
        String hex = HexFormat.of().formatHex(digest.digest());
        return new SpooledContent(hex, count, memory == null ? null : memory.toByteArray(), file);
    }

    String sha256() {
        return sha256;
    }

    long length() {
        return length;
    }

    /** A fresh stream over the content, for detection and parsing. */
    TikaInputStream open() throws IOException {
        if (file != null) {
            return TikaInputStream.get(file);
        }
        if (bytes == null) {
            throw new IllegalStateException("Content of " + length + " bytes was hashed but not kept");
        }
        return TikaInputStream.get(bytes);
    }

    /** Deletes the temporary file, if any. */
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
                // A leftover temporary file is harmless; the JVM's temp directory is cleaned by the OS.
            }
        }
    }
}
