package io.connectorkit.simulator.mimecast.routes;

import static java.util.Objects.requireNonNull;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Mints bearer tokens and checks them; a token is valid for the TTL after it was minted. */
public final class TokenIssuer {
    public enum Status { MISSING, UNKNOWN, EXPIRED, VALID }

    public record Check(Status status, String clientId) {
    }

    private record Issued(String clientId, Instant expires) {
    }

    private final Clock clock;
    private final Duration ttl;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Issued> tokens = new ConcurrentHashMap<>();

    public TokenIssuer(Clock clock, Duration ttl) {
        this.clock = requireNonNull(clock, "clock");
        this.ttl = requireNonNull(ttl, "ttl");
    }

    String issue(String clientId) {
        byte[] bytes = new byte[21];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        tokens.put(token, new Issued(clientId, clock.instant().plus(ttl)));
        return token;
    }

    long expiresInSeconds() {
        return ttl.toSeconds();
    }

    public Check check(Optional<String> authorization) {
        if (authorization.isEmpty() || !authorization.get().regionMatches(true, 0, "Bearer ", 0, 7)) {
            return new Check(Status.MISSING, null);
        }
        Issued issued = tokens.get(authorization.get().substring(7).trim());
        if (issued == null) {
            return new Check(Status.UNKNOWN, null);
        }
        if (!clock.instant().isBefore(issued.expires())) {
            return new Check(Status.EXPIRED, issued.clientId());
        }
        return new Check(Status.VALID, issued.clientId());
    }

    /** Makes every token minted so far expired. */
    public void expireAll() {
        Instant now = clock.instant();
        tokens.replaceAll((k, v) -> new Issued(v.clientId(), now));
    }
}
