package io.connectorkit.extract;

import io.connectorkit.api.ContentSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** A content source over bytes that counts how often it is opened. */
final class TestContent implements ContentSource {
    private final byte[] bytes;
    private final String mediaType;
    private final String fileName;
    private final String sha256;
    private final AtomicInteger opens;

    private TestContent(byte[] bytes, String mediaType, String fileName, String sha256, AtomicInteger opens) {
        this.bytes = bytes;
        this.mediaType = mediaType;
        this.fileName = fileName;
        this.sha256 = sha256;
        this.opens = opens;
    }

    static TestContent of(byte[] bytes, String mediaType, String fileName) {
        return new TestContent(bytes, mediaType, fileName, null, new AtomicInteger());
    }

    /** The same content, declaring its SHA-256 up front. */
    TestContent withDeclaredSha256() {
        return new TestContent(bytes, mediaType, fileName, sha256(bytes), opens);
    }

    /** The same content, counting opens into the given counter. */
    TestContent countingInto(AtomicInteger counter) {
        return new TestContent(bytes, mediaType, fileName, sha256, counter);
    }

    int opens() {
        return opens.get();
    }

    @Override
    public InputStream open() throws IOException {
        opens.incrementAndGet();
        return new ByteArrayInputStream(bytes);
    }

    @Override
    public long length() {
        return bytes.length;
    }

    @Override
    public Optional<String> mediaType() {
        return Optional.ofNullable(mediaType);
    }

    @Override
    public Optional<String> fileName() {
        return Optional.ofNullable(fileName);
    }

    @Override
    public Optional<String> sha256() {
        return Optional.ofNullable(sha256);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
