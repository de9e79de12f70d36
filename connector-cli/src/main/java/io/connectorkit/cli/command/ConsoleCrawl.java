package io.connectorkit.cli.command;

import io.connectorkit.cli.console.CommandContext;
import io.connectorkit.cli.console.ExitStatus;
import io.connectorkit.cli.console.Redactor;
import io.connectorkit.cli.output.CrawlSummary;
import io.connectorkit.cli.output.JsonOutput;
import io.connectorkit.cli.output.PartitionNoun;
import io.connectorkit.cli.output.ProgressLine;
import io.connectorkit.cli.output.ProgressPrinter;
import io.connectorkit.runtime.CancellationSignal;
import io.connectorkit.runtime.CrawlReport;
import io.connectorkit.runtime.FailedRemoval;
import io.connectorkit.runtime.HeldSweep;
import io.connectorkit.runtime.Host;
import java.io.PrintWriter;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * One crawl at the console, as the command line runs it: progress on standard error, a shutdown hook that turns
 * Ctrl-C into a clean stop, the summary, and the exit status the report calls for.
 */
final class ConsoleCrawl {
    /** How long Ctrl-C waits for the crawl to commit what the index acknowledged. */
    private static final long STOP_GRACE_SECONDS = 60;

    private final CommandContext context;
    private final String resumeCommand;

    /**
     * Creates the console crawl.
     *
     * @param context the invocation's output
     * @param resumeCommand the command line that resumes this crawl, for messages
     */
    ConsoleCrawl(CommandContext context, String resumeCommand) {
        this.context = Objects.requireNonNull(context, "context");
        this.resumeCommand = Objects.requireNonNull(resumeCommand, "resumeCommand");
    }

    ExitStatus run(Host host, boolean full, boolean json) throws Exception {
        CancellationSignal signal = new CancellationSignal();
        CountDownLatch finished = new CountDownLatch(1);
        PrintWriter err = context.err();
        Thread hook = new Thread(() -> {
            signal.cancel();
            err.println();
            err.println("Stopping: finishing the documents in flight and saving checkpoints...");
            err.flush();
            try {
                finished.await(STOP_GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "connector-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            PartitionNoun noun = PartitionNoun.of(host.connector());
            ProgressPrinter progress = ProgressPrinter.forContext(context, noun);
            CrawlReport report;
            // The summary repeats the progress line's megabytes sent to the index.
            AtomicLong indexedBytes = new AtomicLong(-1);
            try {
                report = host.crawl(full, p -> {
                    indexedBytes.accumulateAndGet(p.bytes(), Math::max);
                    progress.update(CrawlSummary.view(p));
                }, signal);
            } finally {
                progress.finish();
            }
            return report(report, json, indexedBytes.get(), noun);
        } finally {
            finished.countDown();
            removeHook(hook);
        }
    }

    private ExitStatus report(CrawlReport report, boolean json, long indexedBytes, PartitionNoun noun) {
        PrintWriter out = context.out();
        PrintWriter err = context.err();
        Redactor r = context.redactor();
        if (json) {
            out.println(r.redact(JsonOutput.write(CrawlSummary.json(report))));
            out.flush();
        } else {
            CrawlSummary.print(out, report, indexedBytes, r::redact, resumeCommand.replace(" crawl ", " status "),
                    noun);
        }
        if (report.cancelled()) {
            err.println("Stopped: what the index acknowledged is saved; resume with: " + resumeCommand);
            err.flush();
            return ExitStatus.FATAL;
        }
        if (report.fatal().isPresent()) {
            err.println("error: " + r.redact(report.fatalMessage()));
            err.flush();
            return ExitStatus.of(report.fatalKind());
        }
        ExitStatus status = ExitStatus.OK;
        if (report.deletionRefusal() != null) {
            // The crawl itself worked, but the index still holds partitions the source no longer lists.
            err.println("error: " + noun.many() + " no longer listed were kept: " + r.redact(report.deletionRefusal()) + ".");
            status = ExitStatus.ITEM_FAILURES;
        }
        for (HeldSweep held : report.sweepRefusals()) {
            // The crawl worked as far as the host can tell, but its listing of the partition left out
            // more than the breaker believes: the documents it did not see again are kept.
            err.println("error: documents not seen again were kept: " + r.redact(held.message()) + ".");
            status = ExitStatus.ITEM_FAILURES;
        }
        if (!report.failedRemovals().isEmpty()) {
            // The crawl worked, but the index still holds partitions the source no longer lists: a
            // failure, never a log line alone.
            err.println("error: " + report.failedRemovals().size() + " " + noun.many()
                    + " no longer listed could not be removed ("
                    + r.redact(report.failedRemovals().stream().map(FailedRemoval::partition)
                            .collect(Collectors.joining(", ")))
                    + "); their documents are still in the index, and the next crawl tries again.");
            status = ExitStatus.ITEM_FAILURES;
        }
        if (report.itemFailures() > 0 || report.partitionsFailed() > 0) {
            String what = ProgressLine.count(report.itemFailures()) + " items"
                    + (report.partitionsFailed() > 0 ? " and " + report.partitionsFailed() + " " + noun.many() : "");
            err.println("error: " + what + " failed; '"
                    + resumeCommand.replace(" crawl ", " status ") + "' lists them, and the next crawl retries them.");
            status = ExitStatus.ITEM_FAILURES;
        }
        err.flush();
        return status;
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already stopping (Ctrl-C): the hook is running and will return now.
        }
    }
}
