package io.connectorkit.cli;

import io.connectorkit.cli.console.CommandContext;
import io.connectorkit.cli.console.ExitStatus;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code connector} command: its global options and the list of subcommands. Run without a
 * subcommand, it prints its usage.
 */
@Command(name = "connector", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false,
        description = "Crawls a source (the Mimecast email archive) into Elasticsearch or OpenSearch.",
        footerHeading = "%nExit status:%n",
        footer = {
            "  0  success",
            "  1  finished, but some items failed (see 'connector status') or a",
            "     deletion of mailboxes no longer listed was refused",
            "  2  invalid configuration or command line",
            "  3  authentication or permission failure",
            "  4  any other fatal error",
            "",
            "Start with 'connector demo'. Each command has --help."})
public final class ConnectorCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--log-level", scope = ScopeType.INHERIT, paramLabel = "LEVEL",
            description = "How much the connector logs to standard error: ERROR, WARN, INFO (default), DEBUG, TRACE.")
    String logLevel;

    @Option(names = "--log-config", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "A Log4j2 configuration file that replaces the built-in one.")
    Path logConfig;

    private final CommandContext context;

    /**
     * Creates the command.
     *
     * @param context the invocation's output and environment
     */
    public ConnectorCommand(CommandContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(context.out());
        return ExitStatus.OK.code();
    }
}
