package io.connectorkit.simulator.mimecast;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Everything about the fake server's behaviour that is not the archive or a fault. Built by
 * {@link FakeMimecastServerBuilder}.
 *
 * @param credentials accepted client id to client secret
 * @param tokenTtl access-token lifetime ({@code expires_in})
 * @param clock the clock for token, page-token and URL expiry and rate limits
 * @param fileStyle how get-file answers
 * @param partStyle how get-message-part answers
 * @param lastPage how listings end
 * @param tokenMismatch how a page token reused with another query, or expired, is answered
 * @param resetUnit how {@code X-RateLimit-Reset} is written
 * @param quota calls per {@code quotaPeriod} per client (reported in headers, enforced with 429)
 * @param quotaPeriod the quota period
 * @param callsPerSecond per-client token-bucket rate; 0 = no such limit
 * @param pageTokenTtl page-token lifetime; zero = never expire
 * @param downloadUrlTtl lifetime of download URLs
 * @param defaultPageSize page size when the request has none
 * @param maxPageSize larger page sizes are silently capped to this
 * @param newestFirst whether get-message-list lists newest first
 * @param threads request-handling threads
 * @param recordLimit how many recent requests are kept for {@code requests()} (counters stay exact)
 * @param rateLimitHeaderPrefix {@code X-RateLimit-} (documented) or {@code X-Rate-Limit-} (as one
 *     reviewer quotes the 2.0 docs)
 * @param archiveEnabled what get-account answers as {@code archive}: whether the account has the archive
 * @param maxRetentionDays what get-account answers as {@code maxRetention}, in days
 */
public record ServerOptions(Map<String, String> credentials, Duration tokenTtl, Clock clock, DownloadStyle fileStyle,
                            DownloadStyle partStyle, LastPageStyle lastPage, TokenMismatch tokenMismatch,
                            ResetUnit resetUnit, long quota, Duration quotaPeriod, double callsPerSecond,
                            Duration pageTokenTtl, Duration downloadUrlTtl, int defaultPageSize, int maxPageSize,
                            boolean newestFirst, int threads, int recordLimit,
                            String rateLimitHeaderPrefix, boolean archiveEnabled, int maxRetentionDays) {
    /** Options for an account with the archive and ten years of retention, as before they could be set. */
    public ServerOptions(Map<String, String> credentials, Duration tokenTtl, Clock clock, DownloadStyle fileStyle,
                         DownloadStyle partStyle, LastPageStyle lastPage, TokenMismatch tokenMismatch,
                         ResetUnit resetUnit, long quota, Duration quotaPeriod, double callsPerSecond,
                         Duration pageTokenTtl, Duration downloadUrlTtl, int defaultPageSize, int maxPageSize,
                         boolean newestFirst, int threads, int recordLimit, String rateLimitHeaderPrefix) {
        this(credentials, tokenTtl, clock, fileStyle, partStyle, lastPage, tokenMismatch, resetUnit, quota, quotaPeriod,
                callsPerSecond, pageTokenTtl, downloadUrlTtl, defaultPageSize, maxPageSize, newestFirst, threads,
                recordLimit, rateLimitHeaderPrefix, true, 3650);
    }

    public ServerOptions {
        credentials = Map.copyOf(credentials);
        requireNonNull(tokenTtl, "tokenTtl");
        requireNonNull(clock, "clock");
        requireNonNull(fileStyle, "fileStyle");
        requireNonNull(partStyle, "partStyle");
        requireNonNull(lastPage, "lastPage");
        requireNonNull(tokenMismatch, "tokenMismatch");
        requireNonNull(resetUnit, "resetUnit");
        requireNonNull(quotaPeriod, "quotaPeriod");
        requireNonNull(pageTokenTtl, "pageTokenTtl");
        requireNonNull(downloadUrlTtl, "downloadUrlTtl");
        requireNonNull(rateLimitHeaderPrefix, "rateLimitHeaderPrefix");
        if (credentials.isEmpty()) {
            throw new IllegalArgumentException("the fake server needs at least one client; call clientCredentials(id, secret)");
        }
        if (defaultPageSize < 1 || maxPageSize < defaultPageSize) {
            throw new IllegalArgumentException("page sizes must satisfy 1 <= default <= max, got " + defaultPageSize
                    + " and " + maxPageSize);
        }
        if (recordLimit < 0) {
            throw new IllegalArgumentException("recordLimit must be >= 0, got " + recordLimit);
        }
        if (quota < 1 || callsPerSecond < 0 || threads < 1) {
            throw new IllegalArgumentException("quota and threads must be >= 1 and callsPerSecond >= 0, got " + quota
                    + ", " + threads + ", " + callsPerSecond);
        }
    }
}
