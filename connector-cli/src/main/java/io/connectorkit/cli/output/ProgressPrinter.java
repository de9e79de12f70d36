package io.connectorkit.cli.output;

import io.connectorkit.cli.console.CommandContext;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Shows crawl progress on standard error: on a terminal, one line updated in place; elsewhere
 * (a log file, a CI job), a plain line now and then. Standard output stays free for results.
 * Called from crawl threads, so its methods are synchronized.
 */
public final class ProgressPrinter {
    private static final Duration TERMINAL_INTERVAL = Duration.ofMillis(250);

    private final PrintWriter err;
    private final boolean terminal;
    private final Clock clock;
    private final Duration plainInterval;
    private final TerminalLine guard;
    private Instant lastPrinted;
    private int lastLength;
    private final PartitionNoun noun;
    private ProgressView last;
    private ProgressView lastShown;

    /**
     * Creates a printer.
     *
     * @param err where progress goes
     * @param terminal whether to update one line in place
     * @param clock decides when the next line is due
     * @param plainInterval how often a plain line is printed when not on a terminal
     */
    public ProgressPrinter(PrintWriter err, boolean terminal, Clock clock, Duration plainInterval) {
        this(err, terminal, clock, plainInterval, null, PartitionNoun.DEFAULT);
    }

    private ProgressPrinter(PrintWriter err, boolean terminal, Clock clock, Duration plainInterval,
            TerminalLine guard, PartitionNoun noun) {
        this.noun = Objects.requireNonNull(noun, "noun");
        this.err = Objects.requireNonNull(err, "err");
        this.terminal = terminal;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.plainInterval = Objects.requireNonNull(plainInterval, "plainInterval");
        this.guard = terminal ? guard : null;
    }

    /**
     * A printer for a command's context: in place on a terminal, else every ten seconds.
     *
     * @param context the command's context
     * @return the printer
     */
    public static ProgressPrinter forContext(CommandContext context) {
        return forContext(context, PartitionNoun.DEFAULT);
    }

    /**
     * A printer for a command's context that names partitions with the connector's word.
     *
     * @param context the command's context
     * @param noun what the connector calls its partitions
     * @return the printer
     */
    public static ProgressPrinter forContext(CommandContext context, PartitionNoun noun) {
        // On the process's own terminal the line is drawn through the guard that clears it for log lines.
        return new ProgressPrinter(context.err(), context.terminal(), Clock.systemUTC(), Duration.ofSeconds(10),
                TerminalLine.current().orElse(null), noun);
    }

    /**
     * Shows a moment of the crawl if a line is due.
     *
     * @param view the moment
     */
    public synchronized void update(ProgressView view) {
        last = Objects.requireNonNull(view, "view");
        Instant now = clock.instant();
        Duration interval = terminal ? TERMINAL_INTERVAL : plainInterval;
        if (lastPrinted != null && Duration.between(lastPrinted, now).compareTo(interval) < 0) {
            return;
        }
        lastPrinted = now;
        print(view);
    }

    /** Shows the last moment (if it was not shown yet) and ends the in-place line. */
    public synchronized void finish() {
        if (last != null && guard != null) {
            // Drawn again: a log line may have cleared it since.
            err.flush();
            guard.end(ProgressLine.render(last, noun));
            lastShown = last;
            last = null;
            return;
        }
        if (last != null && !last.equals(lastShown)) {
            print(last);
        }
        if (last != null && terminal) {
            err.println();
            err.flush();
        }
        last = null;
    }

    private void print(ProgressView view) {
        lastShown = view;
        String line = ProgressLine.render(view, noun);
        if (guard != null) {
            err.flush();
            guard.show(line);
            return;
        }
        if (terminal) {
            // Pad over the previous line's tail: a shorter line would leave old characters behind.
            String pad = " ".repeat(Math.max(0, lastLength - line.length()));
            err.print("\r" + line + pad);
            lastLength = line.length() + pad.length();
        } else {
            err.println(line);
        }
        err.flush();
    }
}
