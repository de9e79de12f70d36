package io.connectorkit.runtime.state;

/** The state store could not be read or written. */
public class StateStoreException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message one sentence naming the index, the partition and what to check
     * @param cause the underlying failure, or {@code null}
     */
    public StateStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
