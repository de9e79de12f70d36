package io.connectorkit.cli;

import io.connectorkit.testkit.archive.Archive;
import io.connectorkit.testkit.mimecast.FakeMimecastServer;
import java.io.PrintWriter;
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

    private FakeMimecastServer start(Archive archive) {
        try {
            return simulator.server(archive).port(port).start();
        } catch (java.io.UncheckedIOException e) {
            throw new CommandException(ExitStatus.FATAL, "Port " + port
                    + " is in use; stop what listens on it or choose another --port.");
        }
    }

    private void printIntro(String url, Archive archive) {
        PrintWriter out = context.out();
        out.printf("Simulated Mimecast API 2.0 at %s: %d domains, %d mailboxes (seed %d).%n", url,
                archive.domains().size(), archive.mailboxes().size(), simulator.seed);
        if (simulator.quota != null) {
            out.printf("API quota: %s calls per %s window, advertised in X-RateLimit-* headers, 429 once spent.%n",
                    simulator.quota.trim().split("/")[0], simulator.quota.trim().split("/")[1]);
        }
        out.println("Crawl it with this configuration (export MIMECAST_CLIENT_SECRET first; the secret is the"
                + " --client-secret value):");
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
