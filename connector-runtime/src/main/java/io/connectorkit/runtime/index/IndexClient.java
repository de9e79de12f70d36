package io.connectorkit.runtime.index;

import static java.util.Objects.requireNonNull;

import co.elastic.clients.transport.rest5_client.low_level.Request;
import co.elastic.clients.transport.rest5_client.low_level.Response;
import co.elastic.clients.transport.rest5_client.low_level.ResponseException;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.connectorkit.api.support.PemTrust;
import io.connectorkit.runtime.config.SinkConfig;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.ParseException;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Plain-JSON access to an Elasticsearch or OpenSearch cluster over the low-level REST client,
 * with retries and exponential backoff on connection errors, 429 and 5xx, waiting up to the
 * policy's {@code maxWait} while the index is unavailable. Credentials go in
 * default headers and never into messages or logs. TLS trusts the JDK's trust store plus
 * {@code sink.elasticsearch.ca-bundle} when set, always verifying host names; a refused
 * certificate is never retried ({@link IndexCertificateException}).
 */
public final class IndexClient implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(IndexClient.class);

    private final Rest5Client client;
    private final String description;
    private final RetryPolicy retry;
    private final Optional<Path> caBundle;
    private final IndexOutage outage;

    /**
     * The answer to a request.
     *
     * @param status the HTTP status
     * @param body the JSON body, or an empty object when there was none
     */
    public record Reply(int status, JsonObject body) {
        /** @return whether the status is 2xx */
        public boolean ok() {
            return status >= 200 && status < 300;
        }

        /** @return the error the index gave, for messages ({@code type: reason}), or the status */
        public String reason() {
            return IndexErrors.reason(this);
        }
    }

    /**
     * Creates a client.
     *
     * @param urls the cluster URLs
     * @param config credentials come from here
     * @param retry how often and how long to retry
     */
    public IndexClient(List<String> urls, SinkConfig config, RetryPolicy retry) {
        this(urls, config, retry, Optional.empty());
    }

    /**
     * Creates a client that sends a given {@code Authorization} header instead of the configured
     * credentials, such as the embedded index's.
     *
     * @param urls the cluster URLs
     * @param config TLS settings and, without {@code authorization}, credentials come from here
     * @param retry how often and how long to retry
     * @param authorization the header's value, never logged
     */
    public IndexClient(List<String> urls, SinkConfig config, RetryPolicy retry, Optional<String> authorization) {
        requireNonNull(urls, "urls");
        requireNonNull(authorization, "authorization");
        requireNonNull(config, "config");
        this.retry = requireNonNull(retry, "retry");
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("No index URL given");
        }
        this.description = String.join(",", urls);
        this.outage = new IndexOutage(description, retry.maxWait());
        Header[] headers;
        if (authorization.isPresent()) {
            headers = new Header[] {new BasicHeader("Authorization", authorization.get())};
        } else if (!config.apiKey().isEmpty()) {
            headers = new Header[] {new BasicHeader("Authorization", "ApiKey " + config.apiKey())};
        } else if (!config.username().isEmpty()) {
            String token = Base64.getEncoder().encodeToString(
                    (config.username() + ":" + config.password()).getBytes(StandardCharsets.UTF_8));
            headers = new Header[] {new BasicHeader("Authorization", "Basic " + token)};
        } else {
            headers = new Header[0];
        }
        this.caBundle = config.caBundle();
        var builder = Rest5Client.builder(urls.stream().map(URI::create).toList())
                .setDefaultHeaders(headers)
                .setMetaHeaderEnabled(false);
        if (caBundle.isPresent()) {
            try {
                builder.setSSLContext(PemTrust.sslContext(caBundle.get()));
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalArgumentException(SinkConfig.CA_BUNDLE + " = '" + caBundle.get() + "': "
                        + e.getMessage(), e);
            }
        }
        this.client = builder.build();
    }

    /**
     * Sends a request, retrying connection errors, 429 and 5xx answers.
     *
     * @param method the HTTP method
     * @param endpoint the path, such as {@code /index/_bulk}
     * @param params query parameters
     * @param body the body, or {@code null}
     * @param contentType {@code application/json} or {@code application/x-ndjson}
     * @return the final answer, whatever its status (after retries ran out for retryable ones)
     * @throws IOException if the cluster could not be reached after retries
     */
    public Reply send(String method, String endpoint, Map<String, String> params, String body, ContentType contentType)
            throws IOException {
        return send(method, endpoint, params, body == null ? null
                : body.getBytes(contentType.getCharset() == null ? StandardCharsets.UTF_8 : contentType.getCharset()),
                contentType);
    }

    /**
     * Sends a request whose body is already encoded, retrying connection errors, 429 and 5xx
     * answers; the same bytes go out again on each attempt.
     *
     * @param method the HTTP method
     * @param endpoint the path, such as {@code /index/_bulk}
     * @param params query parameters
     * @param body the body's bytes in the content type's charset (UTF-8 for JSON), or {@code null}
     * @param contentType {@code application/json} or {@code application/x-ndjson}
     * @return the final answer, whatever its status (after retries ran out for retryable ones)
     * @throws IOException if the cluster could not be reached after retries
     */
    public Reply send(String method, String endpoint, Map<String, String> params, byte[] body, ContentType contentType)
            throws IOException {
        IOException last = null;
        Reply reply = null;
        Instant failingSince = null;
        for (int attempt = 0; ; attempt++) {
            if (attempt > 0) {
                sleep(retry.backoff(attempt));
            }
            Request request = new Request(method, endpoint);
            request.addParameters(params);
            if (body != null) {
                request.setEntity(new ByteArrayEntity(body, contentType));
            }
            try {
                reply = read(client.performRequest(request));
                last = null;
            } catch (ResponseException e) {
                reply = read(e.getResponse());
                last = null;
            } catch (IOException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw e;
                }
                var refusal = PemTrust.refusal(e);
                if (refusal.isPresent()) {
                    throw refused(refusal.get(), e);
                }
                last = e;
                LOG.debug("{} {} on {} failed ({}), attempt {}", method, endpoint, description, e.toString(), attempt + 1);
            }
            if (last == null && !RetryPolicy.retryableStatus(reply.status())) {
                // Only a success shows the index is back: a shard that is missing (404) or a
                // conflict (409) can be the outage's own doing.
                if (reply.ok()) {
                    outage.available();
                }
                return reply;
            }
            if (failingSince == null) {
                // During an outage a new request waits only for what is left of the outage's wait,
                // so the crawl waits sink.retry.max-wait-seconds in all, not that much per request.
                failingSince = outage.since().orElseGet(Instant::now);
            }
            boolean unavailable = last != null || RetryPolicy.unavailableStatus(reply.status());
            String reason = last != null ? last.getClass().getSimpleName() + ": " + last.getMessage()
                    : "HTTP " + reply.status();
            if (last == null) {
                LOG.debug("{} {} on {} answered {}, attempt {}", method, endpoint, description, reply.status(), attempt + 1);
            }
            if (!retry.again(attempt, Duration.between(failingSince, Instant.now()), unavailable)) {
                break;
            }
            if (unavailable && attempt >= retry.maxRetries()) {
                outage.waiting(failingSince, reason);
            }
        }
        if (last != null) {
            throw new IOException("Cannot reach the index at " + description + " (" + last.getMessage()
                    + "); check sink.elasticsearch.url and that the cluster is running"
                    + (retry.maxWait().isZero() ? "" : ", or raise sink.retry.max-wait-seconds (waited "
                            + Duration.between(failingSince, Instant.now()).toSeconds() + " s)"), last);
        }
        return reply;
    }

    private IndexCertificateException refused(PemTrust.Refusal refusal, IOException e) {
        String bundle = SinkConfig.CA_BUNDLE + caBundle.map(p -> " (" + p + ")").orElse("");
        if (refusal.hostMismatch()) {
            return new IndexCertificateException("The TLS certificate of the index at " + description + " is not"
                    + " issued for its host name (" + refusal.detail() + "); nothing was sent. Use the host name the"
                    + " certificate was issued for in sink.elasticsearch.url; " + bundle + " only adds trusted CAs,"
                    + " host names are always checked", e);
        }
        return new IndexCertificateException("The TLS certificate of the index at " + description + " is not trusted ("
                + refusal.detail() + "); nothing was sent. " + (caBundle.isPresent()
                        ? "The chain does not lead to a CA in " + bundle + " or the JDK's trust store: add the CA that"
                        + " signed the cluster's certificate to that PEM file"
                        : "If the cluster uses a private CA (such as the one Elasticsearch generates at install), set "
                        + bundle + " to a PEM file with that CA's certificate (for Elasticsearch:"
                        + " config/certs/http_ca.crt); certificate checks cannot be turned off"), e);
    }

    /**
     * Since when requests wait for an unavailable index.
     *
     * @return the instant the index became unavailable, or empty while it answers
     */
    public Optional<Instant> unavailableSince() {
        return outage.since();
    }

    /**
     * Sends a JSON request.
     *
     * @param method the HTTP method
     * @param endpoint the path
     * @param params query parameters
     * @param json the JSON body, or {@code null}
     * @return the answer
     * @throws IOException if the cluster could not be reached after retries
     */
    public Reply json(String method, String endpoint, Map<String, String> params, String json) throws IOException {
        return send(method, endpoint, params, json, ContentType.APPLICATION_JSON);
    }

    /** @return the cluster URLs, for messages */
    public String description() {
        return description;
    }

    /** @return the retry policy */
    public RetryPolicy retry() {
        return retry;
    }

    private static Reply read(Response response) throws IOException {
        String text;
        try {
            text = response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
        } catch (ParseException e) {
            throw new IOException("Unreadable answer from the index", e);
        }
        JsonObject body = new JsonObject();
        if (!text.isBlank()) {
            try {
                var parsed = JsonParser.parseString(text);
                if (parsed.isJsonObject()) {
                    body = parsed.getAsJsonObject();
                }
            } catch (RuntimeException e) {
                body.addProperty("raw", text.length() > 500 ? text.substring(0, 500) : text);
            }
        }
        return new Reply(response.getStatusCode(), body);
    }

    /**
     * Waits before a retry, as this client does between its own attempts.
     *
     * @param d the wait, such as {@link RetryPolicy#backoff}
     * @throws InterruptedIOException if the thread is interrupted (its flag is set again)
     */
    public static void sleep(Duration d) throws InterruptedIOException {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while waiting to retry");
        }
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException e) {
            LOG.debug("Closing the index client failed", e);
        }
    }
}
