package io.connectorkit.api;

/**
 * How a cancelled crawl is unwound. A connector learns of cancellation from
 * {@link ConnectorContext#cancelled()}; this exception is not a second signal but the way out:
 *
 * <ul>
 *   <li>the host's {@link Emitter} throws it from {@link Emitter#upsert}, {@link Emitter#unchanged}
 *       and {@link Emitter#delete} once the run is cancelled, so a connector that did not look (or
 *       is blocked by back-pressure) stops;</li>
 *   <li>a connector may throw it itself when it sees the signal deep inside a wait (a rate limit, a
 *       retry backoff) from which returning normally is awkward.</li>
 * </ul>
 *
 * <p>Connectors let it propagate out of {@link ConnectorSession#crawl} and
 * {@link ConnectorSession#refetch}; never catch it in an item loop. The host catches it and treats
 * the crawl as cancelled, so it is unchecked.
 */
public class CancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was cancelled
     */
    public CancelledException(String message) {
        super(message);
    }
}
