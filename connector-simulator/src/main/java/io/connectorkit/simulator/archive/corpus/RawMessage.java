package io.connectorkit.simulator.archive.corpus;

import static java.util.Objects.requireNonNull;

import io.connectorkit.simulator.archive.Archive;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A hand-written message served exactly as given: {@code get-file} returns these bytes as the
 * message's {@code .eml}, whatever they hold (broken MIME, 8-bit headers, nothing at all). The
 * listing row comes from the metadata given here, since the bytes may not say. Add one with
 * {@link Archive#addRawMessage}. The bytes are held in memory, so keep raw messages few and small;
 * generated messages stay unstored.
 *
 * @param eml the exact bytes {@code get-file} serves (copied)
 * @param subject the subject the listing shows, may be empty
 * @param from the sender the listing shows
 * @param to the first recipient the listing shows
 * @param attachmentCount the attachment count the listing shows
 */
public record RawMessage(byte[] eml, String subject, Address from, Address to, int attachmentCount) {
    public RawMessage {
        eml = requireNonNull(eml, "eml").clone();
        requireNonNull(subject, "subject");
        requireNonNull(from, "from");
        requireNonNull(to, "to");
        if (attachmentCount < 0) {
            throw new IllegalArgumentException("attachmentCount must be 0 or more, got " + attachmentCount);
        }
    }

    /** Raw bytes listed with this subject, sender and recipient and no attachments. */
    public static RawMessage of(byte[] eml, String subject, Address from, Address to) {
        return new RawMessage(eml, subject, from, to, 0);
    }

    /** A copy of the bytes. */
    @Override
    public byte[] eml() {
        return eml.clone();
    }

    /** The number of bytes served. */
    public long size() {
        return eml.length;
    }

    /** Writes the bytes. */
    public void writeTo(OutputStream out) throws IOException {
        out.write(eml);
    }

    /** The content hash the listing shows: hex SHA-256 of the bytes, cut to 32 digits. */
    public String smash() {
        try {
            return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-256").digest(eml), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * The top-level header fields, as far as they can be read without a MIME parser: lines up to
     * the first empty line, unfolded, bytes read as ISO-8859-1, lines without a colon skipped.
     */
    public List<Map.Entry<String, String>> headers() {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        String text = new String(eml, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        int endLf = text.indexOf("\n\n");
        end = end < 0 ? endLf : endLf < 0 ? end : Math.min(end, endLf);
        String block = (end < 0 ? text : text.substring(0, end)).replaceAll("\r?\n[ \t]+", " ");
        for (String line : block.split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).matches("[\\x21-\\x39\\x3B-\\x7E]+")) {
                out.add(new AbstractMap.SimpleImmutableEntry<>(line.substring(0, colon),
                        line.substring(colon + 1).trim()));
            }
        }
        return out;
    }

    /** The first value of a top-level header field, by name (any case). */
    public Optional<String> header(String name) {
        return headers().stream().filter(h -> h.getKey().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
                .map(Map.Entry::getValue).findFirst();
    }
}
