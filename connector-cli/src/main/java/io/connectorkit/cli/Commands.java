package io.connectorkit.cli;

import io.connectorkit.cli.bench.BenchCommand;
import io.connectorkit.cli.command.CheckCommand;
import io.connectorkit.cli.command.CrawlCommand;
import io.connectorkit.cli.command.DemoCommand;
import io.connectorkit.cli.command.PluginsCommand;
import io.connectorkit.cli.command.PreviewCommand;
import io.connectorkit.cli.command.ResetCommand;
import io.connectorkit.cli.command.SearchCommand;
import io.connectorkit.cli.command.SimulateCommand;
import io.connectorkit.cli.command.StatusCommand;
import java.util.List;

/** The subcommands of {@code connector}, in the order its usage lists them. */
final class Commands {
    static final List<Class<?>> ALL = List.of(DemoCommand.class, SimulateCommand.class, CheckCommand.class, PreviewCommand.class, CrawlCommand.class,
            StatusCommand.class, ResetCommand.class, SearchCommand.class, PluginsCommand.class,
            BenchCommand.class);

    private Commands() {
    }
}
