package io.connectorkit.mimecast.http;

import io.connectorkit.api.ConnectorException;
import io.connectorkit.api.ErrorKind;

/**
 * Mimecast could not be connected to for longer than the crawl waits for it. An outage of the
 * source, not a fault of the item being fetched: it ends the mailbox's crawl (retried from its
 * last checkpoint) instead of being recorded as a failure of every message met meanwhile.
 */
public final class MimecastUnreachableException extends ConnectorException {
    private static final long serialVersionUID = 1L;

    MimecastUnreachableException(String message, Throwable cause) {
        super(ErrorKind.TRANSIENT, message, cause);
    }
}
