package io.connectorkit.mimecast;

import static java.util.Objects.requireNonNull;

import io.connectorkit.api.config.SourceConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The connector's validated configuration, one record per concern, built once per session from
 * the host's {@link SourceConfig}.
 *
 * @param connection where and as whom to connect
 * @param scope which domains and mailboxes are crawled
 * @param messages which messages are processed and how
 * @param attachments how attachments are processed
 * @param logging trace and stats logging
 * @param performance paging, retries and offsets
 * @param timeouts how long HTTP calls may take
 * @param retry how long an unreachable Mimecast is waited for
 */
public record MimecastConfig(Connection connection, Scope scope, Messages messages, Attachments attachments,
        Logging logging, Performance performance, Timeouts timeouts, Retry retry) {

    /** How message content is fetched. */
    public enum ContentMode { EML, PARTS }

    /** How much of each API call is logged. */
    public enum TraceLevel { NONE, CALLS, ALL }

    /**
     * Connection settings.
     *
     * @param apiEndpoint base URL for API calls, without a trailing slash
     * @param tokenUrl the full URL of the token service
     * @param clientId OAuth2 client id
     * @param clientSecret OAuth2 client secret; never logged
     * @param caBundle PEM file of CA certificates trusted in addition to the JDK's, if any
     */
    public record Connection(String apiEndpoint, String tokenUrl, String clientId, String clientSecret,
            Optional<Path> caBundle) {
        @Override
        public String toString() {
            return "Connection[apiEndpoint=" + apiEndpoint + ", tokenUrl=" + tokenUrl + ", clientId=" + clientId
                    + ", caBundle=" + caBundle.map(Path::toString).orElse("") + "]";
        }
    }

    /**
     * Scope rules.
     *
     * @param domainsInclude domains to crawl, empty for all
     * @param includeLocal whether domains flagged local are crawled
     * @param mailboxesInclude mailboxes to crawl, empty for all
     * @param mailboxesExclude mailboxes not to crawl, empty for none
     */
    public record Scope(Optional<Pattern> domainsInclude, boolean includeLocal, Optional<Pattern> mailboxesInclude,
            Optional<Pattern> mailboxesExclude) { }

    /**
     * Message rules.
     *
     * @param startDate earliest date of a first or full crawl
     * @param endDate latest received time crawled, inclusive, if any
     * @param lateArrival how far before each incremental crawl the views are listed again; zero
     *     turns it off
     * @param ignoreDeltaTokens whether every crawl starts at the start date
     * @param excludeSubjects subjects of messages not processed
     * @param blankSubject subject used when a message has none
     * @param contentMode how content is fetched
     */
    public record Messages(Instant startDate, Optional<Instant> endDate, Duration lateArrival,
            boolean ignoreDeltaTokens, Optional<Pattern> excludeSubjects, String blankSubject,
            ContentMode contentMode) {
        /**
         * Checks the arguments.
         *
         * @throws NullPointerException if a date, the duration or an optional is null
         */
        public Messages {
            requireNonNull(startDate, "startDate");
            requireNonNull(endDate, "endDate");
            requireNonNull(lateArrival, "lateArrival");
        }
    }

    /**
     * Attachment rules.
     *
     * @param extract whether attachments become documents of their own
     * @param excludeNames names of attachments not processed
     * @param blankName name used when an attachment has none
     * @param maxBytes larger attachments get metadata only
     */
    public record Attachments(boolean extract, Optional<Pattern> excludeNames, String blankName, long maxBytes) { }

    /**
     * Logging settings.
     *
     * @param traceLevel how much of each call is logged
     * @param statsInterval how often stats are logged; zero disables
     */
    public record Logging(TraceLevel traceLevel, Duration statsInterval) { }

    /**
     * Performance settings.
     *
     * @param pageSize results per request
     * @param retryAfterMultiplier milliseconds of wait per second of server hint
     * @param deltaTokenOffset added to a saved delta token before the next crawl
     * @param authTokenOffset added to a token's expiry
     */
    public record Performance(int pageSize, long retryAfterMultiplier, Duration deltaTokenOffset,
            Duration authTokenOffset) { }

    /**
     * HTTP timeouts.
     *
     * @param connect how long to wait for a connection
     * @param read how long to wait for a response, and between packets of its body
     */
    public record Timeouts(Duration connect, Duration read) {
        /**
         * Checks the arguments.
         *
         * @throws NullPointerException if an argument is null
         */
        public Timeouts {
            requireNonNull(connect, "connect");
            requireNonNull(read, "read");
        }
    }

    /**
     * Waiting for Mimecast.
     *
     * @param maxWait how long calls wait for a Mimecast that cannot be connected to; zero waits only
     *     the ordinary retries
     */
    public record Retry(Duration maxWait) {
        /**
         * Checks the argument.
         *
         * @throws NullPointerException if it is null
         */
        public Retry {
            requireNonNull(maxWait, "maxWait");
        }
    }

    /**
     * Checks the arguments.
     *
     * @throws NullPointerException if any argument is null
     */
    public MimecastConfig {
        requireNonNull(connection, "connection");
        requireNonNull(scope, "scope");
        requireNonNull(messages, "messages");
        requireNonNull(attachments, "attachments");
        requireNonNull(logging, "logging");
        requireNonNull(performance, "performance");
        requireNonNull(timeouts, "timeouts");
        requireNonNull(retry, "retry");
    }

    /**
     * The same configuration without waiting for an unreachable Mimecast, for {@code check}, which
     * reports at once.
     *
     * @return the copy
     */
    MimecastConfig withoutWaiting() {
        return new MimecastConfig(connection, scope, messages, attachments, logging, performance, timeouts,
                new Retry(Duration.ZERO));
    }

    /**
     * Reads the connector's keys from a validated configuration.
     *
     * @param c the configuration
     * @return the records
     */
    public static MimecastConfig from(SourceConfig c) {
        Connection connection = new Connection(stripSlash(c.getString(MimecastKeys.API_ENDPOINT)),
                tokenUrl(c.getString(MimecastKeys.AUTH_ENDPOINT)), c.getString(MimecastKeys.CLIENT_ID),
                c.getString(MimecastKeys.CLIENT_SECRET), Optional.of(c.getString(MimecastKeys.TLS_CA_BUNDLE))
                        .filter(b -> !b.isBlank()).map(Path::of));
        Scope scope = new Scope(c.getPattern(MimecastKeys.DOMAINS_INCLUDE),
                c.getBoolean(MimecastKeys.DOMAINS_INCLUDE_LOCAL), c.getPattern(MimecastKeys.MAILBOXES_INCLUDE),
                c.getPattern(MimecastKeys.MAILBOXES_EXCLUDE));
        Messages messages = new Messages(c.getInstant(MimecastKeys.START_DATE).orElseThrow(),
                c.getInstant(MimecastKeys.END_DATE), Duration.ofDays(c.getLong(MimecastKeys.LATE_ARRIVAL_DAYS)),
                c.getBoolean(MimecastKeys.IGNORE_DELTA_TOKENS), c.getPattern(MimecastKeys.EXCLUDE_SUBJECTS),
                c.getString(MimecastKeys.BLANK_SUBJECT), c.getEnum(MimecastKeys.CONTENT_MODE, ContentMode.class));
        Attachments attachments = new Attachments(c.getBoolean(MimecastKeys.ATTACHMENTS_EXTRACT),
                c.getPattern(MimecastKeys.ATTACHMENTS_EXCLUDE_NAMES), c.getString(MimecastKeys.ATTACHMENTS_BLANK_NAME),
                c.getLong(MimecastKeys.ATTACHMENTS_MAX_BYTES));
        Logging logging = new Logging(c.getEnum(MimecastKeys.TRACE_LEVEL, TraceLevel.class),
                Duration.ofSeconds(c.getLong(MimecastKeys.STATS_INTERVAL_SECONDS)));
        Performance performance = new Performance(c.getInt(MimecastKeys.PAGE_SIZE),
                c.getLong(MimecastKeys.RETRY_AFTER_MULTIPLIER),
                Duration.ofMinutes(c.getLong(MimecastKeys.DELTA_TOKEN_OFFSET_MINUTES)),
                Duration.ofSeconds(c.getLong(MimecastKeys.AUTH_TOKEN_OFFSET_SECONDS)));
        Timeouts timeouts = new Timeouts(Duration.ofSeconds(c.getLong(MimecastKeys.HTTP_CONNECT_TIMEOUT_SECONDS)),
                Duration.ofSeconds(c.getLong(MimecastKeys.HTTP_READ_TIMEOUT_SECONDS)));
        Retry retry = new Retry(Duration.ofSeconds(c.getLong(MimecastKeys.RETRY_MAX_WAIT_SECONDS)));
        return new MimecastConfig(connection, scope, messages, attachments, logging, performance, timeouts, retry);
    }

    /**
     * The token URL for an auth endpoint: a base URL gets {@code /oauth/token}; a URL with any
     * other path is taken as the full token URL.
     *
     * @param authEndpoint the configured value
     * @return the token URL
     */
    static String tokenUrl(String authEndpoint) {
        String base = stripSlash(authEndpoint.trim());
        String path = Optional.ofNullable(URI.create(base).getRawPath()).orElse("");
        return path.isEmpty() ? base + "/oauth/token" : base;
    }

    private static String stripSlash(String url) {
        String u = url.trim();
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return u;
    }

    /**
     * The product an API path needs, for error messages and the check report.
     *
     * @param path an API path such as {@code /api/archive/get-file}
     * @return the product's name as the Mimecast console shows it
     */
    public static String productFor(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        if (p.contains("/archive/")) {
            return "Data Retention / Archive";
        }
        if (p.contains("/domain/")) {
            return "Domain Management";
        }
        if (p.contains("/user/") || p.contains("/directory/")) {
            return "User and Group Management";
        }
        return "the product that offers " + path;
    }

    /**
     * The application-role permission an API path needs.
     *
     * @param path an API path
     * @return the permission as the Mimecast console names it
     */
    public static String roleFor(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        if (p.contains("/archive/")) {
            return "Archive - Search - Read & Search Content View";
        }
        return "Directories > Internal > Read";
    }
}
