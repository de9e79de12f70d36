package io.connectorkit.cli.command;

import io.connectorkit.api.check.ScopeDecision;
import io.connectorkit.api.config.SourceConfig;
import io.connectorkit.cli.config.ConfigOption;
import io.connectorkit.cli.config.InstalledConnectors;
import io.connectorkit.cli.config.SourceFiles;
import io.connectorkit.cli.console.CommandContext;
import io.connectorkit.cli.console.ExitStatus;
import io.connectorkit.cli.output.JsonOutput;
import io.connectorkit.runtime.ConnectorRegistry;
import io.connectorkit.runtime.Host;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code connector preview}: a dry run that lists the domains and mailboxes in scope and, for
 * each excluded one, the rule that excluded it. Writes no documents (opening the host creates the
 * empty indices when missing).
 */
@Command(name = "preview", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Dry run: lists the domains and mailboxes in scope and, for each excluded one, the rule that excluded it. Crawls nothing and writes no documents; creates the content index and the state index when they do not exist yet (empty).")
public final class PreviewCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Option(names = "--json", description = "Print the decisions as JSON.")
    boolean json;

    private final CommandContext context;

    /**
     * Creates the command.
     *
     * @param context the invocation's output and environment
     */
    public PreviewCommand(CommandContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    @Override
    public Integer call() throws Exception {
        ConnectorRegistry registry = InstalledConnectors.forSource(context, config);
        SourceConfig source = new SourceFiles(context, registry).load(config.file());
        List<ScopeDecision> decisions;
        try (Host host = Host.open(source, registry)) {
            decisions = host.preview();
        }
        PrintWriter out = context.out();
        if (json) {
            out.println(JsonOutput.write(decisions));
        } else {
            Map<String, int[]> counts = new TreeMap<>();
            for (ScopeDecision d : decisions) {
                out.printf("%-8s %-8s %s%s%n", d.included() ? "include" : "exclude", d.kind(), d.item(),
                        d.rule().isBlank() ? "" : "  (" + d.rule() + ")");
                counts.computeIfAbsent(d.kind(), k -> new int[2])[d.included() ? 0 : 1]++;
            }
            StringBuilder summary = new StringBuilder("In scope:");
            counts.forEach((kind, c) -> summary.append(' ').append(c[0]).append(' ').append(plural(kind, c[0]))
                    .append(" (").append(c[1]).append(" excluded),"));
            summary.setLength(summary.length() - 1);
            out.println(decisions.isEmpty() ? "The source lists nothing to crawl." : summary + ".");
        }
        out.flush();
        return ExitStatus.OK.code();
    }

    private static String plural(String kind, int n) {
        if (n == 1) {
            return kind;
        }
        return kind.endsWith("x") ? kind + "es" : kind + "s";
    }
}
