package io.connectorkit.mimecast.client;

import static java.util.Objects.requireNonNull;

import com.google.gson.JsonObject;
import io.connectorkit.api.ConnectorContext;
import io.connectorkit.api.ConnectorException;
import io.connectorkit.api.ErrorKind;
import io.connectorkit.mimecast.MimecastConfig;
import io.connectorkit.mimecast.MimecastKeys;
import io.connectorkit.mimecast.http.MimecastHttp;
import io.connectorkit.mimecast.http.MimecastRedirects;
import io.connectorkit.mimecast.http.MimecastReply;
import io.connectorkit.mimecast.http.MimecastTrace;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;

/**
 * OAuth2 client-credentials tokens for one credential, cached and shared by every mailbox of a
 * session. A token is reused until its expiry plus {@code mimecast.auth-token-offset-seconds}
 * (negative refreshes early); {@link #invalidate} drops a token the server rejected so that the
 * next {@link #token()} mints a new one. Bad credentials are {@link ErrorKind#AUTHENTICATION} and
 * are not retried.
 */
public final class MimecastTokenSource {
    private static final long DEFAULT_EXPIRES_IN = 1800;

    private final MimecastHttp http;
    private final MimecastTrace trace;
    private final ConnectorContext context;
    private final MimecastConfig.Connection connection;
    private final Duration offset;
    private String token;
    private Instant refreshAt = Instant.MIN;

    @Inject
    MimecastTokenSource(MimecastHttp http, MimecastTrace trace, ConnectorContext context, MimecastConfig config) {
        this.http = requireNonNull(http, "http");
        this.trace = requireNonNull(trace, "trace");
        this.context = requireNonNull(context, "context");
        this.connection = requireNonNull(config, "config").connection();
        this.offset = config.performance().authTokenOffset();
    }

    /**
     * A valid access token, minted when there is none or it is due for refresh.
     *
     * @return the token
     * @throws ConnectorException AUTHENTICATION for rejected credentials, else as the call failed
     */
    public synchronized String token() throws ConnectorException {
        if (token == null || !context.clock().instant().isBefore(refreshAt)) {
            mint();
        }
        return token;
    }

    /**
     * Drops a token the server rejected; a later {@link #token()} mints a new one.
     *
     * @param rejected the token that was rejected
     */
    synchronized void invalidate(String rejected) {
        if (rejected != null && rejected.equals(token)) {
            token = null;
        }
    }

    private void mint() throws ConnectorException {
        String form = "grant_type=client_credentials&client_id=" + encode(connection.clientId())
                + "&client_secret=" + encode(connection.clientSecret());
        trace.body("request form", connection.tokenUrl(), form);
        Instant requested = context.clock().instant();
        MimecastReply reply;
        JsonObject body;
        int attempts = 0;
        do {
            reply = http.send(() -> ClassicRequestBuilder.post(connection.tokenUrl())
                    .setEntity(new StringEntity(form, ContentType.APPLICATION_FORM_URLENCODED))
                    .addHeader("Accept", "application/json").build(), false, 0);
            body = MimecastWire.parse(reply.text());
            // A 200 whose body is cut off is asked for again; one that stays unreadable is not a token service.
        } while (reply.status() == 200 && body == null && ++attempts < MimecastHttp.MAX_TRANSIENT);
        if (MimecastRedirects.is(reply.status())) {
            throw MimecastRedirects.refused("The token service " + connection.tokenUrl(), connection.tokenUrl(), reply,
                    MimecastKeys.AUTH_ENDPOINT);
        }
        List<MimecastFailure> failures = MimecastWire.failures(body);
        if (reply.status() == 400 || reply.status() == 401 || reply.status() == 403
                || failures.stream().anyMatch(MimecastFailure::authentication)) {
            String code = failures.stream().findFirst().map(MimecastFailure::code).orElse("none");
            throw new ConnectorException(ErrorKind.AUTHENTICATION, "The token service " + connection.tokenUrl()
                    + " rejected client id '" + connection.clientId() + "' (HTTP " + reply.status() + ", code " + code
                    + "): check mimecast.client-id and mimecast.client-secret against the API 2.0 application in the"
                    + " Mimecast console, and that mimecast.auth-endpoint is the right region");
        }
        String access = MimecastWire.accessToken(body).orElse(null);
        if (reply.status() != 200 || access == null || access.isBlank()) {
            ErrorKind kind = reply.status() >= 500 ? ErrorKind.TRANSIENT : ErrorKind.CONFIGURATION;
            throw new ConnectorException(kind, "The token service " + connection.tokenUrl() + " answered HTTP "
                    + reply.status() + " without an access token: check mimecast.auth-endpoint (a base URL such as"
                    + " https://api.services.mimecast.com, or the full token URL)");
        }
        trace.secret(access);
        long expiresIn = MimecastWire.expiresIn(body).orElse(DEFAULT_EXPIRES_IN);
        token = access;
        refreshAt = requested.plusSeconds(expiresIn).plus(offset);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
