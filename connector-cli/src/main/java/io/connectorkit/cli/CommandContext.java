package io.connectorkit.cli;

import java.io.File;
import java.io.PrintWriter;
import java.nio.file.Path;
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
     * The variable holding how the user started the command ({@code ./connector} when the
     * repository's launcher did), so that a suggested command can be typed as it is printed.
     */
    public static final String COMMAND_VARIABLE = "CONNECTOR_COMMAND";

    /** The name suggested commands start with when {@link #COMMAND_VARIABLE} is not set. */
    public static final String DEFAULT_COMMAND = "connector";

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

    /**
     * How the user started the command: the {@value #COMMAND_VARIABLE} variable (the launcher
     * sets it to the path it was started as, such as {@code ./connector}), else
     * {@value #DEFAULT_COMMAND}. Commands the output suggests begin with it.
     *
     * @return the command's name as the user types it
     */
    public String commandName() {
        String name = environment.get(COMMAND_VARIABLE);
        return name == null || name.isBlank() ? DEFAULT_COMMAND : name.strip();
    }

    /**
     * A path as the user can type it here: relative to the working directory ({@code ./data/demo})
     * when it is under it, absolute otherwise.
     *
     * @param path the path to print
     * @return the text to print
     */
    public String display(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path here = Path.of("").toAbsolutePath().normalize();
        if (!absolute.startsWith(here) || absolute.equals(here)) {
            return absolute.toString();
        }
        return "." + File.separator + here.relativize(absolute);
    }

    /** @return the secrets to hide from every printed text */
    public Redactor redactor() {
        return redactor;
    }
}
