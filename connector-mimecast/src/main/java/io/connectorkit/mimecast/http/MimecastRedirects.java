package io.connectorkit.mimecast.http;

import io.connectorkit.api.ConnectorException;
import io.connectorkit.api.ErrorKind;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * What a redirect may do. The HTTP client follows none by itself: a token call or an API call that
 * followed one would carry the client secret or the bearer to whatever host the {@code Location}
 * names, and Mimecast does not redirect these calls, so one is an error naming the endpoint and the
 * {@code Location}'s host (never its query, which may hold a signature). A pre-signed download,
 * which carries no credential of ours, may follow a few redirects, but only to https.
 */
public final class MimecastRedirects {
    /** Redirects a download may follow before it is refused as a loop. */
    static final int MAX_DOWNLOAD_HOPS = 5;

    private MimecastRedirects() {
    }

    /**
     * @param status an HTTP status
     * @return whether it is a redirect that names a new location
     */
    public static boolean is(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /**
     * The refusal of a redirect on a credentialed call.
     *
     * @param what the call, such as "The token service https://…/oauth/token"
     * @param url the URL called
     * @param reply the redirect
     * @param key the configuration key that names the endpoint
     * @return the error, {@link ErrorKind#CONFIGURATION}: the endpoint is not Mimecast's
     */
    public static ConnectorException refused(String what, String url, MimecastReply reply, String key) {
        return new ConnectorException(ErrorKind.CONFIGURATION, what + " answered HTTP " + reply.status()
                + " redirecting to " + host(url, reply.header("Location"))
                + "; redirects are never followed on the token call or on API calls, as they would carry the"
                + " credentials to another host: check " + key + " (Mimecast does not redirect these calls)");
    }

    /**
     * Where a download redirect leads, if it may be followed.
     *
     * @param url the URL that answered the redirect
     * @param reply the redirect
     * @param what the item being downloaded, for the message
     * @param hops redirects already followed
     * @return the absolute https URL to fetch next
     * @throws ConnectorException PERMANENT for a redirect to anything but https, or too many of them
     */
    public static String nextDownload(String url, MimecastReply reply, String what, int hops) throws ConnectorException {
        Optional<URI> next = resolve(url, reply.header("Location"));
        if (next.isEmpty() || !"https".equals(next.get().getScheme().toLowerCase(Locale.ROOT))
                || next.get().getHost() == null) {
            throw new ConnectorException(ErrorKind.PERMANENT, "Downloading " + what + " from " + host(url, null)
                    + " answered HTTP " + reply.status() + " redirecting to " + host(url, reply.header("Location"))
                    + ", which is not https: a download follows redirects only to https, so it was not fetched;"
                    + " the next crawl asks for a fresh download URL");
        }
        if (hops >= MAX_DOWNLOAD_HOPS) {
            throw new ConnectorException(ErrorKind.PERMANENT, "Downloading " + what + " was redirected more than "
                    + MAX_DOWNLOAD_HOPS + " times, last to " + host(url, reply.header("Location"))
                    + "; the next crawl asks for a fresh download URL");
        }
        return next.get().toString();
    }

    /**
     * The scheme, host and port a location names, without user information, path or query.
     *
     * @param url the URL that answered
     * @param location the {@code Location} header, relative or absolute, or null for {@code url} itself
     * @return such as {@code https://elsewhere.example:8443}, or a note when there is no usable location
     */
    static String host(String url, String location) {
        if (location != null && location.isBlank()) {
            return "no location";
        }
        Optional<URI> target = location == null ? parse(url) : resolve(url, location);
        if (target.isEmpty() || target.get().getHost() == null) {
            return "an unreadable location";
        }
        URI t = target.get();
        return (t.getScheme() == null ? "" : t.getScheme() + "://") + t.getHost()
                + (t.getPort() < 0 ? "" : ":" + t.getPort());
    }

    private static Optional<URI> resolve(String url, String location) {
        if (location == null || location.isBlank()) {
            return Optional.empty();
        }
        Optional<URI> base = parse(url);
        try {
            return base.map(b -> b.resolve(location.trim()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<URI> parse(String url) {
        try {
            return Optional.of(URI.create(url));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
