package io.connectorkit.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.connectorkit.simulator.mimecast.faults.Gate;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An HTTP proxy in front of the embedded index that records the Authorization header of every
 * request (the embedded node has no security plugin and ignores it) and, when told to, answers
 * bulk requests as a secured cluster that denies the user the write, or refuses every request
 * without the expected credentials. It can also hold the bulk request that carries a given
 * document at a {@link Gate} and then drop it, as if the crawl had died just before sending it.
 */
final class IndexProxy implements AutoCloseable {
    private static final Set<String> HOP_HEADERS = Set.of("connection", "content-length", "expect", "host", "upgrade",
            "transfer-encoding", "keep-alive");

    private final HttpServer server;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String target;
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final AtomicBoolean denyBulk = new AtomicBoolean();
    private final AtomicReference<String> required = new AtomicReference<>();
    private final AtomicReference<Map.Entry<String, Gate>> held = new AtomicReference<>();

    private IndexProxy(String target) throws IOException {
        this.target = target;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
    }

    static IndexProxy start(String target) throws IOException {
        return new IndexProxy(target);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** @return every Authorization header value received */
    List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    /** Makes every later bulk request answer 403, as a cluster does for a user without write rights. */
    void denyBulk(boolean deny) {
        denyBulk.set(deny);
    }

    /**
     * Makes every later request whose Authorization header is not this one answer 401, as a
     * secured cluster does for a wrong password.
     *
     * @param authorization the one header value accepted, or {@code null} to accept any
     */
    void requireAuthorization(String authorization) {
        required.set(authorization);
    }

    /**
     * Holds the first later bulk request that carries this document at the gate; once the gate is
     * opened the request is answered 503 without reaching the index.
     *
     * @param documentId the document id
     * @param gate where the request waits
     */
    void holdBulkWith(String documentId, Gate gate) {
        held.set(Map.entry("\"_id\":\"" + documentId + "\"", gate));
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (auth != null) {
                authorizations.add(auth);
            }
            URI uri = exchange.getRequestURI();
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String expected = required.get();
            if (expected != null && !expected.equals(auth)) {
                byte[] refused = ("{\"error\":{\"type\":\"security_exception\",\"reason\":\"unable to authenticate"
                        + " user for REST request\"},\"status\":401}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"security\"");
                exchange.sendResponseHeaders(401, refused.length);
                exchange.getResponseBody().write(refused);
                return;
            }
            Map.Entry<String, Gate> hold = held.get();
            if (hold != null && uri.getPath().endsWith("/_bulk")
                    && new String(body, StandardCharsets.UTF_8).contains(hold.getKey()) && held.compareAndSet(hold, null)) {
                hold.getValue().pass();
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            if (denyBulk.get() && uri.getPath().endsWith("/_bulk")) {
                byte[] denied = ("{\"error\":{\"type\":\"security_exception\",\"reason\":\"action"
                        + " [indices:data/write/bulk] is unauthorized for user [indexer]\"},\"status\":403}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(403, denied.length);
                exchange.getResponseBody().write(denied);
                return;
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + uri.getRawPath()
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())))
                    .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            for (Map.Entry<String, List<String>> h : exchange.getRequestHeaders().entrySet()) {
                if (!HOP_HEADERS.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                    h.getValue().forEach(v -> request.header(h.getKey(), v));
                }
            }
            HttpResponse<byte[]> response;
            try {
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            response.headers().map().forEach((name, values) -> {
                if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    values.forEach(v -> exchange.getResponseHeaders().add(name, v));
                }
            });
            byte[] answer = response.body();
            boolean empty = answer.length == 0 || exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(response.statusCode(), empty ? -1 : answer.length);
            if (!empty) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }
}
