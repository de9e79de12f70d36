package io.connectorkit.cli.console;

import java.util.Objects;

/**
 * A failure that a command detected itself, such as a missing configuration file. Its message is
 * printed as it is, so it is one sentence naming the thing, the value and the fix.
 */
public class CommandException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ExitStatus status;

    /**
     * Creates the exception.
     *
     * @param status the exit status the command ends with
     * @param message one sentence naming the thing, the value and the fix
     */
    public CommandException(ExitStatus status, String message) {
        super(Objects.requireNonNull(message, "message"));
        this.status = Objects.requireNonNull(status, "status");
    }

    /**
     * The exit status the command ends with.
     *
     * @return the status
     */
    public ExitStatus status() {
        return status;
    }
}
