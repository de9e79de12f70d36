package io.connectorkit.simulator.mimecast.routes;

import static java.util.Objects.requireNonNull;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.connectorkit.simulator.mimecast.Endpoint;
import io.connectorkit.simulator.mimecast.ServerOptions;
import io.connectorkit.simulator.mimecast.TokenMismatch;
import io.connectorkit.simulator.mimecast.wire.Call;
import io.connectorkit.simulator.mimecast.wire.Envelope;
import io.connectorkit.simulator.mimecast.wire.Reply;
import io.connectorkit.simulator.mimecast.wire.SignedTokens;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Page tokens bound to the query that produced them. A token carries its query, so follow-up
 * requests may omit {@code data}; when they send it, it must be the same query.
 */
public final class Paging {
    /** A request's query and where to resume, or the answer to give instead. */
    record Resolved(JsonObject query, String cursor, Reply error) {
    }

    private final SignedTokens tokens;
    private final ServerOptions options;

    public Paging(SignedTokens tokens, ServerOptions options) {
        this.tokens = requireNonNull(tokens, "tokens");
        this.options = requireNonNull(options, "options");
    }

    String token(Endpoint endpoint, JsonObject query, String cursor, Instant now) {
        return tokens.sign(List.of("pt", endpoint.name(), query.toString(), cursor, Long.toString(now.toEpochMilli())));
    }

    /**
     * Resolves the request: {@code queryFromData} is the canonical query of the request's data
     * (null if it has none).
     */
    Resolved resolve(Call call, JsonObject queryFromData) {
        Optional<String> pageToken = call.pageToken();
        if (pageToken.isEmpty()) {
            return new Resolved(queryFromData, null, null);
        }
        Optional<List<String>> fields = tokens.verify(pageToken.get());
        if (fields.isEmpty() || fields.get().size() != 5 || !fields.get().get(0).equals("pt")
                || !fields.get().get(1).equals(call.endpoint().name())) {
            return new Resolved(null, null, mismatch(call, "err_invalid_page_token",
                    "The page token is not valid for this request"));
        }
        List<String> f = fields.get();
        if (!options.pageTokenTtl().isZero()
                && call.now().toEpochMilli() - Long.parseLong(f.get(4)) >= options.pageTokenTtl().toMillis()) {
            return new Resolved(null, null, expired(call));
        }
        if (queryFromData != null && !queryFromData.toString().equals(f.get(2))) {
            return new Resolved(null, null, mismatch(call, "err_invalid_page_token",
                    "The page token was issued for a different query"));
        }
        return new Resolved(JsonParser.parseString(f.get(2)).getAsJsonObject(), f.get(3), null);
    }

    public Reply expired(Call call) {
        return mismatch(call, "err_page_token_expired", "The page token has expired");
    }

    private Reply mismatch(Call call, String code, String message) {
        if (options.tokenMismatch() == TokenMismatch.BAD_REQUEST) {
            return Reply.empty(400);
        }
        return Envelope.functionFailure(call.item(), code, message, false, "pageToken");
    }

    JsonObject pagination(int pageSize, String next, String previous) {
        JsonObject pagination = new JsonObject();
        pagination.addProperty("pageSize", pageSize);
        if (next != null) {
            pagination.addProperty("next", next);
        }
        if (previous != null) {
            pagination.addProperty("previous", previous);
        }
        return pagination;
    }
}
