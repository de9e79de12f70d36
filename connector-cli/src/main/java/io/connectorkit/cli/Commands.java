package io.connectorkit.cli;

import io.connectorkit.cli.bench.BenchCommand;
import java.util.List;

/** The subcommands of {@code connector}, in the order its usage lists them. */
final class Commands {
    static final List<Class<?>> ALL = List.of(DemoCommand.class, SimulateCommand.class, CheckCommand.class, PreviewCommand.class, CrawlCommand.class,
            StatusCommand.class, ResetCommand.class, SearchCommand.class, BenchCommand.class);

    private Commands() {
    }
}
