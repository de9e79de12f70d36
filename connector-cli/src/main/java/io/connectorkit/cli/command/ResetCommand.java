package io.connectorkit.cli.command;

import io.connectorkit.api.config.ConfigKey;
import io.connectorkit.api.config.ConfigSpec;
import io.connectorkit.api.config.ConfigType;
import io.connectorkit.api.config.SourceConfig;
import io.connectorkit.cli.config.ConfigOption;
import io.connectorkit.cli.config.InstalledConnectors;
import io.connectorkit.cli.config.SourceFiles;
import io.connectorkit.cli.console.CommandContext;
import io.connectorkit.cli.console.CommandException;
import io.connectorkit.cli.console.ExitStatus;
import io.connectorkit.cli.output.PartitionNoun;
import io.connectorkit.runtime.ConnectorRegistry;
import io.connectorkit.runtime.Host;
import io.connectorkit.runtime.ResetOutcome;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code connector reset}: rewinds the delta tokens of every mailbox, or of one, so that the next
 * crawl reads again from a date (or from the start date when no date is given).
 */
@Command(name = "reset", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Rewinds checkpoints (delta tokens for Mimecast) of all partitions, or of one, so the next crawl reads again from --to, or from the configured start date when --to is not given. Documents stay in the index.")
public final class ResetCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Option(names = {"--partition", "--mailbox"}, paramLabel = "NAME",
            description = "Rewind only this partition (for Mimecast a mailbox address; --mailbox is the same option).")
    String mailbox;

    @Option(names = "--to", paramLabel = "DATE",
            description = "Rewind to this date (2024-01-01) or instant (2024-01-01T12:00:00Z).")
    String to;

    private final CommandContext context;

    /**
     * Creates the command.
     *
     * @param context the invocation's output and environment
     */
    public ResetCommand(CommandContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    @Override
    public Integer call() throws Exception {
        Optional<Instant> when = Optional.empty();
        if (to != null) {
            // The same parser as the configuration's dates, so --to accepts what start-date accepts.
            when = ConfigSpec.of(ConfigKey.of("--to", ConfigType.INSTANT)).parse(Map.of("--to", to)).getInstant("--to");
        }
        ConnectorRegistry registry = InstalledConnectors.forSource(context, config);
        SourceConfig source = new SourceFiles(context, registry).load(config.file());
        ResetOutcome outcome;
        PartitionNoun noun;
        try (Host host = Host.open(source, registry)) {
            noun = PartitionNoun.of(host.connector());
            outcome = host.rewind(Optional.ofNullable(mailbox), when);
        }
        if (mailbox != null && outcome.matched() == 0) {
            throw new CommandException(ExitStatus.INVALID_CONFIGURATION, "--partition '" + mailbox
                    + "' has no saved state; '" + context.commandName() + " status --config " + config.file() + "' lists the "
                    + noun.many() + ".");
        }
        String target = when.map(i -> "to " + i).orElse("to the start date");
        int rewound = outcome.rewound().size();
        context.out().printf("Rewound %d %s %s%s%n", rewound, noun.count(rewound), target,
                rewound == 0 ? "." : "; the next crawl reads them again.");
        int unchanged = outcome.unchanged().size();
        if (unchanged > 0) {
            // A date later than what was read moves nothing: say so, instead of counting them as rewound.
            context.out().printf("Left %d %s as %s: %s (such as %s).%n", unchanged, noun.count(unchanged),
                    unchanged == 1 ? "it was" : "they were",
                    when.map(i -> "not read past " + i + ", so there is nothing to read again")
                            .orElse("nothing crawled yet"),
                    String.join(", ", outcome.unchanged().subList(0, Math.min(3, unchanged))));
        }
        context.out().flush();
        return ExitStatus.OK.code();
    }
}
