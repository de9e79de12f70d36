package io.connectorkit.api;

/**
 * What went wrong, in the terms a host acts on. The kind alone decides what the host does; the
 * message is for people. How a host reports each kind to its operators is the host's own
 * business.
 */
public enum ErrorKind {
    /** The configuration is invalid or inconsistent. Not retried; the host stops the run. */
    CONFIGURATION(false),
    /** The source rejected the credentials. Not retried; the host stops the run. */
    AUTHENTICATION(false),
    /**
     * The credentials are valid but lack a product, role or permission. Not retried; the host
     * stops the run.
     */
    PERMISSION(false),
    /** The source asked the client to slow down. Retried after waiting; never loses work. */
    RATE_LIMITED(true),
    /** A fault that may pass: a timeout, a dropped connection, a 5xx. Retried with backoff. */
    TRANSIENT(true),
    /** A fault that will not pass by retrying: malformed data, a rejected item. */
    PERMANENT(false);

    private final boolean retryable;

    ErrorKind(boolean retryable) {
        this.retryable = retryable;
    }

    /**
     * Whether the same operation may succeed if it is tried again later.
     *
     * @return {@code true} for {@link #RATE_LIMITED} and {@link #TRANSIENT}
     */
    public boolean isRetryable() {
        return retryable;
    }

    /**
     * Whether an error of this kind ends the whole run rather than one item or partition.
     *
     * @return {@code true} for {@link #CONFIGURATION}, {@link #AUTHENTICATION} and
     *     {@link #PERMISSION}
     */
    public boolean isFatal() {
        return this == CONFIGURATION || this == AUTHENTICATION || this == PERMISSION;
    }
}
