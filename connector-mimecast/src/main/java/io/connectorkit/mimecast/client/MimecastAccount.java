package io.connectorkit.mimecast.client;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What {@code /api/account/get-account} says about the tenant ({@code data[0]}): its name and
 * code, whether it has the archive ({@code archive}) and its longest retention in days
 * ({@code maxRetention}), as {@link MimecastWire#account} reads it.
 *
 * @param name {@code accountName}, or empty
 * @param code {@code accountCode}, or empty
 * @param archive {@code archive}: empty when not stated
 * @param maxRetentionDays {@code maxRetention} in days: empty when not stated
 */
public record MimecastAccount(String name, String code, Optional<Boolean> archive, OptionalInt maxRetentionDays) {
    static final String PATH = "/api/account/get-account";

    /** The oldest received time the account keeps, if its retention is stated. */
    public Optional<Instant> retainedSince(Instant now) {
        return maxRetentionDays.isPresent() ? Optional.of(now.minus(Duration.ofDays(maxRetentionDays.getAsInt())))
                : Optional.empty();
    }

    /** The account as people name it: {@code 'Fake Tenant' (CUSA00A00)}. */
    public String label() {
        String n = name.isBlank() ? "the account" : "'" + name + "'";
        return code.isBlank() ? n : n + " (" + code + ")";
    }

}
