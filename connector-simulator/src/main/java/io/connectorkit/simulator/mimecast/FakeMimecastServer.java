package io.connectorkit.simulator.mimecast;

import static java.util.Objects.requireNonNull;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.connectorkit.simulator.archive.Archive;
import io.connectorkit.simulator.archive.corpus.MessageHeader;
import io.connectorkit.simulator.archive.corpus.View;
import io.connectorkit.simulator.mimecast.faults.Fault;
import io.connectorkit.simulator.mimecast.faults.FaultPlan;
import io.connectorkit.simulator.mimecast.faults.FaultReplies;
import io.connectorkit.simulator.mimecast.faults.FaultRule;
import io.connectorkit.simulator.mimecast.routes.ContentFunctions;
import io.connectorkit.simulator.mimecast.routes.DirectoryFunctions;
import io.connectorkit.simulator.mimecast.routes.Downloads;
import io.connectorkit.simulator.mimecast.routes.ListFunction;
import io.connectorkit.simulator.mimecast.routes.Paging;
import io.connectorkit.simulator.mimecast.routes.TokenEndpoint;
import io.connectorkit.simulator.mimecast.routes.TokenIssuer;
import io.connectorkit.simulator.mimecast.wire.Call;
import io.connectorkit.simulator.mimecast.wire.Envelope;
import io.connectorkit.simulator.mimecast.wire.RateLimiter;
import io.connectorkit.simulator.mimecast.wire.Reply;
import io.connectorkit.simulator.mimecast.wire.Responder;
import io.connectorkit.simulator.mimecast.wire.SignedTokens;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;

/**
 * A fake Mimecast API 2.0 server on 127.0.0.1 (random port) serving a generated {@link Archive}:
 * OAuth tokens that expire, the envelope with {@code fail[]}, paging with query-bound tokens,
 * pre-signed download URLs, {@code X-RateLimit-*} headers, and scriptable {@link Fault}s. It
 * records every request. Thread-safe.
 *
 * <pre>{@code
 * try (FakeMimecastServer server = FakeMimecastServer.builder()
 *         .archive(ArchiveGenerator.seed(7).generate())
 *         .clientCredentials("id", "secret")
 *         .fault(FaultRule.onCall(Endpoint.GET_MESSAGE_LIST, 2, Fault.rateLimited(Duration.ofSeconds(1))))
 *         .start()) {
 *     String apiBase = server.baseUrl();
 * }
 * }</pre>
 */
public final class FakeMimecastServer implements AutoCloseable {
    private final Archive archive;
    private final ServerOptions options;
    private final HttpServer http;
    private final ExecutorService executor;
    private final String baseUrl;
    private final CallLog log;
    private final FaultPlan faults = new FaultPlan();
    private final TokenIssuer tokens;
    private final RateLimiter limiter;
    private final Paging paging;
    private final Downloads downloads;
    private final DirectoryFunctions directory;
    private final ListFunction list;
    private final ContentFunctions content;
    private final TokenEndpoint token;
    private final List<MessageHeader> lateArrivals = new CopyOnWriteArrayList<>();

    FakeMimecastServer(Archive archive, ServerOptions options, List<FaultRule> rules, int port, SSLContext https)
            throws IOException {
        this.archive = requireNonNull(archive, "archive");
        this.options = requireNonNull(options, "options");
        rules.forEach(faults::add);
        this.log = new CallLog(options.recordLimit());
        this.tokens = new TokenIssuer(options.clock(), options.tokenTtl());
        this.token = new TokenEndpoint(options, tokens);
        this.limiter = new RateLimiter(options.quota(), options.quotaPeriod(), options.callsPerSecond());
        SignedTokens signer = new SignedTokens();
        this.paging = new Paging(signer, options);
        // Without TCP_NODELAY every small answer waits out the client's delayed ACK (~40 ms), which
        // would make the fake far slower than the real service. The JDK server reads this property
        // once, when the first server in the JVM is created.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        if (https != null) {
            HttpsServer secure = HttpsServer.create(address, 128);
            secure.setHttpsConfigurator(new HttpsConfigurator(https));
            this.http = secure;
        } else {
            this.http = HttpServer.create(address, 128);
        }
        this.baseUrl = (https != null ? "https" : "http") + "://127.0.0.1:" + http.getAddress().getPort();
        this.downloads = new Downloads(archive, options, signer, () -> baseUrl);
        this.directory = new DirectoryFunctions(archive, options, paging);
        this.list = new ListFunction(archive, options, paging);
        this.content = new ContentFunctions(archive, options, downloads);
        this.executor = Executors.newFixedThreadPool(options.threads(), r -> {
            Thread t = new Thread(r, "fake-mimecast");
            t.setDaemon(true);
            return t;
        });
        http.setExecutor(executor);
        http.createContext("/", this::handle);
        http.start();
    }

    /** A builder with defaults: a small generated archive, 30-minute tokens, 2.0 download URLs. */
    public static FakeMimecastServerBuilder builder() {
        return new FakeMimecastServerBuilder();
    }

    /**
     * The base URL for both API calls and {@code /oauth/token}, e.g. {@code http://127.0.0.1:41234}
     * ({@code https://} when built with {@code https(...)}).
     */
    public String baseUrl() {
        return baseUrl;
    }

    /** The archive served; mutate it while running to add, delete or remove things. */
    public Archive archive() {
        return archive;
    }

    /** The options the server runs with. */
    public ServerOptions options() {
        return options;
    }

    /**
     * Adds a late arrival: a message that reaches the archive now, received {@code age} before now
     * by the server's clock (as held mail, a delivery retry or an import does). From now on
     * get-message-list lists it in its received time's place, where a crawl that already listed
     * that time does not look again unless it re-lists it.
     *
     * @param mailbox a mailbox of the archive
     * @param view its view
     * @param age how long before now the message was received
     * @return the message's row
     */
    public MessageHeader addLateArrival(String mailbox, View view, Duration age) {
        requireNonNull(age, "age");
        Instant received = options.clock().instant().minus(age).truncatedTo(ChronoUnit.SECONDS);
        MessageHeader row = archive.addMessage(mailbox, view, received);
        lateArrivals.add(row);
        return row;
    }

    /** The late arrivals added with {@link #addLateArrival}, in the order they were added. */
    public List<MessageHeader> lateArrivals() {
        return List.copyOf(lateArrivals);
    }

    /** Adds a fault rule while running. */
    public void fault(FaultRule rule) {
        faults.add(requireNonNull(rule, "rule"));
    }

    /** Removes every fault rule. */
    public void clearFaults() {
        faults.clear();
    }

    /** Calls that reached an endpoint since start or the last reset, whatever the answer. */
    public long calls(Endpoint endpoint) {
        return log.calls(endpoint);
    }

    /** Calls to an endpoint answered with this HTTP status (0 = connection dropped). */
    public long calls(Endpoint endpoint, int status) {
        return log.calls(endpoint, status);
    }

    /**
     * The calls answered within the quota in each quota window so far (per client id, in order; the
     * last is the window still open). Windows begin with the first call after the previous one ended.
     */
    public List<Long> quotaWindows() {
        return limiter.windows();
    }

    /** The recorded requests (the most recent {@code recordLimit}), in the order they were answered. */
    public List<RecordedRequest> requests() {
        return log.requests();
    }

    /** The recorded requests to one endpoint. */
    public List<RecordedRequest> requests(Endpoint endpoint) {
        return log.requests().stream().filter(r -> r.endpoint() == endpoint).toList();
    }

    /** Clears counters, call numbers (used by fault rules) and recorded requests. */
    public void resetCounters() {
        log.reset();
    }

    /** Expires every access token minted so far (the next data call gets 401 token_expired). */
    public void expireTokens() {
        tokens.expireAll();
    }

    @Override
    public void close() {
        http.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        try {
            serve(ex);
        } finally {
            ex.close();
        }
    }

    private void serve(HttpExchange ex) throws IOException {
        Instant now = options.clock().instant();
        String path = ex.getRequestURI().getRawPath();
        String query = Optional.ofNullable(ex.getRequestURI().getRawQuery()).orElse("");
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Responder exchange = new Responder(ex, path, query, body, now, log, options);
        Optional<Endpoint> endpoint = Endpoint.forPath(path);
        if (endpoint.isEmpty()) {
            exchange.send(null, Reply.empty(404), null, false, false);
            return;
        }
        Endpoint e = endpoint.get();
        long callNumber = log.arrive(e);
        if (!ex.getRequestMethod().equals(e.method())) {
            exchange.send(e, Reply.empty(405), null, false, false);
            return;
        }
        if (e == Endpoint.TOKEN || e == Endpoint.DOWNLOAD) {
            List<String> names = e == Endpoint.TOKEN ? List.of() : List.of(Downloads.idOf(path));
            Fault fault = FaultReplies.slowThenFirst(faults.match(e, callNumber, names, false));
            Reply reply = fault == null ? null : FaultReplies.replace(fault, null, paging);
            if (reply == null) {
                reply = e == Endpoint.TOKEN ? token.answer(ex.getRequestHeaders().getFirst("Content-Type"), body)
                        : downloads.serve(path, query, now);
            }
            exchange.send(e, reply, null, fault instanceof Fault.Disconnect, fault instanceof Fault.MalformedJson);
            return;
        }
        JsonObject json;
        try {
            JsonElement parsed = body.isBlank() ? new JsonObject() : JsonParser.parseString(body);
            json = parsed.isJsonObject() ? parsed.getAsJsonObject() : null;
        } catch (JsonParseException bad) {
            json = null;
        }
        if (json == null) {
            exchange.send(e, Reply.empty(400), null, false, false);
            return;
        }
        // Slowness hits every answer, so it is applied before authentication.
        Call parsed = new Call(e, json, null, now);
        Fault fault = FaultReplies.slowThenFirst(faults.match(e, callNumber, parsed.names(),
                parsed.pageToken().isPresent()));
        TokenIssuer.Check auth = tokens.check(Optional.ofNullable(ex.getRequestHeaders().getFirst("Authorization")));
        if (auth.status() == TokenIssuer.Status.EXPIRED) {
            exchange.send(e, Envelope.gatewayFailure(401, "token_expired", "The access token has expired"), null,
                    false, false);
            return;
        }
        if (auth.status() != TokenIssuer.Status.VALID) {
            exchange.send(e, Envelope.gatewayFailure(401, "unauthorized", "A valid bearer token is required"), null,
                    false, false);
            return;
        }
        RateLimiter.Decision decision = limiter.acquire(auth.clientId(), now);
        if (!decision.allowed()) {
            exchange.send(e, Envelope.httpFailure(429, "err_rate_limit_exceeded", "Quota exceeded", true), decision,
                    false, false);
            return;
        }
        Call call = new Call(e, json, auth.clientId(), now);
        Reply reply = fault == null ? null : FaultReplies.replace(fault, call, paging);
        if (fault instanceof Fault.RateLimited limited) {
            decision = limiter.exhausted(limited.reset());
        }
        exchange.send(e, reply == null ? function(call) : reply, decision, fault instanceof Fault.Disconnect,
                fault instanceof Fault.MalformedJson);
    }

    private Reply function(Call call) {
        return switch (call.endpoint()) {
            case GET_ACCOUNT -> directory.account(call);
            case GET_INTERNAL_DOMAIN -> directory.domains(call);
            case GET_INTERNAL_USERS -> directory.users(call);
            case GET_MESSAGE_LIST -> list.list(call);
            case GET_MESSAGE_DETAIL -> content.detail(call);
            case GET_MESSAGE_PART -> content.part(call);
            case GET_FILE -> content.file(call);
            default -> Reply.empty(404);
        };
    }
}
