package io.connectorkit.cli.command;

import io.connectorkit.api.config.SourceConfig;
import io.connectorkit.cli.config.ConfigOption;
import io.connectorkit.cli.config.InstalledConnectors;
import io.connectorkit.cli.config.SourceFiles;
import io.connectorkit.cli.console.CommandContext;
import io.connectorkit.cli.console.CommandException;
import io.connectorkit.cli.console.ExitStatus;
import io.connectorkit.cli.output.JsonOutput;
import io.connectorkit.cli.output.PartitionNoun;
import io.connectorkit.cli.output.SearchPrinter;
import io.connectorkit.runtime.ConnectorRegistry;
import io.connectorkit.runtime.Host;
import io.connectorkit.runtime.SearchResults;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code connector search}: queries the index, optionally as one mailbox owner would see it.
 */
@Command(name = "search", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Queries the index. With --as, shows only what that mailbox owner may see.")
public final class SearchCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Option(names = "--as", paramLabel = "ADDRESS", description = "Search as this principal (ACLs apply; addresses compare ignoring case).")
    String as;

    @Option(names = "--size", paramLabel = "N", defaultValue = "10", description = "Hits to show (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--json", description = "Print the results as JSON.")
    boolean json;

    @Parameters(arity = "1..*", paramLabel = "QUERY", description = "Words to look for (query-string syntax).")
    List<String> query;

    private final CommandContext context;

    /**
     * Creates the command.
     *
     * @param context the invocation's output and environment
     */
    public SearchCommand(CommandContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    @Override
    public Integer call() throws Exception {
        if (size < 1 || size > 10_000) {
            throw new CommandException(ExitStatus.INVALID_CONFIGURATION,
                    "--size " + size + " is out of range; give a number from 1 to 10000.");
        }
        if (as != null && as.isBlank()) {
            throw new CommandException(ExitStatus.INVALID_CONFIGURATION, "--as is empty; give the e-mail address"
                    + " of the mailbox owner to search as (compared ignoring case), or leave --as out to search"
                    + " everything.");
        }
        ConnectorRegistry registry = InstalledConnectors.forSource(context, config);
        SourceConfig source = new SourceFiles(context, registry).load(config.file());
        SearchResults results;
        PartitionNoun noun;
        try (Host host = Host.open(source, registry)) {
            noun = PartitionNoun.of(host.connector());
            results = host.search(String.join(" ", query), Optional.ofNullable(as), size);
        }
        if (json) {
            context.out().println(JsonOutput.write(results));
        } else {
            SearchPrinter.print(context.out(), results, noun);
        }
        context.out().flush();
        return ExitStatus.OK.code();
    }
}
