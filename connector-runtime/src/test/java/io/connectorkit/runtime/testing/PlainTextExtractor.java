package io.connectorkit.runtime.testing;

import io.connectorkit.api.ContentSource;
import io.connectorkit.runtime.extract.ContentExtractor;
import io.connectorkit.runtime.extract.Extraction;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A test extractor: reads {@code text/plain} as UTF-8 and fails on every other type. */
public final class PlainTextExtractor implements ContentExtractor {
    @Override
    public Extraction extract(String documentId, ContentSource source) {
        String type = source.mediaType().orElse("application/octet-stream");
        if (!type.startsWith("text/plain")) {
            return new Extraction("", type, null, false, null, 0, "unsupported media type " + type);
        }
        try (InputStream in = source.open()) {
            byte[] bytes = in.readAllBytes();
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            return new Extraction(new String(bytes, StandardCharsets.UTF_8), type, null, false, sha, bytes.length, null);
        } catch (IOException | NoSuchAlgorithmException e) {
            return new Extraction("", type, null, false, null, 0, "unreadable: " + e.getMessage());
        }
    }

    @Override
    public void close() {
    }
}
