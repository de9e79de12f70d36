package io.connectorkit.mimecast.client;

import static java.util.Objects.requireNonNull;

import com.google.gson.JsonObject;
import io.connectorkit.api.ConnectorException;
import io.connectorkit.api.ErrorKind;
import io.connectorkit.mimecast.MimecastConfig;
import io.connectorkit.mimecast.MimecastKeys;
import io.connectorkit.mimecast.http.MimecastHttp;
import io.connectorkit.mimecast.http.MimecastRedirects;
import io.connectorkit.mimecast.http.MimecastReply;
import io.connectorkit.mimecast.http.MimecastSpool;
import io.connectorkit.mimecast.http.MimecastStats;
import io.connectorkit.mimecast.http.MimecastTrace;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;

/**
 * The typed Mimecast API 2.0 client: one call per function the connector uses, answering the
 * client's records ({@link MimecastWire} maps them). Each is a {@code POST {api-endpoint}/api/...}
 * with a bearer token and a JSON envelope. Reads {@code fail[]} even on HTTP 200, maps statuses and codes to
 * {@link ErrorKind}, re-mints the token once on a 401, and downloads content from 2.0 pre-signed
 * URLs ({@code urls[]} or {@code url}, fetched without the bearer, following redirects only to
 * https) or from a binary body. A redirect on an API call is an error (see {@link MimecastRedirects}).
 * Thread-safe; one per session.
 */
public final class MimecastClient {
    public static final String DOMAINS = "/api/domain/get-internal-domain";
    public static final String USERS = "/api/user/get-internal-users";
    public static final String LIST = "/api/archive/get-message-list";
    public static final String DETAIL = "/api/archive/get-message-detail";
    public static final String GET_FILE = "/api/archive/get-file";
    public static final String PART = "/api/archive/get-message-part";
    public static final String ACCOUNT = "/api/account/get-account";
    /** The code Mimecast answers for a message id it does not have. */
    static final String MESSAGE_NOT_FOUND = "err_message_not_found";

    private final MimecastHttp http;
    private final MimecastTokenSource tokens;
    private final MimecastTrace trace;
    private final MimecastStats stats;
    private final String apiEndpoint;

    @Inject
    MimecastClient(MimecastHttp http, MimecastTokenSource tokens, MimecastTrace trace, MimecastStats stats,
            MimecastConfig config) {
        this.http = requireNonNull(http, "http");
        this.tokens = requireNonNull(tokens, "tokens");
        this.trace = requireNonNull(trace, "trace");
        this.stats = requireNonNull(stats, "stats");
        this.apiEndpoint = requireNonNull(config, "config").connection().apiEndpoint();
    }

    /**
     * The internal domains ({@code get-internal-domain}, one call: the list is not paged).
     *
     * @return the domains as answered
     * @throws ConnectorException classified by status and {@code fail[]} code
     */
    public List<MimecastDomain> domains() throws ConnectorException {
        return MimecastWire.domains(call(DOMAINS, MimecastWire.noItem(), "the internal domains"));
    }

    /**
     * One page of a domain's users ({@code get-internal-users}).
     *
     * @param domain the domain
     * @param pageSize the page size
     * @param pageToken the token of the page, or null for the first
     * @return the page
     * @throws ConnectorException as for {@link #domains()}
     */
    public MimecastPage<MimecastUser> users(String domain, int pageSize, String pageToken) throws ConnectorException {
        return MimecastWire.page(call(USERS, MimecastWire.pageRequest(MimecastWire.usersItem(domain), pageSize,
                pageToken), "the users of domain " + domain), "users", MimecastWire::user);
    }

    /**
     * One page of a mailbox view's messages ({@code get-message-list}).
     *
     * @param query the mailbox, view and window
     * @param pageSize the page size
     * @param pageToken the token of the page (only ever one this query produced), or null for the first
     * @param what the listing, for messages, such as "INBOX of mailbox a@b"
     * @return the page
     * @throws ConnectorException as for {@link #domains()}
     */
    public MimecastPage<MimecastMessage> messages(MimecastMessageQuery query, int pageSize, String pageToken, String what)
            throws ConnectorException {
        return MimecastWire.page(call(LIST, MimecastWire.pageRequest(MimecastWire.messagesItem(query), pageSize,
                pageToken), what), "messages", MimecastWire::message);
    }

    /**
     * A message's detail ({@code get-message-detail}).
     *
     * @param id the Mimecast message id
     * @return the detail
     * @throws ConnectorException as for {@link #domains()}, or PERMANENT when the answer holds no detail
     */
    public MimecastMessageDetail messageDetail(String id) throws ConnectorException {
        return detail(call(DETAIL, MimecastWire.idRequest(id), "message " + id), id);
    }

    /**
     * A message's detail, or that Mimecast no longer has the message: its answer failed with
     * {@value #MESSAGE_NOT_FOUND}, an error that no retry mends.
     *
     * @param id the Mimecast message id
     * @return the detail, or empty when the archive has no such message
     * @throws ConnectorException as for {@link #messageDetail}
     */
    public Optional<MimecastMessageDetail> findMessage(String id) throws ConnectorException {
        JsonObject body = call(DETAIL, MimecastWire.idRequest(id), "message " + id, MESSAGE_NOT_FOUND);
        return body == null ? Optional.empty() : Optional.of(detail(body, id));
    }

    private static MimecastMessageDetail detail(JsonObject body, String id) throws ConnectorException {
        return MimecastWire.detail(body).orElseThrow(() -> new ConnectorException(ErrorKind.PERMANENT, DETAIL
                + " returned no detail for message " + id));
    }

    /**
     * The account ({@code get-account}).
     *
     * @return what it says about the tenant
     * @throws ConnectorException as for {@link #domains()}
     */
    public MimecastAccount account() throws ConnectorException {
        return MimecastWire.account(call(ACCOUNT, MimecastWire.noItem(), "the account"));
    }

    /**
     * Downloads a file ({@code get-file}): a whole message as MIME, or one attachment.
     *
     * @param id the message or attachment id
     * @param what the item, for messages, such as "message eNo..."
     * @param maxBytes bytes beyond this are counted but not kept
     * @return the spooled content; the caller closes it
     * @throws ConnectorException as for {@link #domains()}
     */
    public MimecastSpool file(String id, String what, long maxBytes) throws ConnectorException {
        return download(GET_FILE, MimecastWire.idRequest(id), what, maxBytes);
    }

    /**
     * Downloads one body part of a message ({@code get-message-part}).
     *
     * @param id the message id
     * @param mailbox the mailbox it was listed in
     * @param type {@code PLAIN} or {@code HTML}
     * @param what the item, for messages
     * @param maxBytes bytes beyond this are counted but not kept
     * @return the spooled content; the caller closes it
     * @throws ConnectorException as for {@link #domains()}
     */
    public MimecastSpool messagePart(String id, String mailbox, String type, String what, long maxBytes)
            throws ConnectorException {
        return download(PART, MimecastWire.partRequest(id, mailbox, type), what, maxBytes);
    }

    private JsonObject call(String path, JsonObject body, String what) throws ConnectorException {
        return call(path, body, what, null);
    }

    /**
     * Calls a function and returns its JSON body.
     *
     * @param absent a {@code fail[]} code that means "no such item", answered with null instead
     *     of an error (unless the status makes it fatal), or null
     */
    private JsonObject call(String path, JsonObject body, String what, String absent) throws ConnectorException {
        for (int attempt = 1; ; attempt++) {
            MimecastReply reply = post(path, body, false, 0);
            JsonObject json = MimecastWire.parse(reply.text());
            List<MimecastFailure> failures = MimecastWire.failures(json);
            if (reply.status() == 200 && failures.isEmpty() && json != null) {
                return json;
            }
            if (reply.status() == 200 && failures.isEmpty()) {
                // A cut-off body: the call itself worked, so asking again is safe.
                if (attempt < MimecastHttp.MAX_TRANSIENT) {
                    continue;
                }
                throw new ConnectorException(ErrorKind.TRANSIENT, path + " for " + what + " answered HTTP 200 "
                        + attempt + " times with a body that is not a JSON object; retry later");
            }
            ConnectorException error = MimecastFailure.toException(failures, reply.status(), path, what);
            if (absent != null && !failures.isEmpty() && absent.equals(failures.get(0).code()) && !error.kind().isFatal()
                    && error.kind() != ErrorKind.RATE_LIMITED) {
                return null;
            }
            throw error;
        }
    }

    /**
     * Calls a function that returns content and downloads it.
     *
     * @param path {@code /api/archive/get-file} or {@code /api/archive/get-message-part}
     * @param body the request envelope
     * @param what the item, for messages
     * @param maxBytes bytes beyond this are counted but not kept
     * @return the spooled content; the caller closes it
     * @throws ConnectorException classified as for {@link #call}
     */
    private MimecastSpool download(String path, JsonObject body, String what, long maxBytes)
            throws ConnectorException {
        int cutBodies = 0;
        int expiredUrls = 0;
        while (true) {
            MimecastReply reply = post(path, body, true, maxBytes);
            if (reply.spool() != null) {
                stats.download(reply.spool().length());
                return reply.spool();
            }
            JsonObject json = MimecastWire.parse(reply.text());
            List<MimecastFailure> failures = MimecastWire.failures(json);
            if (reply.status() == 200 && failures.isEmpty() && json == null) {
                // A cut-off body, as in call(): the request worked, so asking again is safe.
                if (++cutBodies < MimecastHttp.MAX_TRANSIENT) {
                    continue;
                }
                throw new ConnectorException(ErrorKind.TRANSIENT, path + " for " + what + " answered HTTP 200 "
                        + cutBodies + " times with neither content nor a JSON object; retry later");
            }
            if (reply.status() != 200 || !failures.isEmpty()) {
                throw MimecastFailure.toException(failures, reply.status(), path, what);
            }
            Optional<String> url = MimecastWire.downloadUrl(json);
            if (url.isEmpty()) {
                throw new ConnectorException(ErrorKind.PERMANENT, path + " for " + what
                        + " answered without content and without a download URL (data[0].urls[] or data[0].url)");
            }
            MimecastReply download = fetch(url.get(), what, maxBytes);
            if (download.status() == 200 && download.spool() != null) {
                stats.download(download.spool().length());
                return download.spool();
            }
            boolean expired = download.status() == 403 || download.status() == 404;
            if (expired && ++expiredUrls == 1) {
                // Pre-signed URLs are short-lived: ask for a fresh one once.
                continue;
            }
            ErrorKind kind = expired || download.status() >= 500 ? ErrorKind.TRANSIENT : ErrorKind.PERMANENT;
            throw new ConnectorException(kind, "Downloading " + what + " from " + trace.redact(url.get())
                    + " answered HTTP " + download.status() + (expired ? " for " + expiredUrls + " fresh URLs" : "")
                    + "; retry later");
        }
    }

    private MimecastReply fetch(String first, String what, long maxBytes) throws ConnectorException {
        String url = first;
        for (int hops = 0; ; hops++) {
            String target = url;
            // Pre-signed URLs carry their own credentials: the bearer must not travel to the download host.
            // Not an API call: the download host's GETs do not spend the application's quota.
            MimecastReply reply = http.send(() -> ClassicRequestBuilder.get(target).build(), true, maxBytes, false);
            if (!MimecastRedirects.is(reply.status())) {
                return reply;
            }
            url = MimecastRedirects.nextDownload(url, reply, what, hops);
        }
    }

    private MimecastReply post(String path, JsonObject body, boolean spool, long maxBytes)
            throws ConnectorException {
        String url = apiEndpoint + path;
        String text = body.toString();
        trace.body("request", url, text);
        String token = tokens.token();
        MimecastReply reply = notRedirected(url, http.send(() -> request(url, text, token), spool, maxBytes));
        if (reply.status() == 401) {
            // Tokens expire every 30 minutes, possibly mid-crawl: mint once more, then give up.
            tokens.invalidate(token);
            String fresh = tokens.token();
            reply = notRedirected(url, http.send(() -> request(url, text, fresh), spool, maxBytes));
            if (reply.status() == 401) {
                throw MimecastFailure.toException(MimecastWire.failures(MimecastWire.parse(reply.text())), 401, path,
                        "a fresh token");
            }
        }
        return reply;
    }

    private static MimecastReply notRedirected(String url, MimecastReply reply) throws ConnectorException {
        if (MimecastRedirects.is(reply.status())) {
            throw MimecastRedirects.refused("POST " + url, url, reply, MimecastKeys.API_ENDPOINT);
        }
        return reply;
    }

    private static ClassicHttpRequest request(String url, String json, String token) {
        return ClassicRequestBuilder.post(url)
                .setEntity(new StringEntity(json, ContentType.APPLICATION_JSON))
                .addHeader("Authorization", "Bearer " + token)
                .addHeader("Accept", "application/json")
                .build();
    }
}
