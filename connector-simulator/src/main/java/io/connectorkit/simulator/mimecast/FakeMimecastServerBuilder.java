package io.connectorkit.simulator.mimecast;

import static java.util.Objects.requireNonNull;

import io.connectorkit.simulator.archive.Archive;
import io.connectorkit.simulator.archive.ArchiveGenerator;
import io.connectorkit.simulator.mimecast.faults.Fault;
import io.connectorkit.simulator.mimecast.faults.FaultRule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;

/** Configures and starts a {@link FakeMimecastServer}. Defaults follow the documented service. */
public final class FakeMimecastServerBuilder {
    private Archive archive;
    private final Map<String, String> credentials = new LinkedHashMap<>();
    private Duration tokenTtl = Duration.ofSeconds(1799);
    private Clock clock = Clock.systemUTC();
    private DownloadStyle fileStyle = DownloadStyle.URLS;
    private DownloadStyle partStyle = DownloadStyle.URL;
    private LastPageStyle lastPage = LastPageStyle.NO_NEXT;
    private TokenMismatch tokenMismatch = TokenMismatch.FAIL;
    private ResetUnit resetUnit = ResetUnit.MILLIS_DURATION;
    private long quota = 1_000_000;
    private Duration quotaPeriod = Duration.ofHours(1);
    private double callsPerSecond;
    private Duration pageTokenTtl = Duration.ZERO;
    private Duration downloadUrlTtl = Duration.ofMinutes(15);
    private int defaultPageSize = 25;
    private int maxPageSize = 500;
    private boolean newestFirst = true;
    private int threads = 8;
    private String rateLimitHeaderPrefix = "X-RateLimit-";
    private int port;
    private int recordLimit = 100_000;
    private final List<FaultRule> rules = new ArrayList<>();
    private SSLContext https;
    private boolean archiveEnabled = true;
    private int maxRetentionDays = 3650;

    FakeMimecastServerBuilder() {
    }

    /** The archive to serve (default: {@code ArchiveGenerator.seed(1).generate()}). */
    public FakeMimecastServerBuilder archive(Archive value) {
        this.archive = requireNonNull(value, "archive");
        return this;
    }

    /** Accepts this client id and secret at {@code /oauth/token}; call again for more clients. */
    public FakeMimecastServerBuilder clientCredentials(String clientId, String clientSecret) {
        credentials.put(requireNonNull(clientId, "clientId"), requireNonNull(clientSecret, "clientSecret"));
        return this;
    }

    /** Access-token lifetime, also sent as {@code expires_in} (default 1799 s). */
    public FakeMimecastServerBuilder tokenTtl(Duration ttl) {
        this.tokenTtl = requireNonNull(ttl, "ttl");
        return this;
    }

    /** The clock for every expiry and rate limit (use {@link ManualClock} in tests). */
    public FakeMimecastServerBuilder clock(Clock value) {
        this.clock = requireNonNull(value, "clock");
        return this;
    }

    /** How get-file answers (default {@link DownloadStyle#URLS}). */
    public FakeMimecastServerBuilder fileStyle(DownloadStyle style) {
        this.fileStyle = requireNonNull(style, "style");
        return this;
    }

    /** How get-message-part answers (default {@link DownloadStyle#URL}). */
    public FakeMimecastServerBuilder partStyle(DownloadStyle style) {
        this.partStyle = requireNonNull(style, "style");
        return this;
    }

    /** How listings end (default {@link LastPageStyle#NO_NEXT}). */
    public FakeMimecastServerBuilder lastPage(LastPageStyle style) {
        this.lastPage = requireNonNull(style, "style");
        return this;
    }

    /** How bad or expired page tokens are answered (default {@link TokenMismatch#FAIL}). */
    public FakeMimecastServerBuilder tokenMismatch(TokenMismatch style) {
        this.tokenMismatch = requireNonNull(style, "style");
        return this;
    }

    /** How {@code X-RateLimit-Reset} is written (default {@link ResetUnit#MILLIS_DURATION}). */
    public FakeMimecastServerBuilder resetUnit(ResetUnit unit) {
        this.resetUnit = requireNonNull(unit, "unit");
        return this;
    }

    /**
     * Calls allowed per client per period (default 1,000,000 per hour), advertised on every answer in
     * {@code X-RateLimit-Limit/Remaining/Reset}; beyond it, 429 until the window that began with the
     * first call of the period ends. Mimecast counts this quota per API application (per client id).
     */
    public FakeMimecastServerBuilder quota(long calls, Duration period) {
        this.quota = calls;
        this.quotaPeriod = requireNonNull(period, "period");
        return this;
    }

    /**
     * What get-account answers: whether the account has the archive ({@code archive}, default true)
     * and its longest retention in days ({@code maxRetention}, default 3650).
     */
    public FakeMimecastServerBuilder account(boolean archive, int maxRetention) {
        this.archiveEnabled = archive;
        this.maxRetentionDays = maxRetention;
        return this;
    }

    /** A per-client token bucket of this many calls per second (default off). */
    public FakeMimecastServerBuilder callsPerSecond(double rate) {
        this.callsPerSecond = rate;
        return this;
    }

    /** Page tokens expire this long after they were issued (default never). */
    public FakeMimecastServerBuilder pageTokenTtl(Duration ttl) {
        this.pageTokenTtl = requireNonNull(ttl, "ttl");
        return this;
    }

    /** Download URLs expire this long after they were handed out (default 15 minutes). */
    public FakeMimecastServerBuilder downloadUrlTtl(Duration ttl) {
        this.downloadUrlTtl = requireNonNull(ttl, "ttl");
        return this;
    }

    /** Page size when a request has none, and the silent cap on larger ones (default 25 and 500). */
    public FakeMimecastServerBuilder pageSizes(int defaultSize, int maxSize) {
        this.defaultPageSize = defaultSize;
        this.maxPageSize = maxSize;
        return this;
    }

    /** Whether get-message-list lists newest first (default true). */
    public FakeMimecastServerBuilder newestFirst(boolean value) {
        this.newestFirst = value;
        return this;
    }

    /** The port to listen on, on 127.0.0.1 (default 0: any free port). */
    public FakeMimecastServerBuilder port(int value) {
        if (value < 0 || value > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + value);
        }
        this.port = value;
        return this;
    }

    /**
     * Serves HTTPS with this server-side context instead of plain HTTP; {@code baseUrl()} then
     * starts with {@code https://127.0.0.1}. Make one with
     * {@code TestCa.create(dir).issueForLoopback().sslContext()} (package {@code io.connectorkit.simulator.tls}).
     */
    public FakeMimecastServerBuilder https(SSLContext context) {
        this.https = requireNonNull(context, "context");
        return this;
    }

    /** Keeps only the most recent requests for {@code requests()} (default 100,000); counters stay exact. */
    public FakeMimecastServerBuilder recordLimit(int requests) {
        this.recordLimit = requests;
        return this;
    }

    /** Request-handling threads (default 8). */
    public FakeMimecastServerBuilder threads(int count) {
        this.threads = count;
        return this;
    }

    /** Spells the rate-limit headers {@code X-Rate-Limit-*} instead of the documented {@code X-RateLimit-*}. */
    public FakeMimecastServerBuilder hyphenatedRateLimitHeaders() {
        this.rateLimitHeaderPrefix = "X-Rate-Limit-";
        return this;
    }

    /** Adds a fault rule. */
    public FakeMimecastServerBuilder fault(FaultRule rule) {
        rules.add(requireNonNull(rule, "rule"));
        return this;
    }

    /** Answers every call of these endpoints with 403 app_forbidden (the product is missing). */
    public FakeMimecastServerBuilder withoutProductFor(Endpoint... endpoints) {
        for (Endpoint endpoint : endpoints) {
            rules.add(FaultRule.always(endpoint, Fault.forbidden()));
        }
        return this;
    }

    /** Makes detail, part and file calls for this id fail permanently with 200 + fail[]. */
    public FakeMimecastServerBuilder failingMessage(String id) {
        Fault failure = Fault.permanentFailure("err_message_retrieval_failed", "The message could not be retrieved");
        for (Endpoint e : List.of(Endpoint.GET_MESSAGE_DETAIL, Endpoint.GET_MESSAGE_PART, Endpoint.GET_FILE)) {
            rules.add(FaultRule.forId(e, id, failure));
        }
        return this;
    }

    /** The options these settings describe. */
    public ServerOptions options() {
        return new ServerOptions(credentials, tokenTtl, clock, fileStyle, partStyle, lastPage, tokenMismatch, resetUnit,
                quota, quotaPeriod, callsPerSecond, pageTokenTtl, downloadUrlTtl, defaultPageSize, maxPageSize,
                newestFirst, threads, recordLimit, rateLimitHeaderPrefix, archiveEnabled, maxRetentionDays);
    }

    /** Starts the server on 127.0.0.1 and a free port. */
    public FakeMimecastServer start() {
        try {
            return new FakeMimecastServer(archive != null ? archive : ArchiveGenerator.seed(1).generate(), options(),
                    rules, port, https);
        } catch (IOException e) {
            throw new UncheckedIOException("could not bind the fake Mimecast server to 127.0.0.1:" + port
                    + "; pick a free port or 0 for any", e);
        }
    }
}
