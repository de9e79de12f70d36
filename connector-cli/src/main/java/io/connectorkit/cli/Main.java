package io.connectorkit.cli;

import io.connectorkit.cli.console.CommandContext;
import io.connectorkit.cli.output.TerminalLine;

/** The entry point of {@code connector.jar}. */
public final class Main {
    private Main() {
    }

    /**
     * Runs the command line and exits with its status.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        // Before anything logs: the log's console appender takes System.err when logging starts.
        TerminalLine.installOnSystemErr(System.console() != null);
        int status = ConnectorCli.create(CommandContext.system()).execute(args);
        System.exit(status);
    }
}
