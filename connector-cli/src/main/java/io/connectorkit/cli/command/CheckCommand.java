package io.connectorkit.cli.command;

import io.connectorkit.api.check.CheckReport;
import io.connectorkit.api.check.CheckResult;
import io.connectorkit.api.config.SourceConfig;
import io.connectorkit.cli.config.ConfigOption;
import io.connectorkit.cli.config.InstalledConnectors;
import io.connectorkit.cli.config.PlainHttpWarning;
import io.connectorkit.cli.config.SourceFiles;
import io.connectorkit.cli.console.CommandContext;
import io.connectorkit.cli.console.ExitStatus;
import io.connectorkit.cli.console.Redactor;
import io.connectorkit.cli.output.JsonOutput;
import io.connectorkit.runtime.ConnectorRegistry;
import io.connectorkit.runtime.Host;
import java.io.PrintWriter;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code connector check}: validates the configuration, authenticates, probes every endpoint a
 * crawl needs and reports each missing product or permission with its fix. Opening the host
 * creates the content and state indices when missing (empty): the help says so.
 */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Validates the configuration, authenticates and probes every endpoint a crawl needs. Reports each missing product or permission with the fix. Writes no documents; creates the content index and the state index when they do not exist yet (empty, as the first crawl would).")
public final class CheckCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Option(names = "--json", description = "Print the probes as JSON.")
    boolean json;

    private final CommandContext context;

    /**
     * Creates the command.
     *
     * @param context the invocation's output and environment
     */
    public CheckCommand(CommandContext context) {
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
        CheckReport report;
        try (Host host = Host.open(source, registry)) {
            report = host.check();
        }
        print(report);
        return report.ok() ? ExitStatus.OK.code() : ExitStatus.of(report.failureKind().orElseThrow()).code();
    }

    private void print(CheckReport report) {
        PrintWriter out = context.out();
        Redactor r = context.redactor();
        if (json) {
            out.println(r.redact(JsonOutput.write(report)));
        } else {
            for (CheckResult result : report.results()) {
                out.printf("%-8s %s: %s%n", result.status(), r.redact(result.name()), r.redact(result.message()));
                if (!result.fix().isBlank()) {
                    out.printf("         fix: %s%n", r.redact(result.fix()));
                }
            }
            long failed = report.results().stream().filter(x -> x.status() == CheckResult.Status.FAILED).count();
            out.println(failed == 0 ? "Check passed: a crawl can run with this configuration."
                    : "Check failed: " + failed + " of " + report.results().size() + " probes failed.");
        }
        out.flush();
        for (CheckResult result : report.results()) {
            if (result.status() == CheckResult.Status.FAILED) {
                context.err().println("error: " + r.redact(result.name()) + ": " + r.redact(result.message())
                        + (result.fix().isBlank() ? "" : "; " + r.redact(result.fix())));
            }
        }
        context.err().flush();
    }
}
