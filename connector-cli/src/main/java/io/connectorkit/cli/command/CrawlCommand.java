package io.connectorkit.cli.command;

import io.connectorkit.api.config.SourceConfig;
import io.connectorkit.cli.config.ConfigOption;
import io.connectorkit.cli.config.InstalledConnectors;
import io.connectorkit.cli.config.PlainHttpWarning;
import io.connectorkit.cli.config.SourceFiles;
import io.connectorkit.cli.console.CommandContext;
import io.connectorkit.runtime.ConnectorRegistry;
import io.connectorkit.runtime.Host;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code connector crawl}: runs a crawl with a progress line and prints the summary. Ctrl-C stops
 * it cleanly: what the index acknowledged is committed and the next run resumes from there.
 */
@Command(name = "crawl", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Crawls the source into the index with a progress line, then prints a summary. Incremental after the first run. Ctrl-C stops cleanly; run again to resume.")
public final class CrawlCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Option(names = "--full", description = "Ignore delta tokens for this run: re-list everything from the start date"
            + " and remove documents the source no longer has.")
    boolean full;

    @Option(names = "--json", description = "Print the summary as JSON (progress still goes to standard error).")
    boolean json;

    private final CommandContext context;

    /**
     * Creates the command.
     *
     * @param context the invocation's output and environment
     */
    public CrawlCommand(CommandContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    @Override
    public Integer call() throws Exception {
        ConnectorRegistry registry = InstalledConnectors.forSource(context, config);
        SourceConfig source = new SourceFiles(context, registry).load(config.file());
        // Before any connection, so that it shows even when the endpoint cannot be reached.
        for (String warning : PlainHttpWarning.of(source)) {
            context.err().println("warning: " + context.redactor().redact(warning));
        }
        context.err().flush();
        try (Host host = Host.open(source, registry)) {
            return new ConsoleCrawl(context, context.commandName() + " crawl --config " + config.file()).run(host, full, json).code();
        }
    }
}
