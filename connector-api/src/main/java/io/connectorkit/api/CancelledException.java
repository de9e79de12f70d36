package io.connectorkit.api;

/**
 * Thrown by {@link Emitter} methods once the run is cancelled. Connectors let it propagate; the
 * host catches it, so it is unchecked.
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
