package io.connectorkit.mimecast.http;

import static java.util.Objects.requireNonNull;

import io.connectorkit.mimecast.MimecastConfig.TraceLevel;
import io.connectorkit.mimecast.MimecastConfig;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The trace log of API calls ({@code mimecast.trace-level}): {@code CALLS} logs method, URL,
 * status and duration; {@code ALL} also logs request forms and JSON responses. Everything
 * passes through {@link #redact}: the client secret, every access token seen, Authorization
 * headers and the signatures of download URLs never reach the log.
 */
public final class MimecastTrace {
    private static final Logger LOG = LogManager.getLogger(MimecastTrace.class);
    private static final String MASK = "********";
    private static final Pattern JSON_TOKEN =
            Pattern.compile("(\"(?:access_token|refresh_token|id_token|client_secret)\"\\s*:\\s*\")[^\"]*(\")");
    private static final Pattern FORM_SECRET = Pattern.compile("((?:client_secret|access_token)=)[^&\\s]*");
    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]+");
    private static final Pattern URL_QUERY = Pattern.compile("(https?://[^\\s\"?]+)\\?[^\\s\"]*");
    private static final int MAX_BODY_CHARS = 20_000;

    private final TraceLevel level;
    private final String clientSecret;
    private final Set<String> tokens = ConcurrentHashMap.newKeySet();

    @Inject
    MimecastTrace(MimecastConfig config) {
        this.level = requireNonNull(config, "config").logging().traceLevel();
        this.clientSecret = config.connection().clientSecret();
    }

    /**
     * Remembers a token so that it is masked wherever it appears.
     *
     * @param token an access token
     */
    public void secret(String token) {
        if (token != null && !token.isEmpty()) {
            tokens.add(token);
        }
    }

    /**
     * Logs one call at {@code CALLS} and above.
     *
     * @param method the HTTP method
     * @param url the URL (download URLs lose their query string)
     * @param status the HTTP status, or -1 when no response came
     * @param millis how long the call took
     */
    void call(String method, String url, int status, long millis) {
        if (level != TraceLevel.NONE) {
            LOG.info("{} {} -> {} in {} ms", method, redact(url), status < 0 ? "no response" : status, millis);
        }
    }

    /**
     * Logs a request or response body at {@code ALL}.
     *
     * @param what such as "request form" or "response"
     * @param url the URL
     * @param body the body text
     */
    public void body(String what, String url, String body) {
        if (level == TraceLevel.ALL && body != null) {
            String b = body.length() > MAX_BODY_CHARS ? body.substring(0, MAX_BODY_CHARS) + "..." : body;
            LOG.info("{} {}: {}", what, redact(url), redact(b));
        }
    }

    /** @return whether bodies are logged, so callers can skip building them */
    boolean bodies() {
        return level == TraceLevel.ALL;
    }

    /**
     * Masks every secret in a text.
     *
     * @param text the text
     * @return the text without secrets
     */
    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String t = text;
        if (!clientSecret.isEmpty()) {
            t = t.replace(clientSecret, MASK);
        }
        for (String token : tokens) {
            t = t.replace(token, MASK);
        }
        t = JSON_TOKEN.matcher(t).replaceAll("$1" + MASK + "$2");
        t = FORM_SECRET.matcher(t).replaceAll("$1" + MASK);
        t = BEARER.matcher(t).replaceAll("$1" + MASK);
        return URL_QUERY.matcher(t).replaceAll("$1?" + MASK);
    }
}
