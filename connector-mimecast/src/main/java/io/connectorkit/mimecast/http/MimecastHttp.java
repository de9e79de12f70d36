package io.connectorkit.mimecast.http;

import static java.util.Objects.requireNonNull;

import io.connectorkit.api.ConnectorContext;
import io.connectorkit.api.ConnectorException;
import io.connectorkit.api.ErrorKind;
import io.connectorkit.mimecast.MimecastConfig;
import io.connectorkit.mimecast.tls.MimecastTls;
import io.connectorkit.mimecast.tls.MimecastTlsException;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * The one place that sends HTTP requests. Every request waits its turn at the shared
 * {@link MimecastRateLimiter}, is counted and traced, and is retried here on a 429 (after the
 * server's hint; as long as the server keeps asking, up to {@link #MAX_RATE_LIMITED} times in a
 * row) and on 5xx or I/O errors (capped exponential backoff, {@link #MAX_TRANSIENT} retries).
 * Other statuses are returned for the caller to classify. A refused TLS certificate is not
 * retried: it ends the call with a {@link MimecastTlsException}. A call that cannot connect at all
 * is left to {@link MimecastOutage}, which waits for Mimecast or ends the call with a
 * {@link MimecastUnreachableException}.
 */
public final class MimecastHttp {
    static final int MAX_RATE_LIMITED = 200;
    public static final int MAX_TRANSIENT = 4;
    /** The longest pause between calls that wait for an unreachable Mimecast, so its return is seen soon. */
    private static final long OUTAGE_PAUSE_MILLIS = 5_000;

    private final CloseableHttpClient http;
    private final MimecastRateLimiter limiter;
    private final MimecastStats stats;
    private final MimecastTrace trace;
    private final ConnectorContext context;
    private final long multiplier;
    private final Optional<Path> caBundle;
    private final MimecastOutage outage;

    @Inject
    MimecastHttp(CloseableHttpClient http, MimecastRateLimiter limiter, MimecastStats stats, MimecastTrace trace,
            ConnectorContext context, MimecastConfig config, MimecastOutage outage) {
        this.http = requireNonNull(http, "http");
        this.limiter = requireNonNull(limiter, "limiter");
        this.stats = requireNonNull(stats, "stats");
        this.trace = requireNonNull(trace, "trace");
        this.context = requireNonNull(context, "context");
        this.multiplier = requireNonNull(config, "config").performance().retryAfterMultiplier();
        this.caBundle = config.connection().caBundle();
        this.outage = requireNonNull(outage, "outage");
    }

    /**
     * Sends a request until it gets an answer that is neither a rate limit nor a transient fault.
     *
     * @param request builds the request afresh for every attempt
     * @param spoolBinary whether a non-JSON 200 body is spooled (downloads) rather than read as text
     * @param maxBytes the size limit for spooled bodies
     * @return the reply
     * @throws ConnectorException RATE_LIMITED or TRANSIENT once the retries are used up
     */
    public MimecastReply send(Supplier<ClassicHttpRequest> request, boolean spoolBinary, long maxBytes)
            throws ConnectorException {
        return send(request, spoolBinary, maxBytes, true);
    }

    /**
     * Sends a request as {@link #send(Supplier, boolean, long)} does; a request that is not paced
     * (the GET of a pre-signed download URL, on the download host: not an API call, so outside the
     * API application's quota) neither waits its turn at the limiter nor counts as a call in flight.
     *
     * @param request builds the request afresh for every attempt
     * @param spoolBinary whether a non-JSON 200 body is spooled (downloads) rather than read as text
     * @param maxBytes the size limit for spooled bodies
     * @param paced whether the call waits its turn at the shared limiter
     * @return the reply
     * @throws ConnectorException RATE_LIMITED or TRANSIENT once the retries are used up
     */
    public MimecastReply send(Supplier<ClassicHttpRequest> request, boolean spoolBinary, long maxBytes, boolean paced)
            throws ConnectorException {
        int rateLimited = 0;
        int transientFaults = 0;
        int unreachable = 0;
        while (true) {
            if (paced) {
                limiter.awaitTurn();
            }
            try {
                ClassicHttpRequest req = request.get();
                String url = req.getRequestUri();
                try {
                    url = req.getUri().toString();
                } catch (java.net.URISyntaxException e) {
                    // keep the raw request URI for the log
                }
                long started = System.nanoTime();
                stats.call();
                MimecastReply reply;
                try {
                    reply = http.execute(req, response -> read(response.getCode(), response.getHeaders(),
                            response.getEntity(), spoolBinary, maxBytes));
                } catch (IOException e) {
                    trace.call(req.getMethod(), url, -1, elapsed(started));
                    stats.httpError(-1);
                    var refused = MimecastTls.refused(e, trace.redact(url), caBundle);
                    if (refused.isPresent()) {
                        throw refused.get();
                    }
                    if (connectFailure(e)) {
                        // Nothing reached Mimecast: an outage of the source, waited out (or ended) by the outage,
                        // never a failure of the item this call was for.
                        outage.unreachable(origin(req),
                                trace.redact(e.getClass().getSimpleName() + ": " + e.getMessage()), ++unreachable, e);
                        pause(Math.min(OUTAGE_PAUSE_MILLIS, backoffMillis(unreachable)));
                        continue;
                    }
                    if (++transientFaults > MAX_TRANSIENT) {
                        throw new ConnectorException(ErrorKind.TRANSIENT, req.getMethod() + " " + trace.redact(url)
                                + " failed " + transientFaults + " times: "
                                + trace.redact(String.valueOf(e.getMessage())) + "; check the network path to Mimecast",
                                e);
                    }
                    backoff(transientFaults);
                    continue;
                }
                outage.answered();
                unreachable = 0;
                trace.call(req.getMethod(), url, reply.status(), elapsed(started));
                if (reply.text() != null) {
                    trace.body("response", url, reply.text());
                }
                if (reply.status() == 429) {
                    stats.httpError(429);
                    rateLimited++;
                    Duration wait = limiter.rateLimited(reply::header, rateLimited);
                    if (rateLimited > MAX_RATE_LIMITED) {
                        throw new ConnectorException(ErrorKind.RATE_LIMITED, trace.redact(url) + " answered 429 "
                                + rateLimited + " times in a row; the quota of the API application is exhausted:"
                                + " ask Mimecast support to raise it or crawl fewer mailboxes at once", null, wait);
                    }
                    continue;
                }
                if (reply.status() >= 500) {
                    stats.httpError(reply.status());
                    if (++transientFaults > MAX_TRANSIENT) {
                        return reply;
                    }
                    backoff(transientFaults);
                    continue;
                }
                if (reply.status() >= 400) {
                    stats.httpError(reply.status());
                } else if (paced) {
                    limiter.observe(reply::header);
                }
                return reply;
            } finally {
                // After the answer's quota headers are read, so that the next caller sees both.
                if (paced) {
                    limiter.done();
                }
            }
        }
    }

    private MimecastReply read(int status, Header[] headers, HttpEntity entity, boolean spoolBinary,
            long maxBytes) throws IOException {
        Map<String, String> map = new HashMap<>();
        for (Header h : headers) {
            map.putIfAbsent(h.getName().toLowerCase(Locale.ROOT), h.getValue());
        }
        if (entity == null) {
            return new MimecastReply(status, map, "", null);
        }
        String type = entity.getContentType() == null ? "" : entity.getContentType().toLowerCase(Locale.ROOT);
        boolean json = type.contains("json");
        if (spoolBinary && status == 200 && !json) {
            String declared = entity.getContentType() == null ? null : entity.getContentType().split(";")[0].trim();
            try (var in = entity.getContent()) {
                return new MimecastReply(status, map, null,
                        MimecastSpool.read(in, context.tempDirectory(), maxBytes, declared, null));
            }
        }
        try {
            return new MimecastReply(status, map, EntityUtils.toString(entity, StandardCharsets.UTF_8), null);
        } catch (org.apache.hc.core5.http.ParseException e) {
            throw new IOException("Unreadable response body: " + e.getMessage(), e);
        }
    }

    private long elapsed(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    /**
     * Whether a call failed before any byte reached Mimecast: refused, no route, unknown host,
     * connect timeout. A connection dropped mid-answer is not one: that item may be at fault.
     */
    static boolean connectFailure(IOException e) {
        return e instanceof ConnectException || e instanceof NoRouteToHostException
                || e instanceof UnknownHostException || e instanceof ConnectTimeoutException;
    }

    private static String origin(ClassicHttpRequest req) {
        try {
            URI uri = req.getUri();
            return uri.getScheme() + "://" + uri.getRawAuthority();
        } catch (java.net.URISyntaxException e) {
            return String.valueOf(req.getAuthority());
        }
    }

    private long backoffMillis(int attempt) {
        return Math.min(64_000, (1L << Math.min(attempt - 1, 6)) * Math.max(1, multiplier));
    }

    private void backoff(int attempt) {
        pause(backoffMillis(attempt));
    }

    private void pause(long millis) {
        if (context.cancelled()) {
            throw new io.connectorkit.api.CancelledException("The run was cancelled while retrying a Mimecast call");
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new io.connectorkit.api.CancelledException("Interrupted while retrying a Mimecast call");
        }
    }
}
