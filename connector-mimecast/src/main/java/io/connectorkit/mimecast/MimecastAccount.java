package io.connectorkit.mimecast;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What {@code /api/account/get-account} says about the tenant ({@code data[0]}): its name and
 * code, whether it has the archive ({@code archive}) and its longest retention in days
 * ({@code maxRetention}). The answer's shape is known from one fixture only, so booleans and
 * numbers are also read from strings, and a missing or non-positive retention is "not stated".
 *
 * @param name {@code accountName}, or empty
 * @param code {@code accountCode}, or empty
 * @param archive {@code archive}: empty when not stated
 * @param maxRetentionDays {@code maxRetention} in days: empty when not stated
 */
record MimecastAccount(String name, String code, Optional<Boolean> archive, OptionalInt maxRetentionDays) {
    static final String PATH = "/api/account/get-account";

    static MimecastAccount read(JsonObject body) {
        JsonObject a = MimecastJson.objects(body, "data").stream().findFirst().orElse(new JsonObject());
        return new MimecastAccount(MimecastJson.string(a, "accountName").orElse(""),
                MimecastJson.string(a, "accountCode").orElse(""), bool(a.get("archive")), days(a.get("maxRetention")));
    }

    /** The oldest received time the account keeps, if its retention is stated. */
    Optional<Instant> retainedSince(Instant now) {
        return maxRetentionDays.isPresent() ? Optional.of(now.minus(Duration.ofDays(maxRetentionDays.getAsInt())))
                : Optional.empty();
    }

    /** The account as people name it: {@code 'Fake Tenant' (CUSA00A00)}. */
    String label() {
        String n = name.isBlank() ? "the account" : "'" + name + "'";
        return code.isBlank() ? n : n + " (" + code + ")";
    }

    private static Optional<Boolean> bool(JsonElement e) {
        if (e == null || !e.isJsonPrimitive()) {
            return Optional.empty();
        }
        JsonPrimitive p = e.getAsJsonPrimitive();
        if (p.isBoolean()) {
            return Optional.of(p.getAsBoolean());
        }
        String s = p.getAsString().trim().toLowerCase(Locale.ROOT);
        return s.equals("true") ? Optional.of(true) : s.equals("false") ? Optional.of(false) : Optional.empty();
    }

    private static OptionalInt days(JsonElement e) {
        if (e == null || !e.isJsonPrimitive()) {
            return OptionalInt.empty();
        }
        try {
            double d = Double.parseDouble(e.getAsJsonPrimitive().getAsString().trim());
            return d >= 1 && d < Integer.MAX_VALUE ? OptionalInt.of((int) d) : OptionalInt.empty();
        } catch (NumberFormatException bad) {
            return OptionalInt.empty();
        }
    }
}
