package io.connectorkit.simulator.archive.corpus;

import static java.util.Objects.requireNonNull;

import io.connectorkit.simulator.archive.mime.FileFormat;
import io.connectorkit.simulator.archive.mime.TextLines;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One attachment of an archived message. Its bytes are not held: they are generated on demand
 * from {@code seed}, so a 500 MB attachment costs nothing until it is streamed. They form a
 * valid file of the content type (PDF, DOCX, XLSX, zip, PNG, HTML, CSV or text, with readable
 * words), exactly {@code size} bytes long; other types get pseudo-random bytes.
 *
 * @param id the attachment id (usable with get-file)
 * @param filename the file name, empty for a nameless attachment
 * @param contentType the MIME type
 * @param extension the file extension without the dot, empty when nameless
 * @param size the size in bytes
 * @param contentId the Content-ID of an inline part, empty otherwise
 * @param seed the seed the bytes are generated from
 */
public record Attachment(String id, String filename, String contentType, String extension, long size,
                         String contentId, long seed) {
    public Attachment {
        requireNonNull(id, "id");
        requireNonNull(filename, "filename");
        requireNonNull(contentType, "contentType");
        requireNonNull(extension, "extension");
        requireNonNull(contentId, "contentId");
        if (size < 0) {
            throw new IllegalArgumentException("attachment size must be >= 0, got " + size);
        }
        FileFormat format = FileFormat.of(contentType);
        if (size < format.minimumSize() || size > format.maximumSize()) {
            throw new IllegalArgumentException("a generated " + contentType + " attachment must be between "
                    + format.minimumSize() + " and " + format.maximumSize() + " bytes, got " + size
                    + "; pick a size in range or another content type");
        }
    }

    /** Whether the part is inline (has a Content-ID); the real service leaves these out of counts. */
    public boolean inline() {
        return !contentId.isEmpty();
    }

    /** Writes the attachment bytes, generated on the fly: a valid file of the declared type. */
    public void writeTo(OutputStream out) throws IOException {
        FileFormat.of(contentType).write(seed, size, out);
    }

    /**
     * Opens a stream of the attachment bytes, generated on the fly by a daemon thread; close it
     * to stop the generation early.
     */
    public InputStream openStream() {
        PipedInputStream in = new PipedInputStream(64 * 1024);
        PipedOutputStream pipe;
        try {
            pipe = new PipedOutputStream(in);
        } catch (IOException e) {
            throw new UncheckedIOException("a fresh pipe always connects", e);
        }
        Thread writer = new Thread(() -> {
            try (pipe) {
                writeTo(pipe);
            } catch (IOException e) {
                // The reader closed the stream: nothing left to generate for.
            }
        }, "attachment-" + id);
        writer.setDaemon(true);
        writer.start();
        return in;
    }

    /** The hex SHA-256 of the bytes (computed by streaming them). */
    public String sha256() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            writeTo(new OutputStream() {
                @Override
                public void write(int b) {
                    digest.update((byte) b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    digest.update(b, off, len);
                }
            });
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        } catch (IOException e) {
            throw new UncheckedIOException("hashing writes to memory only", e);
        }
    }

    /**
     * The first line of text generated into the attachment (for a PNG, into its comment):
     * searching extracted text for one of its words finds the attachment. Empty for types
     * generated as random bytes.
     */
    public String headline() {
        return FileFormat.of(contentType) == FileFormat.RANDOM ? "" : TextLines.headline(seed);
    }
}
