package io.connectorkit.cli;

import io.connectorkit.api.ConfigProblem;
import io.connectorkit.api.ConnectorException;
import io.connectorkit.api.InvalidConfigException;
import java.io.PrintWriter;
import java.util.Objects;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns whatever ended a command into an exit status and one clear sentence per problem on
 * standard error. Never prints a stack trace (it goes to the log at DEBUG) and never a secret.
 */
public final class FailureHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {
    private static final Logger LOG = LogManager.getLogger(FailureHandler.class);

    private final CommandContext context;

    /**
     * Creates the handler.
     *
     * @param context the invocation's output and secrets
     */
    public FailureHandler(CommandContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        return report(ex).code();
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        PrintWriter err = context.err();
        err.println("error: " + context.redactor().redact(ex.getMessage()) + ".");
        err.println("Run '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' to see the options.");
        err.flush();
        return ExitStatus.INVALID_CONFIGURATION.code();
    }

    /**
     * Prints a failure and chooses the exit status.
     *
     * @param failure what ended the command
     * @return the exit status
     */
    public ExitStatus report(Throwable failure) {
        PrintWriter err = context.err();
        Redactor redactor = context.redactor();
        LOG.debug("The command failed", failure);
        ExitStatus status;
        InvalidConfigException invalid = find(failure, InvalidConfigException.class);
        ConnectorException connector = find(failure, ConnectorException.class);
        CommandException command = find(failure, CommandException.class);
        if (invalid != null) {
            for (ConfigProblem p : invalid.problems()) {
                err.println("error: invalid configuration: " + redactor.redact(p.toString()));
            }
            status = ExitStatus.INVALID_CONFIGURATION;
        } else if (command != null) {
            err.println("error: " + redactor.redact(command.getMessage()));
            status = command.status();
        } else if (connector != null) {
            err.println("error: " + redactor.redact(connector.getMessage()));
            status = ExitStatus.of(connector.kind());
        } else {
            String what = failure.getMessage() == null || failure.getMessage().isBlank()
                    ? failure.getClass().getSimpleName() : failure.getMessage();
            err.println("error: unexpected failure: " + redactor.redact(what)
                    + "; run again with --log-level DEBUG to see where it happened.");
            status = ExitStatus.FATAL;
        }
        err.flush();
        return status;
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
