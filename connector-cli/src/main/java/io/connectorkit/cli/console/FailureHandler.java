package io.connectorkit.cli.console;

import io.connectorkit.api.ConnectorException;
import io.connectorkit.api.config.ConfigProblem;
import io.connectorkit.api.config.InvalidConfigException;
import java.io.PrintWriter;
import java.util.Objects;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;
import picocli.CommandLine;

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

    /**
     * A command line picocli could not parse: one {@code error:} sentence (picocli's own text,
     * which names the option or argument and the value), a suggestion when picocli has one, and
     * the help command to run, starting the way the user started this one. Exit 2.
     */
    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        PrintWriter err = context.err();
        String message = ex.getMessage() == null ? "invalid command line" : ex.getMessage().strip();
        while (message.endsWith(".")) {
            message = message.substring(0, message.length() - 1);
        }
        if (ex instanceof UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
            message += "; did you mean '" + unmatched.getSuggestions().get(0) + "'?";
        } else {
            message += ".";
        }
        err.println("error: " + context.redactor().redact(message));
        CommandSpec spec = ex.getCommandLine().getCommandSpec();
        String qualified = spec.qualifiedName();
        String root = spec.root().name();
        String typed = qualified.startsWith(root) ? context.commandName() + qualified.substring(root.length())
                : qualified;
        err.println("Run '" + typed + " --help' to see the options.");
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
