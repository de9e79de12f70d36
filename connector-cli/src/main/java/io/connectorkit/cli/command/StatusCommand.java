package io.connectorkit.cli.command;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.connectorkit.api.config.SourceConfig;
import io.connectorkit.cli.config.ConfigOption;
import io.connectorkit.cli.config.InstalledConnectors;
import io.connectorkit.cli.config.SourceFiles;
import io.connectorkit.cli.console.CommandContext;
import io.connectorkit.cli.console.ExitStatus;
import io.connectorkit.cli.console.Redactor;
import io.connectorkit.cli.output.JsonOutput;
import io.connectorkit.cli.output.LastCrawlView;
import io.connectorkit.cli.output.PartitionNoun;
import io.connectorkit.cli.output.ProgressLine;
import io.connectorkit.runtime.ConnectorRegistry;
import io.connectorkit.runtime.Host;
import io.connectorkit.runtime.PartitionStatus;
import io.connectorkit.runtime.state.LastCrawl;
import java.io.PrintWriter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code connector status}: per partition (mailbox), its checkpoint, last success, documents and failures.
 * Exits 1 when any item failure is recorded, so a script can alert on it.
 */
@Command(name = "status", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Per partition (mailbox): checkpoint (delta tokens), last successful crawl, documents and recorded failures. Exits 1 when failures are recorded.")
public final class StatusCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Option(names = "--json", description = "Print the status as JSON.")
    boolean json;

    private final CommandContext context;

    /**
     * Creates the command.
     *
     * @param context the invocation's output and environment
     */
    public StatusCommand(CommandContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    /** The failures neither retried nor permanent: they wait for a FULL crawl. */
    private static String waiting(PartitionStatus s) {
        long rest = s.failures() - s.retrying() - s.permanent();
        return rest <= 0 ? "" : ", " + ProgressLine.count(rest) + " until a FULL crawl";
    }

    /**
     * The partitions as before, each with the source's last crawl as {@code lastCrawl} when one is
     * recorded: the output stays an array of partitions, so scripts that read it keep working.
     */
    private static JsonArray json(List<PartitionStatus> statuses, Optional<LastCrawl> last) {
        JsonArray out = new JsonArray();
        for (PartitionStatus s : statuses) {
            JsonObject o = JsonOutput.tree(s).getAsJsonObject();
            last.ifPresent(c -> o.add("lastCrawl", JsonOutput.tree(LastCrawlView.json(c))));
            out.add(o);
        }
        return out;
    }

    @Override
    public Integer call() throws Exception {
        ConnectorRegistry registry = InstalledConnectors.forSource(context, config);
        SourceConfig source = new SourceFiles(context, registry).load(config.file());
        List<PartitionStatus> statuses;
        Optional<LastCrawl> last;
        PartitionNoun noun;
        try (Host host = Host.open(source, registry)) {
            noun = PartitionNoun.of(host.connector());
            statuses = host.status();
            last = host.lastCrawl();
        }
        PrintWriter out = context.out();
        Redactor r = context.redactor();
        long failures = statuses.stream().mapToLong(PartitionStatus::failures).sum();
        if (json) {
            out.println(r.redact(JsonOutput.write(json(statuses, last))));
        } else if (statuses.isEmpty()) {
            out.println("Nothing crawled yet for this source; run '" + context.commandName() + " crawl --config "
                    + config.file() + "'.");
            last.ifPresent(c -> LastCrawlView.print(out, c, r::redact, noun));
        } else {
            for (PartitionStatus s : statuses) {
                out.printf("%s%n", s.partition());
                out.printf("  last success  %s%n", s.lastSuccess() == null ? "never" : s.lastSuccess());
                out.printf("  documents     %s%n", ProgressLine.count(s.documents()));
                out.printf("  checkpoint    %s%n", s.checkpoint().isBlank() ? "none (next crawl starts over)"
                        : r.redact(s.checkpoint()));
                out.printf("  failures      %s%s%n", ProgressLine.count(s.failures()), s.failures() == 0 ? ""
                        : " (retrying " + ProgressLine.count(s.retrying()) + ", permanent "
                                + ProgressLine.count(s.permanent()) + waiting(s) + ")");
                for (String reason : s.recentFailures()) {
                    out.printf("    - %s%n", r.redact(reason));
                }
                if (s.sweepNote() != null) {
                    out.printf("  last sweep    deleted nothing: %s%n", r.redact(s.sweepNote()));
                }
                // A partition the source no longer lists whose removal failed: still here, and still searchable.
                last.stream().flatMap(c -> c.failedRemovals().stream())
                        .filter(f -> f.partition().equals(s.partition()))
                        .forEach(f -> out.printf("  removal       failed in the last crawl: %s; the next crawl tries"
                                + " again%n", r.redact(f.reason())));
            }
            out.printf("%d %s, %s documents, %s failures%s%n", statuses.size(), noun.many(),
                    ProgressLine.count(statuses.stream().mapToLong(PartitionStatus::documents).sum()),
                    ProgressLine.count(failures), failures == 0 ? "" : " ("
                            + ProgressLine.count(statuses.stream().mapToLong(PartitionStatus::retrying).sum())
                            + " retried by the next crawl, "
                            + ProgressLine.count(statuses.stream().mapToLong(PartitionStatus::permanent).sum())
                            + " permanent)");
            last.ifPresent(c -> LastCrawlView.print(out, c, r::redact, noun));
        }
        out.flush();
        boolean removalsFailed = last.isPresent() && !last.get().failedRemovals().isEmpty();
        return failures > 0 || removalsFailed ? ExitStatus.ITEM_FAILURES.code() : ExitStatus.OK.code();
    }
}
