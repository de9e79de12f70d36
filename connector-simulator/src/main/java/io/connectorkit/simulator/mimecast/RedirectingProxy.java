package io.connectorkit.simulator.mimecast;

import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A plain-HTTP server on 127.0.0.1 in front of a target such as the {@link FakeMimecastServer}: a
 * request whose path starts with a prefix given to {@link #redirect} is answered with that status
 * and a {@code Location} on another base (the request's path and query appended), every other
 * request is forwarded to the target. Forwarded JSON answers have the target's base URL replaced
 * by the proxy's, so that the download URLs they hand out lead back through the proxy. This is
 * how an endpoint that is not Mimecast's, or a download host that moved, looks to the connector.
 * Thread-safe; close it.
 */
public final class RedirectingProxy implements AutoCloseable {
    private static final Set<String> HOP_HEADERS = Set.of("host", "connection", "content-length", "expect",
            "upgrade", "transfer-encoding", "keep-alive");

    private final String target;
    private final HttpServer server;
    private final ExecutorService executor;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<String, Redirect> redirects = new ConcurrentHashMap<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

    private record Redirect(int status, String base, String query) {
    }

    private RedirectingProxy(String target) throws IOException {
        this.target = requireNonNull(target, "target").replaceAll("/+$", "");
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        this.executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "redirecting-proxy");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * Starts a proxy.
     *
     * @param target the base URL requests are forwarded to, such as {@link FakeMimecastServer#baseUrl()}
     * @return the running proxy, forwarding everything until {@link #redirect} is called
     * @throws IOException if no port can be bound
     */
    public static RedirectingProxy start(String target) throws IOException {
        return new RedirectingProxy(target);
    }

    /**
     * Answers requests under a path prefix with a redirect.
     *
     * @param pathPrefix such as {@code /oauth/token}, {@code /api/} or {@code /download/}
     * @param status the redirect status, such as 302 or 307
     * @param base the base URL of the {@code Location}; the request's path and query are appended
     * @param query extra query parameters for the {@code Location} (such as a signature), or empty
     * @return this proxy
     */
    public RedirectingProxy redirect(String pathPrefix, int status, String base, String query) {
        redirects.put(requireNonNull(pathPrefix, "pathPrefix"),
                new Redirect(status, requireNonNull(base, "base").replaceAll("/+$", ""), requireNonNull(query, "query")));
        return this;
    }

    /** @return {@code http://127.0.0.1:<port>} */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** @return every request received, in order; {@code status} is what the proxy answered */
    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery();
            byte[] body = exchange.getRequestBody().readAllBytes();
            Redirect redirect = redirects.entrySet().stream().filter(e -> path.startsWith(e.getKey()))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            if (redirect != null) {
                String extra = redirect.query().isEmpty() ? query
                        : query.isEmpty() ? redirect.query() : query + "&" + redirect.query();
                exchange.getResponseHeaders().add("Location",
                        redirect.base() + path + (extra.isEmpty() ? "" : "?" + extra));
                record(exchange, path, query, body, redirect.status());
                exchange.sendResponseHeaders(redirect.status(), -1);
            } else {
                forward(exchange, path, query, body);
            }
        }
    }

    // Recorded before the answer is sent, so that a client that has its answer finds the request recorded.
    private void record(HttpExchange exchange, String path, String query, byte[] body, int status) {
        requests.add(new RecordedRequest(null, exchange.getRequestMethod(), path, query,
                exchange.getRequestHeaders(), new String(body, StandardCharsets.UTF_8), status, Instant.now()));
    }

    private void forward(HttpExchange exchange, String path, String query, byte[] body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + path + (query.isEmpty() ? "" : "?"
                + query))).method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> request.header(name, v));
            }
        });
        HttpResponse<byte[]> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while forwarding", e);
        }
        byte[] answer = response.body();
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (type.contains("json")) {
            answer = new String(answer, StandardCharsets.UTF_8).replace(target, baseUrl())
                    .getBytes(StandardCharsets.UTF_8);
        }
        List<String> names = new ArrayList<>(response.headers().map().keySet());
        for (String name : names) {
            if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                response.headers().allValues(name).forEach(v -> exchange.getResponseHeaders().add(name, v));
            }
        }
        record(exchange, path, query, body, response.statusCode());
        exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
        if (answer.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
