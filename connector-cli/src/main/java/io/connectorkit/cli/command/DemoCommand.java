package io.connectorkit.cli.command;

import io.connectorkit.api.config.SourceConfig;
import io.connectorkit.cli.config.SourceFiles;
import io.connectorkit.cli.console.CommandContext;
import io.connectorkit.cli.console.CommandException;
import io.connectorkit.cli.console.ExitStatus;
import io.connectorkit.cli.output.PartitionNoun;
import io.connectorkit.cli.output.ProgressLine;
import io.connectorkit.cli.output.SearchPrinter;
import io.connectorkit.embedded.EmbeddedCredential;
import io.connectorkit.runtime.ConnectorRegistry;
import io.connectorkit.runtime.Host;
import io.connectorkit.runtime.SearchResults;
import io.connectorkit.simulator.archive.Archive;
import io.connectorkit.simulator.archive.ArchiveGenerator;
import io.connectorkit.simulator.mimecast.FakeMimecastServer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code connector demo}: the first thing a new user runs. Starts the simulator on a generated
 * archive and the embedded index, crawls with a progress line, prints the summary and the top
 * hits of a sample query, and tells how to query the index yourself. Ends by itself.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Crawls a simulated Mimecast archive (a few thousand messages with attachments) into an embedded index, then prints the summary and a sample search. Needs nothing but Java.")
public final class DemoCommand implements Callable<Integer> {
    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "./data/demo",
            description = "Where the demo keeps its configuration and index; emptied first (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--messages", paramLabel = "N", defaultValue = "2400",
            description = "About how many messages to generate (default: ${DEFAULT-VALUE}).")
    int messages;

    @Option(names = "--query", paramLabel = "WORDS", defaultValue = "invoice",
            description = "The sample search (default: ${DEFAULT-VALUE}).")
    String query;

    @Option(names = "--keep-running", description = "After the summary, keep the simulator and the index up until"
            + " Ctrl-C, to query the index yourself.")
    boolean keepRunning;

    private final CommandContext context;

    /**
     * Creates the command.
     *
     * @param context the invocation's output and environment
     */
    public DemoCommand(CommandContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    @Override
    public Integer call() throws Exception {
        if (messages < 10 || messages > 1_000_000) {
            throw new CommandException(ExitStatus.INVALID_CONFIGURATION,
                    "--messages " + messages + " is out of range; give a number from 10 to 1000000.");
        }
        PrintWriter out = context.out();
        DemoWorkspace workspace = DemoWorkspace.prepare(dataDir);
        // 4 domains of 6 mailboxes, plus a local domain the default scope leaves out.
        int domains = 4;
        int users = 6;
        Archive archive = ArchiveGenerator.seed(42).domains(domains).localDomains(1).usersPerDomain(users)
                .messagesPerView(Math.max(1, messages / (2 * domains * users))).generate();
        out.println("Starting the Mimecast simulator and the embedded index (data in " + context.display(workspace.root())
                + ")...");
        out.flush();
        try (FakeMimecastServer server = FakeMimecastServer.builder().archive(archive)
                .clientCredentials(DemoWorkspace.CLIENT_ID, DemoWorkspace.CLIENT_SECRET).start()) {
            Path configFile = workspace.writeConfig(server.baseUrl());
            String command = context.commandName();
            String shownConfig = context.display(configFile);
            ConnectorRegistry registry = ConnectorRegistry.load();
            SourceConfig source = new SourceFiles(context, registry).load(configFile);
            try (Host host = Host.open(source, registry)) {
                out.printf("Simulator at %s, index at %s. Crawling %d mailboxes...%n", server.baseUrl(), host.indexUrl(),
                        domains * users);
                out.flush();
                ExitStatus status = new ConsoleCrawl(context, command + " crawl --config " + shownConfig)
                        .run(host, false, false);
                SearchResults results = host.search(query, Optional.empty(), 5);
                IndexCounts counts = new IndexCounts(host.indexUrl(), host.indexName(), host.embeddedAuthorization());
                OptionalLong emails = counts.ofKind("email");
                OptionalLong attachments = counts.ofKind("attachment");
                if (emails.isPresent() && attachments.isPresent()) {
                    out.printf("  indexed      %s messages and %s attachments%n", ProgressLine.count(emails.getAsLong()),
                            ProgressLine.count(attachments.getAsLong()));
                }
                out.println();
                out.printf("Sample search for '%s':%n", query);
                SearchPrinter.print(out, results, PartitionNoun.of(host.connector()));
                out.println();
                printNextSteps(out, host, command, shownConfig);
                if (keepRunning) {
                    out.println("The simulator and the index stay up until Ctrl-C.");
                    out.flush();
                    waitForCtrlC();
                }
                return status.code();
            }
        }
    }

    private void printNextSteps(PrintWriter out, Host host, String command, String configFile) {
        out.println("Query the index yourself:");
        out.printf("  %s search --config %s %s%n", command, configFile, query);
        out.printf("  %s status --config %s%n", command, configFile);
        if (keepRunning) {
            // While this run is up, its URL is the one to query.
            // The password stays in its file (mode 0600): the line can be shown on a shared screen.
            String credential = host.embeddedCredentialFile()
                    .map(f -> " -u \"" + EmbeddedCredential.USERNAME + ":$(cat '" + f + "')\"").orElse("");
            out.printf("  curl%s '%s/%s/_search?q=%s&pretty'%n", credential, host.indexUrl(), host.indexName(), query);
            host.embeddedCredentialFile().ifPresent(f -> out.printf("  (the index answers only user %s with the"
                    + " password in %s, readable by you alone)%n", EmbeddedCredential.USERNAME, f));
        } else {
            // The next run listens on other ports: name the option that prints them, not this run's.
            out.printf("  (or run '%s demo --keep-running', which keeps the index up and prints its URL to query"
                    + " directly)%n", command);
        }
        out.println("Next: point a configuration at your tenant and run check, preview, crawl (see README.md).");
        out.flush();
    }

    private static void waitForCtrlC() throws InterruptedException {
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "demo-stop"));
        stop.await();
    }
}
