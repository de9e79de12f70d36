package io.connectorkit.cli;

import io.connectorkit.cli.console.CommandContext;
import io.connectorkit.cli.console.CommandException;
import io.connectorkit.cli.console.FailureHandler;
import java.lang.reflect.Constructor;
import java.nio.file.Path;
import java.util.Objects;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine;

/**
 * Builds the {@code connector} command line: the command tree, the factory that hands every
 * command the invocation's {@link CommandContext}, the failure handler and the logging options.
 * Tests call {@link #create} with a context around string writers and run
 * {@link CommandLine#execute}.
 */
public final class ConnectorCli {
    private ConnectorCli() {
    }

    /**
     * Builds the command line for one invocation.
     *
     * @param context where output goes and what the environment holds
     * @return the command line, ready for {@link CommandLine#execute}
     */
    public static CommandLine create(CommandContext context) {
        Objects.requireNonNull(context, "context");
        CommandLine cli = new CommandLine(ConnectorCommand.class, new ContextFactory(context));
        for (Class<?> sub : Commands.ALL) {
            cli.addSubcommand(sub);
        }
        // "connector help [COMMAND]", as the other command-line tools an administrator knows have it.
        cli.addSubcommand("help", new CommandLine.HelpCommand());
        FailureHandler failures = new FailureHandler(context);
        cli.setOut(context.out());
        cli.setErr(context.err());
        cli.setExecutionExceptionHandler(failures);
        cli.setParameterExceptionHandler(failures);
        cli.setExecutionStrategy(parseResult -> {
            try {
                applyLogging(parseResult);
            } catch (CommandException e) {
                return failures.report(e).code();
            }
            return new CommandLine.RunLast().execute(parseResult);
        });
        return cli;
    }

    private static void applyLogging(ParseResult parseResult) {
        String level = null;
        Path config = null;
        for (ParseResult r = parseResult; r != null; r = r.subcommand()) {
            if (r.hasMatchedOption("--log-config")) {
                config = r.matchedOptionValue("--log-config", config);
            }
            if (r.hasMatchedOption("--log-level")) {
                level = r.matchedOptionValue("--log-level", level);
            }
        }
        if (config != null) {
            Logging.useConfigFile(config);
        }
        if (level != null) {
            Logging.setLevel(Logging.parseLevel(level));
        }
    }

    /** Creates commands with a {@link CommandContext} constructor when they have one. */
    private static final class ContextFactory implements IFactory {
        private final CommandContext context;
        private final IFactory fallback = CommandLine.defaultFactory();

        ContextFactory(CommandContext context) {
            this.context = context;
        }

        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                Constructor<K> constructor = type.getDeclaredConstructor(CommandContext.class);
                return constructor.newInstance(context);
            } catch (NoSuchMethodException e) {
                return fallback.create(type);
            }
        }
    }
}
