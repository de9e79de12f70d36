package io.connectorkit.simulator.mimecast.wire;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opaque base64url tokens (page tokens, download URL contexts) holding a few text fields and a
 * MAC, so clients cannot forge or alter them and the server stays stateless.
 */
public final class SignedTokens {
    private static final int MAC_BYTES = 12;
    private final byte[] key = new byte[32];

    public SignedTokens() {
        new SecureRandom().nextBytes(key);
    }

    public String sign(List<String> fields) {
        byte[] payload = String.join("\n", fields).getBytes(StandardCharsets.UTF_8);
        byte[] mac = mac(payload);
        byte[] all = Arrays.copyOf(payload, payload.length + MAC_BYTES);
        System.arraycopy(mac, 0, all, payload.length, MAC_BYTES);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(all);
    }

    public Optional<List<String>> verify(String token) {
        byte[] all;
        try {
            all = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (all.length < MAC_BYTES) {
            return Optional.empty();
        }
        byte[] payload = Arrays.copyOf(all, all.length - MAC_BYTES);
        byte[] mac = Arrays.copyOfRange(all, all.length - MAC_BYTES, all.length);
        if (!MessageDigest.isEqual(mac, Arrays.copyOf(mac(payload), MAC_BYTES))) {
            return Optional.empty();
        }
        return Optional.of(List.of(new String(payload, StandardCharsets.UTF_8).split("\n", -1)));
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
