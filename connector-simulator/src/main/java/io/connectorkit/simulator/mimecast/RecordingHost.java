package io.connectorkit.simulator.mimecast;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Another host, the one a hostile redirect points at: a plain-HTTP server on 127.0.0.1 that records
 * every request it receives and answers each as gladly as a token service and an API would (an
 * access token, an empty {@code data[]}), so that a client that followed a redirect to it would
 * carry on and show it. Tests assert that it received nothing. Thread-safe; close it.
 */
public final class RecordingHost implements AutoCloseable {
    private static final byte[] ANSWER = ("{\"access_token\":\"taken-elsewhere\",\"token_type\":\"bearer\","
            + "\"expires_in\":1800,\"meta\":{\"status\":200},\"data\":[],\"fail\":[]}").getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

    private RecordingHost() throws IOException {
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * @return a running host
     * @throws IOException if no port can be bound
     */
    public static RecordingHost start() throws IOException {
        return new RecordingHost();
    }

    /** @return {@code http://127.0.0.1:<port>} */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** @return every request received, in order */
    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String query = exchange.getRequestURI().getRawQuery();
            requests.add(new RecordedRequest(null, exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    query == null ? "" : query, exchange.getRequestHeaders(), new String(body, StandardCharsets.UTF_8),
                    200, Instant.now()));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, ANSWER.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(ANSWER);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
