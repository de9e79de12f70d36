package io.connectorkit.simulator.mimecast.routes;

import static java.util.Objects.requireNonNull;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.connectorkit.simulator.mimecast.ServerOptions;
import io.connectorkit.simulator.mimecast.wire.Reply;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** {@code POST /oauth/token}: the client-credentials grant, form-encoded only. */
public final class TokenEndpoint {
    private final ServerOptions options;
    private final TokenIssuer tokens;

    public TokenEndpoint(ServerOptions options, TokenIssuer tokens) {
        this.options = requireNonNull(options, "options");
        this.tokens = requireNonNull(tokens, "tokens");
    }

    public Reply answer(String contentType, String body) {
        String type = contentType == null ? "" : contentType;
        if (!type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            return failure(400, "InvalidRequest", "Content-Type must be application/x-www-form-urlencoded");
        }
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        if (!"client_credentials".equals(form.get("grant_type"))) {
            return failure(400, "UnsupportedGrantType", "grant_type must be client_credentials");
        }
        String id = form.get("client_id");
        String secret = form.get("client_secret");
        if (id == null || secret == null || !secret.equals(options.credentials().get(id))) {
            return failure(401, "InvalidClientIdentifier", "Client credentials are invalid");
        }
        JsonObject token = new JsonObject();
        token.addProperty("access_token", tokens.issue(id));
        token.addProperty("token_type", "Bearer");
        token.addProperty("expires_in", tokens.expiresInSeconds());
        token.addProperty("scope", "");
        return Reply.json(200, token);
    }

    /** Auth-level failures have code and message directly in fail[0], and no meta. */
    private static Reply failure(int status, String code, String message) {
        JsonObject entry = new JsonObject();
        entry.addProperty("code", code);
        entry.addProperty("message", message);
        JsonArray fail = new JsonArray();
        fail.add(entry);
        JsonObject body = new JsonObject();
        body.add("fail", fail);
        return Reply.json(status, body);
    }
}
