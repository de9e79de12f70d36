package io.connectorkit.mimecast.client;

import static java.util.Objects.requireNonNull;

import io.connectorkit.api.ConnectorException;
import io.connectorkit.mimecast.MimecastConfig;
import jakarta.inject.Inject;

/**
 * Starts listings of a list function ({@link MimecastListing}): pulls its pages one by one,
 * sending the same query with {@code meta.pagination.pageToken} set to the previous page's
 * {@code next} until a page has no {@code next} or no items.
 */
public final class MimecastPager {
    /** Restarts that got no further than the attempt before, allowed per listing. */
    public static final int MAX_STALLS = 2;

    private final int pageSize;

    @Inject
    MimecastPager(MimecastConfig config) {
        this.pageSize = requireNonNull(config, "config").performance().pageSize();
    }

    /**
     * One page of a query, as the client's typed calls answer it.
     *
     * @param <T> the item type
     */
    @FunctionalInterface
    public interface PageCall<T> {
        /**
         * Fetches one page.
         *
         * @param pageSize the page size
         * @param pageToken the page's token, or null for the first page
         * @return the page
         * @throws ConnectorException if the call fails
         */
        MimecastPage<T> fetch(int pageSize, String pageToken) throws ConnectorException;
    }

    /**
     * A listing from {@code startToken} on; nothing is fetched before its first {@link MimecastListing#next()}.
     *
     * @param path the function, for messages
     * @param what what is listed, for messages
     * @param startToken a token saved from an earlier page of the same query, or null
     * @param size the page size, or 0 for {@code mimecast.page-size}
     * @param call fetches one page of the query
     * @param <T> the item type
     * @return the listing
     */
    public <T> MimecastListing<T> list(String path, String what, String startToken, int size, PageCall<T> call) {
        return new MimecastListing<>(path, what, startToken, size > 0 ? size : pageSize, call);
    }
}
