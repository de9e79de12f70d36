package io.connectorkit.api;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A failure reported by a connector, classified by {@link ErrorKind}. The message is one
 * sentence for an administrator: it names the thing, the value and the fix, and never contains
 * a secret.
 */
public class ConnectorException extends Exception {
    private static final long serialVersionUID = 1L;

    /** The classification that decides what the host does. */
    private final ErrorKind kind;
    private final transient Duration retryAfter;

    /**
     * Creates an exception of the given kind.
     *
     * @param kind what the host should do about it
     * @param message one sentence naming the thing, the value and the fix
     */
    public ConnectorException(ErrorKind kind, String message) {
        this(kind, message, null, null);
    }

    /**
     * Creates an exception of the given kind with a cause.
     *
     * @param kind what the host should do about it
     * @param message one sentence naming the thing, the value and the fix
     * @param cause the underlying failure, or {@code null}
     */
    public ConnectorException(ErrorKind kind, String message, Throwable cause) {
        this(kind, message, cause, null);
    }

    /**
     * Creates an exception of the given kind with a cause and a hint for when to retry.
     *
     * @param kind what the host should do about it
     * @param message one sentence naming the thing, the value and the fix
     * @param cause the underlying failure, or {@code null}
     * @param retryAfter how long the source asked the client to wait, or {@code null}
     */
    public ConnectorException(ErrorKind kind, String message, Throwable cause, Duration retryAfter) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.retryAfter = retryAfter;
    }

    /**
     * The classification that decides what the host does.
     *
     * @return the kind, never {@code null}
     */
    public ErrorKind kind() {
        return kind;
    }

    /**
     * Whether retrying the same operation later may succeed.
     *
     * @return {@code kind().isRetryable()}
     */
    public boolean isRetryable() {
        return kind.isRetryable();
    }

    /**
     * How long the source asked the client to wait before retrying, when it said.
     *
     * @return the wait, or empty when the source gave no hint
     */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
