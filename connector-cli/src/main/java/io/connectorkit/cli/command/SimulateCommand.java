package io.connectorkit.cli.command;

import io.connectorkit.cli.console.CommandContext;
import io.connectorkit.cli.console.CommandException;
import io.connectorkit.cli.console.ExitStatus;
import io.connectorkit.simulator.archive.Archive;
import io.connectorkit.simulator.archive.corpus.Domain;
import io.connectorkit.simulator.mimecast.FakeMimecastServer;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code connector simulate}: runs the fake Mimecast API 2.0 server on a generated archive until
 * stopped, and prints the configuration that crawls it.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Runs a fake Mimecast API 2.0 server on a generated archive until stopped (Ctrl-C), and prints a configuration that crawls it.")
public final class SimulateCommand implements Callable<Integer> {
    @Option(names = "--port", required = true, paramLabel = "P", description = "Loopback port to listen on.")
    int port;

    @Mixin
    SimulatorOptions simulator;

    @Option(names = "--stop-after", paramLabel = "SECONDS", hidden = true, defaultValue = "0",
            description = "Stop by itself after this many seconds (for tests); 0 = run until stopped.")
    long stopAfterSeconds;

    private final CommandContext context;

    /**
     * Creates the command.
     *
     * @param context the invocation's output and environment
     */
    public SimulateCommand(CommandContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    @Override
    public Integer call() throws Exception {
        if (port < 1 || port > 65_535) {
            throw new CommandException(ExitStatus.INVALID_CONFIGURATION,
                    "--port " + port + " is not a port; give a number from 1 to 65535.");
        }
        simulator.validate();
        Archive archive = simulator.archive();
        CountDownLatch stopped = new CountDownLatch(1);
        try (FakeMimecastServer server = start(archive)) {
            String url = server.baseUrl();
            printIntro(url, archive);
            Thread hook = new Thread(stopped::countDown, "simulator-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                if (stopAfterSeconds > 0) {
                    stopped.await(stopAfterSeconds, TimeUnit.SECONDS);
                } else {
                    stopped.await();
                }
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // Ctrl-C: the hook already ran.
                }
            }
            context.out().println("Simulator stopped after " + server.requests().size() + " requests.");
            context.out().flush();
        }
        return ExitStatus.OK.code();
    }

    private static String plural(long n, String word) {
        return n == 1 ? word : word + "s";
    }

    private static long mailboxes(Archive archive, List<Domain> domains) {
        return domains.stream().mapToLong(d -> archive.users(d.domain()).stream().filter(u -> !u.alias()).count()).sum();
    }

    private FakeMimecastServer start(Archive archive) {
        try {
            return simulator.server(archive).port(port).start();
        } catch (UncheckedIOException e) {
            throw new CommandException(ExitStatus.FATAL, "Port " + port
                    + " is in use; stop what listens on it or choose another --port.");
        }
    }

    private void printIntro(String url, Archive archive) {
        PrintWriter out = context.out();
        List<Domain> domains = archive.domains();
        List<Domain> local = domains.stream().filter(Domain::local).toList();
        long crawled = domains.stream().filter(d -> !d.local()).count();
        long crawledMailboxes = mailboxes(archive, domains.stream().filter(d -> !d.local()).toList());
        long localMailboxes = mailboxes(archive, local);
        out.printf("Simulated Mimecast API 2.0 at %s: %d mailboxes in %d %s, plus %d in %d local %s that a crawl"
                + " leaves out by default (seed %d).%n", url, crawledMailboxes, crawled, plural(crawled, "domain"),
                localMailboxes, local.size(), plural(local.size(), "domain"), simulator.seed);
        if (simulator.quota != null) {
            out.printf("API quota: %s calls per %s window, advertised in X-RateLimit-* headers, 429 once spent.%n",
                    simulator.quota.trim().split("/")[0], simulator.quota.trim().split("/")[1]);
        }
        // The simulator's secret is a test value that only this fake server accepts, so the default is
        // printed; one given with --client-secret is the user's own and is not repeated.
        String secret = simulator.clientSecret.equals(SimulatorOptions.DEFAULT_CLIENT_SECRET)
                ? "export MIMECAST_CLIENT_SECRET=" + SimulatorOptions.DEFAULT_CLIENT_SECRET
                + " first: the simulator's test secret, the --client-secret default"
                : "export MIMECAST_CLIENT_SECRET first: the --client-secret value given to this simulator";
        out.println("Crawl it with this configuration (" + secret + "):");
        out.println();
        out.println("connector.type=mimecast");
        out.println("connector.id=simulator");
        out.println("mimecast.api-endpoint=" + url);
        out.println("mimecast.auth-endpoint=" + url);
        out.println("mimecast.client-id=" + simulator.clientId);
        out.println("mimecast.client-secret=${env:MIMECAST_CLIENT_SECRET}");
        out.println("mimecast.messages.start-date=2019-01-01");
        out.println("mimecast.attachments.extract=true");
        out.println();
        out.println("Press Ctrl-C to stop.");
        out.flush();
    }
}
