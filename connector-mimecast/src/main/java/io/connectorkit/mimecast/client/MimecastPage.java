package io.connectorkit.mimecast.client;

import java.util.List;

/**
 * One page of a list function.
 *
 * @param items the page's items
 * @param next {@code meta.pagination.next}, or null when the answer names no further page
 * @param withoutData whether the answer lacked its {@code data[]} array: a broken page, not an empty one
 * @param <T> the item type
 */
public record MimecastPage<T>(List<T> items, String next, boolean withoutData) {
    public MimecastPage {
        items = List.copyOf(items);
    }
}
