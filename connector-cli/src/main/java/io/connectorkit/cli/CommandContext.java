package io.connectorkit.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.Objects;

/**
 * What every command of one invocation shares: where output goes, whether it is a terminal, the
 * environment for {@code ${env:NAME}} references, and the secrets to hide. Tests build one
 * around string writers; {@link Main} builds one around the process's streams.
 */
public final class CommandContext {
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean terminal;
    private final Map<String, String> environment;
    private final Redactor redactor = new Redactor();

    /**
     * Creates a context.
     *
     * @param out where results go (standard output)
     * @param err where errors and progress go (standard error)
     * @param terminal whether a person watches: progress then updates one line in place
     * @param environment the variables {@code ${env:NAME}} reads
     */
    public CommandContext(PrintWriter out, PrintWriter err, boolean terminal, Map<String, String> environment) {
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
        this.terminal = terminal;
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
    }

    /**
     * A context for this process: its standard streams, its console and its environment.
     *
     * @return the context
     */
    public static CommandContext system() {
        return new CommandContext(new PrintWriter(System.out, true), new PrintWriter(System.err, true),
                System.console() != null, System.getenv());
    }

    /** @return where results go */
    public PrintWriter out() {
        return out;
    }

    /** @return where errors and progress go */
    public PrintWriter err() {
        return err;
    }

    /** @return whether progress may update one line in place */
    public boolean terminal() {
        return terminal;
    }

    /** @return the environment variables */
    public Map<String, String> environment() {
        return environment;
    }

    /** @return the secrets to hide from every printed text */
    public Redactor redactor() {
        return redactor;
    }
}
