package io.connectorkit.cli.console;

import io.connectorkit.api.ErrorKind;

/**
 * The exit statuses of the {@code connector} command: a public contract that scripts rely on.
 * Add new statuses, never renumber.
 */
public enum ExitStatus {
    /** Everything succeeded. */
    OK(0),
    /** The command finished, but some items failed; {@code connector status} lists them. */
    ITEM_FAILURES(1),
    /** The configuration (or the command line) is invalid. */
    INVALID_CONFIGURATION(2),
    /** The source rejected the credentials, or they lack a product or permission. */
    AUTHENTICATION(3),
    /** Any other fatal error. */
    FATAL(4);

    private final int code;

    ExitStatus(int code) {
        this.code = code;
    }

    /**
     * The number the process exits with.
     *
     * @return the exit code
     */
    public int code() {
        return code;
    }

    /**
     * The status for an error of a kind.
     *
     * @param kind the kind of error that ended the command
     * @return {@link #INVALID_CONFIGURATION} for configuration errors, {@link #AUTHENTICATION}
     *     for authentication and permission errors, {@link #FATAL} otherwise
     */
    public static ExitStatus of(ErrorKind kind) {
        switch (kind) {
            case CONFIGURATION:
                return INVALID_CONFIGURATION;
            case AUTHENTICATION:
            case PERMISSION:
                return AUTHENTICATION;
            default:
                return FATAL;
        }
    }
}
