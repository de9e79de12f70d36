package io.connectorkit.mimecast;

import io.connectorkit.api.config.ConfigKey;
import io.connectorkit.api.config.ConfigSpec;
import io.connectorkit.api.config.ConfigType;
import io.connectorkit.api.support.PemTrust;
import io.connectorkit.mimecast.archive.MimecastMessageWindow;

/**
 * The configuration keys of the Mimecast connector, with the names, defaults and meanings of
 * the public configuration reference. The host declares {@code connector.*}, {@code crawl.*},
 * {@code sink.*} and {@code extract.*} itself.
 */
public final class MimecastKeys {
    public static final String API_ENDPOINT = "mimecast.api-endpoint";
    public static final String AUTH_ENDPOINT = "mimecast.auth-endpoint";
    public static final String CLIENT_ID = "mimecast.client-id";
    public static final String CLIENT_SECRET = "mimecast.client-secret";
    public static final String TLS_CA_BUNDLE = "mimecast.tls.ca-bundle";
    public static final String DOMAINS_INCLUDE = "mimecast.domains.include";
    public static final String DOMAINS_INCLUDE_LOCAL = "mimecast.domains.include-local";
    public static final String MAILBOXES_INCLUDE = "mimecast.mailboxes.include";
    public static final String MAILBOXES_EXCLUDE = "mimecast.mailboxes.exclude";
    public static final String START_DATE = "mimecast.messages.start-date";
    public static final String END_DATE = "mimecast.messages.end-date";
    public static final String LATE_ARRIVAL_DAYS = "mimecast.messages.late-arrival-days";
    public static final String IGNORE_DELTA_TOKENS = "mimecast.messages.ignore-delta-tokens";
    public static final String EXCLUDE_SUBJECTS = "mimecast.messages.exclude-subjects";
    public static final String BLANK_SUBJECT = "mimecast.messages.blank-subject";
    public static final String ATTACHMENTS_EXTRACT = "mimecast.attachments.extract";
    public static final String ATTACHMENTS_EXCLUDE_NAMES = "mimecast.attachments.exclude-names";
    public static final String ATTACHMENTS_BLANK_NAME = "mimecast.attachments.blank-name";
    public static final String ATTACHMENTS_MAX_BYTES = "mimecast.attachments.max-bytes";
    public static final String CONTENT_MODE = "mimecast.content.mode";
    public static final String TRACE_LEVEL = "mimecast.trace-level";
    public static final String STATS_INTERVAL_SECONDS = "mimecast.stats-interval-seconds";
    public static final String PAGE_SIZE = "mimecast.page-size";
    public static final String RETRY_AFTER_MULTIPLIER = "mimecast.retry-after-multiplier";
    public static final String DELTA_TOKEN_OFFSET_MINUTES = "mimecast.delta-token-offset-minutes";
    public static final String AUTH_TOKEN_OFFSET_SECONDS = "mimecast.auth-token-offset-seconds";
    public static final String HTTP_CONNECT_TIMEOUT_SECONDS = "mimecast.http.connect-timeout-seconds";
    public static final String HTTP_READ_TIMEOUT_SECONDS = "mimecast.http.read-timeout-seconds";
    public static final String RETRY_MAX_WAIT_SECONDS = "mimecast.retry.max-wait-seconds";

    private static final String GLOBAL = "https://api.services.mimecast.com";

    private MimecastKeys() {
    }

    /**
     * Builds the connector's configuration spec.
     *
     * @return every key the connector reads
     */
    public static ConfigSpec spec() {
        return ConfigSpec.of(
                ConfigKey.of(API_ENDPOINT, ConfigType.URL).defaultValue(GLOBAL)
                        .description("Base URL for API calls, such as https://us-api.services.mimecast.com."),
                ConfigKey.of(AUTH_ENDPOINT, ConfigType.URL).defaultValue(GLOBAL)
                        .description("Base URL of the token service (then /oauth/token), or the full token URL."),
                ConfigKey.of(CLIENT_ID, ConfigType.STRING).required()
                        .description("OAuth2 client id of the Mimecast API 2.0 application."),
                ConfigKey.of(CLIENT_SECRET, ConfigType.STRING).required().secret()
                        .description("OAuth2 client secret of the Mimecast API 2.0 application."),
                ConfigKey.of(TLS_CA_BUNDLE, ConfigType.STRING).defaultValue("").path().validator(PemTrust::problem)
                        .description("Path of a PEM file with CA certificates trusted for the API and auth endpoints"
                                + " in addition to the JDK's default trust store (for a TLS-inspecting proxy or a"
                                + " private CA). Blank: the JDK's trust store only. Certificates and host names are"
                                + " always verified."),
                ConfigKey.of(DOMAINS_INCLUDE, ConfigType.REGEX).defaultValue("")
                        .description("Regex; only matching internal domains are crawled. Blank means all."),
                ConfigKey.of(DOMAINS_INCLUDE_LOCAL, ConfigType.BOOLEAN).defaultValue("false")
                        .description("Also process domains flagged local."),
                ConfigKey.of(MAILBOXES_INCLUDE, ConfigType.REGEX).defaultValue("")
                        .description("Regex on the email address; only matching mailboxes are crawled. Blank means all."),
                ConfigKey.of(MAILBOXES_EXCLUDE, ConfigType.REGEX).defaultValue("")
                        .description("Regex on the email address; matching mailboxes are not crawled. Wins over include."),
                ConfigKey.of(START_DATE, ConfigType.INSTANT).required().validator(MimecastStartDate::problem)
                        .description("Earliest date (2020-01-01 or an ISO instant) for a mailbox's first crawl, and for"
                                + " every crawl when delta tokens are ignored. Must not be after now."),
                ConfigKey.of(END_DATE, ConfigType.INSTANT).defaultValue("")
                        .description("Latest received time (2024-06-30 = 2024-06-30T00:00:00Z, or an ISO instant) of"
                                + " the messages crawled: messages received after it are not listed and their"
                                + " content is not fetched. Must not be before the start date. Blank: no end."),
                ConfigKey.of(LATE_ARRIVAL_DAYS, ConfigType.INTEGER).defaultValue("14")
                        .validator(MimecastMessageWindow::lateArrivalProblem)
                        .description("Mail can reach the archive days after its received time (held mail up to 14"
                                + " days, delivery retries up to 4, imports at any time): every incremental crawl"
                                + " also lists each view again from this many days before it (or from the delta"
                                + " token, if earlier), without downloading messages the index holds. 0 turns it"
                                + " off."),
                ConfigKey.of(IGNORE_DELTA_TOKENS, ConfigType.BOOLEAN).defaultValue("false")
                        .description("Re-list everything from the start date; also removes documents of messages no"
                                + " longer in the archive."),
                ConfigKey.of(EXCLUDE_SUBJECTS, ConfigType.REGEX).defaultValue("")
                        .description("Regex; messages whose subject matches are not processed."),
                ConfigKey.of(BLANK_SUBJECT, ConfigType.STRING).defaultValue("(no subject)")
                        .description("Subject used when a message has none."),
                ConfigKey.of(ATTACHMENTS_EXTRACT, ConfigType.BOOLEAN).defaultValue("false")
                        .description("Store each attachment as its own document, linked to its email."),
                ConfigKey.of(ATTACHMENTS_EXCLUDE_NAMES, ConfigType.REGEX).defaultValue("")
                        .description("Regex on the file name; matching attachments are not processed."),
                ConfigKey.of(ATTACHMENTS_BLANK_NAME, ConfigType.STRING).defaultValue("attachment")
                        .description("Name used when an attachment has none."),
                ConfigKey.of(ATTACHMENTS_MAX_BYTES, ConfigType.INTEGER).defaultValue("104857600")
                        .range(0, Long.MAX_VALUE)
                        .description("Larger attachments are indexed with metadata only, and counted."),
                ConfigKey.of(CONTENT_MODE, ConfigType.ENUM).defaultValue("eml").allowedValues("eml", "parts")
                        .description("eml: one get-file per message returns the whole MIME message, parsed locally"
                                + " (fewest API calls); parts: get-message-detail + get-message-part + one get-file"
                                + " per attachment."),
                ConfigKey.of(TRACE_LEVEL, ConfigType.ENUM).defaultValue("NONE").allowedValues("NONE", "CALLS", "ALL")
                        .description("NONE; CALLS = URL and status of every call; ALL = also request forms and JSON"
                                + " responses (secrets and tokens always redacted)."),
                ConfigKey.of(STATS_INTERVAL_SECONDS, ConfigType.INTEGER).defaultValue("60").range(0, 86_400)
                        .description("How often call stats are logged (total calls, call rate, HTTP errors, 429s);"
                                + " 0 disables."),
                ConfigKey.of(PAGE_SIZE, ConfigType.INTEGER).defaultValue("100").range(1, 500)
                        .description("Results per request (1..500)."),
                ConfigKey.of(RETRY_AFTER_MULTIPLIER, ConfigType.INTEGER).defaultValue("1000").range(0, 1_000_000)
                        .description("Wait in milliseconds = the server's retry hint in seconds times this; 1000 waits"
                                + " exactly the hint."),
                ConfigKey.of(DELTA_TOKEN_OFFSET_MINUTES, ConfigType.INTEGER).defaultValue("-15")
                        .range(-525_600, 525_600)
                        .description("Applied to a saved delta token before the next crawl; negative overlaps the"
                                + " previous window."),
                ConfigKey.of(AUTH_TOKEN_OFFSET_SECONDS, ConfigType.INTEGER).defaultValue("-60").range(-3_600, 3_600)
                        .description("Applied to the token expiry; negative refreshes early."),
                ConfigKey.of(HTTP_CONNECT_TIMEOUT_SECONDS, ConfigType.INTEGER).defaultValue("30").range(1, 3_600)
                        .description("Seconds to wait for a connection to Mimecast; a timeout is retried like a"
                                + " dropped connection."),
                ConfigKey.of(HTTP_READ_TIMEOUT_SECONDS, ConfigType.INTEGER).defaultValue("300").range(1, 86_400)
                        .description("Seconds to wait for a response, and between packets of its body; a slower"
                                + " answer is abandoned and the call retried."),
                ConfigKey.of(RETRY_MAX_WAIT_SECONDS, ConfigType.INTEGER).defaultValue("300").range(0, 86_400)
                        .description("How long a crawl waits for Mimecast when it cannot be connected to (refused,"
                                + " no route, unknown host, connect timeout) after it answered: calls retry with"
                                + " backoff and the log says since when; past this many seconds the waiting"
                                + " mailboxes stop, to be crawled again from their checkpoints by the next run,"
                                + " without recording their messages as failed. 0 waits only the ordinary"
                                + " retries."));
    }
}
