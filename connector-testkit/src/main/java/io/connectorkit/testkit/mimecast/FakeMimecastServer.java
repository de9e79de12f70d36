package io.connectorkit.testkit.mimecast;

import static java.util.Objects.requireNonNull;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.connectorkit.testkit.archive.Archive;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

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
    private final CallLog log = new CallLog();
    private final FaultPlan faults = new FaultPlan();
    private final TokenIssuer tokens;
    private final RateLimiter limiter;
    private final Paging paging;
    private final Downloads downloads;
    private final DirectoryFunctions directory;
    private final ListFunction list;
    private final ContentFunctions content;

    FakeMimecastServer(Archive archive, ServerOptions options, List<FaultRule> rules) throws IOException {
        this.archive = requireNonNull(archive, "archive");
        this.options = requireNonNull(options, "options");
        rules.forEach(faults::add);
        this.tokens = new TokenIssuer(options.clock(), options.tokenTtl());
        this.limiter = new RateLimiter(options.quota(), options.quotaPeriod(), options.callsPerSecond());
        SignedTokens signer = new SignedTokens();
        this.paging = new Paging(signer, options);
        this.http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        this.baseUrl = "http://127.0.0.1:" + http.getAddress().getPort();
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

    /** The base URL for both API calls and {@code /oauth/token}, e.g. {@code http://127.0.0.1:41234}. */
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

    /** Every recorded request, in arrival order of their answers. */
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
        Exchange exchange = new Exchange(ex, path, query, body, now);
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
        if (e == Endpoint.TOKEN) {
            Fault fault = slowThenFirst(faults.match(e, callNumber, List.of()));
            exchange.send(e, fault != null ? faultReply(fault, null) : token(ex, body), null,
                    fault instanceof Fault.Disconnect, fault instanceof Fault.MalformedJson);
            return;
        }
        if (e == Endpoint.DOWNLOAD) {
            Fault fault = slowThenFirst(faults.match(e, callNumber, List.of(Downloads.idOf(path))));
            Reply reply = fault == null || fault instanceof Fault.Disconnect ? downloads.serve(path, query, now)
                    : faultReply(fault, null);
            exchange.send(e, reply, null, fault instanceof Fault.Disconnect, false);
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
        Fault fault = slowThenFirst(faults.match(e, callNumber, call.names()));
        boolean cut = fault instanceof Fault.Disconnect;
        boolean malformed = fault instanceof Fault.MalformedJson;
        Reply reply = fault == null || cut || malformed ? function(call) : faultReply(fault, call);
        if (fault instanceof Fault.RateLimited limited) {
            decision = limiter.exhausted(limited.reset());
        }
        exchange.send(e, reply == null ? function(call) : reply, decision, cut, malformed);
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

    /** Sleeps for every Slow fault, returns the first other fault. */
    private static Fault slowThenFirst(List<Fault> matched) {
        Fault first = null;
        for (Fault f : matched) {
            if (f instanceof Fault.Slow slow) {
                try {
                    Thread.sleep(slow.delay().toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            } else if (first == null) {
                first = f;
            }
        }
        return first;
    }

    /** The answer a fault gives instead of the function; null to run the function anyway. */
    private Reply faultReply(Fault fault, Call call) {
        if (fault instanceof Fault.RateLimited) {
            return Envelope.httpFailure(429, "err_rate_limit_exceeded", "Quota exceeded", true);
        } else if (fault instanceof Fault.ServerError error) {
            return Envelope.httpFailure(error.status(), "err_platform_error", "An internal error occurred", true);
        } else if (fault instanceof Fault.Forbidden) {
            return Envelope.gatewayFailure(403, "app_forbidden",
                    "Resource or method requested does not exist in any product assigned to the application.");
        } else if (fault instanceof Fault.FunctionFailure failure) {
            return Envelope.functionFailure(call == null ? null : call.item(), failure.code(), failure.message(),
                    failure.retryable(), null);
        } else if (fault instanceof Fault.PageTokenExpired) {
            return call != null && call.pageToken().isPresent() ? paging.expired(call) : null;
        } else if (fault instanceof Fault.EmptyBadRequest) {
            return Reply.empty(400);
        } else if (fault instanceof Fault.TokenExpired) {
            return Envelope.gatewayFailure(401, "token_expired", "The access token has expired");
        } else if (fault instanceof Fault.DownloadExpired) {
            return Downloads.expired();
        }
        return null;
    }

    private Reply token(HttpExchange ex, String body) {
        String type = Optional.ofNullable(ex.getRequestHeaders().getFirst("Content-Type")).orElse("");
        if (!type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            return tokenFailure(400, "InvalidRequest", "Content-Type must be application/x-www-form-urlencoded");
        }
        java.util.Map<String, String> form = new java.util.HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(java.net.URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        if (!"client_credentials".equals(form.get("grant_type"))) {
            return tokenFailure(400, "UnsupportedGrantType", "grant_type must be client_credentials");
        }
        String id = form.get("client_id");
        String secret = form.get("client_secret");
        if (id == null || secret == null || !secret.equals(options.credentials().get(id))) {
            return tokenFailure(401, "InvalidClientIdentifier", "Client credentials are invalid");
        }
        JsonObject token = new JsonObject();
        token.addProperty("access_token", tokens.issue(id));
        token.addProperty("token_type", "Bearer");
        token.addProperty("expires_in", tokens.expiresInSeconds());
        token.addProperty("scope", "");
        return Reply.json(200, token);
    }

    private static Reply tokenFailure(int status, String code, String message) {
        JsonObject entry = new JsonObject();
        entry.addProperty("code", code);
        entry.addProperty("message", message);
        com.google.gson.JsonArray fail = new com.google.gson.JsonArray();
        fail.add(entry);
        JsonObject body = new JsonObject();
        body.add("fail", fail);
        return Reply.json(status, body);
    }

    /** One exchange being answered: adds headers, records, then sends (or cuts) the body. */
    private final class Exchange {
        private final HttpExchange ex;
        private final String path;
        private final String query;
        private final String body;
        private final Instant at;

        Exchange(HttpExchange ex, String path, String query, String body, Instant at) {
            this.ex = ex;
            this.path = path;
            this.query = query;
            this.body = body;
            this.at = at;
        }

        void send(Endpoint endpoint, Reply reply, RateLimiter.Decision decision, boolean cut, boolean malformed)
                throws IOException {
            if (decision != null) {
                rateHeaders(decision, reply.status() == 429);
            }
            reply.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
            if (reply.contentType() != null) {
                ex.getResponseHeaders().set("Content-Type", reply.contentType());
            }
            if (malformed && reply.isJson() && reply.length() > 1) {
                java.io.ByteArrayOutputStream whole = new java.io.ByteArrayOutputStream();
                reply.body().writeTo(whole);
                byte[] half = java.util.Arrays.copyOf(whole.toByteArray(), (int) reply.length() / 2);
                reply = Reply.bytes(200, reply.contentType(), half);
            }
            log.answer(new RecordedRequest(endpoint, ex.getRequestMethod(), path, query,
                    ex.getRequestHeaders(), body, reply.status(), at));
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
            ex.getResponseHeaders().set("X-RateLimit-Limit", Long.toString(d.limit()));
            ex.getResponseHeaders().set("X-RateLimit-Remaining", Long.toString(d.remaining()));
            ex.getResponseHeaders().set("X-RateLimit-Reset", reset);
            if (limited && options.resetUnit() == ResetUnit.RETRY_AFTER_SECONDS) {
                ex.getResponseHeaders().set("Retry-After", Long.toString(Math.max(1, (resetMillis + 999) / 1000)));
            }
        }
    }
}
