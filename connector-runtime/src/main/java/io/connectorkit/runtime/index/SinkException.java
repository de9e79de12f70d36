package io.connectorkit.runtime.index;

/**
 * The index could not be written or queried, after retries. The pipeline treats it as a
 * transient failure of the partitions whose writes were affected.
 */
public class SinkException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message one sentence naming the index, the operation and what to check
     * @param cause the underlying failure, or {@code null}
     */
    public SinkException(String message, Throwable cause) {
        super(message, cause);
    }
}
