package io.connectorkit.mimecast.client;

import static java.util.Objects.requireNonNull;

import io.connectorkit.api.ConnectorException;
import io.connectorkit.api.ErrorKind;
import io.connectorkit.mimecast.http.MimecastUnreachableException;
import java.util.NoSuchElementException;

/**
 * One listing in progress, pulled a page at a time: {@link #hasNext()}, then {@link #next()}. A
 * page token is only ever sent with the query that produced it.
 *
 * <p>Page tokens expire, mid-listing or between runs, and the service answers that in more than
 * one way (a {@code fail[]} code, a bare 400). So when a request that carries a page token fails
 * with anything but a fatal error or a rate limit, the listing starts again from its first page:
 * once for a saved start token, then whenever an attempt gets further than every one before it,
 * and at most {@link MimecastPager#MAX_STALLS} times when it does not, so a page that keeps failing
 * ends the listing with its error instead of looping. Callers therefore see pages again and must
 * skip items they have seen. Not thread-safe: one listing belongs to one crawl.
 *
 * @param <T> the item type
 */
public final class MimecastListing<T> {
    private final String path;
    private final String what;
    private final int pageSize;
    private final MimecastPager.PageCall<T> call;
    private String token;
    private boolean fromFirst;
    private boolean done;
    private int pages;
    private int furthest;
    private int stalls;

    MimecastListing(String path, String what, String startToken, int pageSize, MimecastPager.PageCall<T> call) {
        this.path = requireNonNull(path, "path");
        this.what = requireNonNull(what, "what");
        this.token = startToken;
        this.fromFirst = startToken == null;
        this.pageSize = pageSize;
        this.call = requireNonNull(call, "call");
    }

    /** @return whether a page is still to come: false once a page named no next one */
    public boolean hasNext() {
        return !done;
    }

    /**
     * Fetches the next page. Its {@code next} is null on the last page (no further token, no
     * items, or the token just sent given back again).
     *
     * @return the page
     * @throws ConnectorException if a page cannot be read even from the first page
     * @throws NoSuchElementException after the last page
     */
    public MimecastPage<T> next() throws ConnectorException {
        if (done) {
            throw new NoSuchElementException("The listing of " + what + " has ended");
        }
        while (true) {
            MimecastPage<T> page;
            try {
                page = call.fetch(pageSize, token);
            } catch (ConnectorException e) {
                boolean stalled = fromFirst && pages <= furthest;
                if (token == null || e.kind().isFatal() || e.kind() == ErrorKind.RATE_LIMITED
                        || e instanceof MimecastUnreachableException || (stalled && ++stalls > MimecastPager.MAX_STALLS)) {
                    throw e;
                }
                furthest = fromFirst ? Math.max(furthest, pages) : 0;
                fromFirst = true;
                pages = 0;
                token = null;
                continue;
            }
            pages++;
            if (page.withoutData()) {
                // Without data[] a page is broken, not empty: ending the listing here would make
                // the host take the items of the later pages for deleted.
                throw new ConnectorException(ErrorKind.TRANSIENT, path + " for " + what + " answered a page"
                        + (token == null ? "" : " after the first") + " without a data[] array, so the listing is"
                        + " incomplete; retry later");
            }
            String next = page.next();
            if (page.items().isEmpty() || (next != null && next.equals(token))) {
                next = null;
            }
            if (next == null) {
                done = true;
            } else {
                token = next;
            }
            return new MimecastPage<>(page.items(), next, false);
        }
    }
}
