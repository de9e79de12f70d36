package io.connectorkit.cli;

import io.connectorkit.cli.console.CommandContext;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** Runs the command line in-process as a user would, capturing what it prints. */
final class CliRun {
    final int status;
    final String out;
    final String err;

    CliRun(int status, String out, String err) {
        this.status = status;
        this.out = out;
        this.err = err;
    }

    /** The result of a command run elsewhere (in a process of its own). */
    static CliRun of(int status, String out, String err) {
        return new CliRun(status, out, err);
    }

    static CliRun run(String... args) {
        return run(Map.of(), args);
    }

    static CliRun run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandContext context = new CommandContext(new PrintWriter(out, true), new PrintWriter(err, true), false, env);
        int status = ConnectorCli.create(context).execute(args);
        return new CliRun(status, out.toString(), err.toString());
    }

    @Override
    public String toString() {
        return "exit " + status + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
