package io.connectorkit.simulator.mimecast.wire;

import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.HttpExchange;
import io.connectorkit.simulator.mimecast.CallLog;
import io.connectorkit.simulator.mimecast.Endpoint;
import io.connectorkit.simulator.mimecast.RecordedRequest;
import io.connectorkit.simulator.mimecast.ResetUnit;
import io.connectorkit.simulator.mimecast.ServerOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;

/** One exchange being answered: adds headers, records the request, then sends (or cuts) the body. */
public final class Responder {
    private final HttpExchange ex;
    private final String path;
    private final String query;
    private final String body;
    private final Instant at;
    private final CallLog log;
    private final ServerOptions options;

    public Responder(HttpExchange ex, String path, String query, String body, Instant at, CallLog log,
              ServerOptions options) {
        this.log = requireNonNull(log, "log");
        this.options = requireNonNull(options, "options");
        this.ex = requireNonNull(ex, "ex");
        this.path = requireNonNull(path, "path");
        this.query = requireNonNull(query, "query");
        this.body = requireNonNull(body, "body");
        this.at = requireNonNull(at, "at");
    }

    public void send(Endpoint endpoint, Reply reply, RateLimiter.Decision decision, boolean cut, boolean malformed)
            throws IOException {
        if (decision != null) {
            rateHeaders(decision, reply.status() == 429);
        }
        reply.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        if (reply.contentType() != null) {
            ex.getResponseHeaders().set("Content-Type", reply.contentType());
        }
        if (malformed && reply.isJson() && reply.length() > 1) {
            ByteArrayOutputStream whole = new ByteArrayOutputStream();
            reply.body().writeTo(whole);
            byte[] half = Arrays.copyOf(whole.toByteArray(), (int) reply.length() / 2);
            reply = Reply.bytes(200, reply.contentType(), half);
        }
        log.answer(new RecordedRequest(endpoint, ex.getRequestMethod(), path, query,
                ex.getRequestHeaders(), body, cut ? 0 : reply.status(), at));
        long length = reply.length();
        ex.sendResponseHeaders(reply.status(), length <= 0 ? -1 : length);
        if (length <= 0) {
            return;
        }
        OutputStream out = ex.getResponseBody();
        if (cut) {
            long limit = Math.max(1, Math.min(length / 2, 64 * 1024));
            try {
                reply.body().writeTo(new CutOffStream(out, limit));
            } catch (CutOffStream.Reached reached) {
                out.flush();
                // Escaping the handler makes the JDK server close the connection mid-body.
                throw new UncheckedIOException(new IOException("connection dropped by a scripted fault"));
            }
            return;
        }
        reply.body().writeTo(out);
        out.flush();
    }

    private void rateHeaders(RateLimiter.Decision d, boolean limited) {
        long resetMillis = d.resetMillis();
        long epochMillis = options.clock().millis() + resetMillis;
        String reset = switch (options.resetUnit()) {
            case EPOCH_SECONDS -> Long.toString((epochMillis + 999) / 1000);
            case EPOCH_MILLIS -> Long.toString(epochMillis);
            default -> Long.toString(resetMillis);
        };
        String prefix = options.rateLimitHeaderPrefix();
        ex.getResponseHeaders().set(prefix + "Limit", Long.toString(d.limit()));
        ex.getResponseHeaders().set(prefix + "Remaining", Long.toString(d.remaining()));
        ex.getResponseHeaders().set(prefix + "Reset", reset);
        if (limited && options.resetUnit() == ResetUnit.RETRY_AFTER_SECONDS) {
            ex.getResponseHeaders().set("Retry-After", Long.toString(Math.max(1, (resetMillis + 999) / 1000)));
        }
    }
}
