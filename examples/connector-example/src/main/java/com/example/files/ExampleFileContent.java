package com.example.files;

import io.connectorkit.api.ContentSource;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * The binary content of a file of the example connector, read whole when it was listed (the
 * files are small), so its length and SHA-256 are known.
 *
 * @param bytes the file's bytes
 * @param name the file name
 */
record ExampleFileContent(byte[] bytes, String name) implements ContentSource {
    ExampleFileContent {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(name, "name");
    }

    static ExampleFileContent of(byte[] bytes, String name) {
        return new ExampleFileContent(bytes.clone(), name);
    }

    @Override
    public InputStream open() {
        return new ByteArrayInputStream(bytes);
    }

    @Override
    public long length() {
        return bytes.length;
    }

    @Override
    public Optional<String> mediaType() {
        // The host detects it from the bytes and the file name.
        return Optional.empty();
    }

    @Override
    public Optional<String> fileName() {
        return Optional.of(name);
    }

    @Override
    public Optional<String> sha256() {
        try {
            return Optional.of(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
