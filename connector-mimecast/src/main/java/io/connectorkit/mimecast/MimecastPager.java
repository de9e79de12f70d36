package io.connectorkit.mimecast;

import static java.util.Objects.requireNonNull;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.connectorkit.api.ConnectorException;
import io.connectorkit.api.ErrorKind;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Pages through a list function: sends the same request with {@code meta.pagination.pageToken}
 * set to the previous page's {@code next} until a page has no {@code next} or no items. A page
 * token is only ever sent with the query that produced it.
 *
 * <p>Page tokens expire, mid-listing or between runs, and the service answers that in more than
 * one way (a {@code fail[]} code, a bare 400). So when a request that carries a page token fails
 * with anything but a fatal error or a rate limit, the listing starts again from its first page:
 * once for a saved start token, then whenever an attempt gets further than every one before it,
 * and at most {@link #MAX_STALLS} times when it does not, so a page that keeps failing ends the
 * listing with its error instead of looping. Handlers therefore see pages again and must skip items they have seen.
 */
final class MimecastPager {
    /** Receives one page. */
    interface PageHandler {
        /**
         * Handles a page.
         *
         * @param items the page's items
         * @param next the token of the following page, or null on the last page
         * @throws ConnectorException to stop paging with an error
         */
        void page(List<JsonObject> items, String next) throws ConnectorException;
    }

    /** Restarts that got no further than the attempt before, allowed per listing. */
    static final int MAX_STALLS = 2;

    private final MimecastClient client;
    private final int pageSize;

    @Inject
    MimecastPager(MimecastClient client, MimecastConfig config) {
        this.client = requireNonNull(client, "client");
        this.pageSize = requireNonNull(config, "config").performance().pageSize();
    }

    /**
     * Reads every page from {@code startToken} on.
     *
     * @param path the function
     * @param item the one request item ({@code data[0]}), or null to send none
     * @param startToken a token saved from an earlier page of the same query, or null
     * @param size the page size, or 0 for {@code mimecast.page-size}
     * @param what what is listed, for messages
     * @param handler receives each page
     * @param nested names of arrays under {@code data[0]} that hold the items (else {@code data[]})
     * @throws ConnectorException if a page cannot be read even from the first page, or the handler throws
     */
    void forEachPage(String path, JsonObject item, String startToken, int size, String what, PageHandler handler,
            String... nested) throws ConnectorException {
        String token = startToken;
        boolean fromFirst = startToken == null;
        int pages = 0;
        int furthest = 0;
        int stalls = 0;
        while (true) {
            JsonObject pagination = new JsonObject();
            pagination.addProperty("pageSize", size > 0 ? size : pageSize);
            if (token != null) {
                pagination.addProperty("pageToken", token);
            }
            JsonObject meta = new JsonObject();
            meta.add("pagination", pagination);
            JsonObject body = new JsonObject();
            body.add("meta", meta);
            JsonArray data = new JsonArray();
            if (item != null) {
                data.add(item);
            }
            body.add("data", data);
            JsonObject response;
            try {
                response = client.call(path, body, what);
            } catch (ConnectorException e) {
                boolean stalled = fromFirst && pages <= furthest;
                if (token == null || e.kind().isFatal() || e.kind() == ErrorKind.RATE_LIMITED
                        || e instanceof MimecastUnreachableException || (stalled && ++stalls > MAX_STALLS)) {
                    throw e;
                }
                furthest = fromFirst ? Math.max(furthest, pages) : 0;
                fromFirst = true;
                pages = 0;
                token = null;
                continue;
            }
            pages++;
            if (!response.has("data") || !response.get("data").isJsonArray()) {
                // Without data[] a page is broken, not empty: ending the listing here would make
                // the host take the items of the later pages for deleted.
                throw new ConnectorException(ErrorKind.TRANSIENT, path + " for " + what + " answered a page"
                        + (token == null ? "" : " after the first") + " without a data[] array, so the listing is"
                        + " incomplete; retry later");
            }
            List<JsonObject> items = MimecastJson.items(response, nested);
            String next = MimecastJson.object(response, "meta").flatMap(m -> MimecastJson.object(m, "pagination"))
                    .flatMap(p -> MimecastJson.string(p, "next")).filter(s -> !s.isBlank()).orElse(null);
            if (items.isEmpty() || (next != null && next.equals(token))) {
                next = null;
            }
            handler.page(items, next);
            if (next == null) {
                return;
            }
            token = next;
        }
    }
}
