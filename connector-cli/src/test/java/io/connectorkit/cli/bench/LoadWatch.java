package io.connectorkit.cli.bench;

import static java.util.Objects.requireNonNull;

import io.connectorkit.cli.bench.measure.ChildJvm;
import io.connectorkit.cli.bench.measure.IndexTally;
import io.connectorkit.cli.bench.measure.ProcessSample;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Watches a crawling child process four times a second until it exits: a {@link ProcessSample}
 * each time, and every half second the index's email count (often enough that a fast crawl is not
 * past half before it is looked at). The first email ends the warm-up (JVM start, index and pools
 * opened); at a quarter and at half of the expected emails the child's live heap is measured ({@code jcmd <pid> GC.class_histogram}, which collects the whole heap first).
 * Prints a progress line every 15 seconds.
 */
final class LoadWatch {
    private static final double PROGRESS_EVERY_SECONDS = 15;
    private static final double COUNT_EVERY_SECONDS = 0.5;
    private static final long SAMPLE_EVERY_MILLIS = 250;
    private static final Pattern HISTOGRAM_TOTAL = Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)\\s*$");

    private final Process child;
    private final IndexTally tally;
    private final String index;
    private final long startedNanos;
    private final long expectedEmails;
    private long liveAtQuarter = -1;
    private long liveAtHalf = -1;
    private final List<Timed> samples = new ArrayList<>();
    private double warmedUpAt = Double.NaN;
    private long rssHighWater;
    private double cpuSeconds;

    /**
     * Thread names (as Linux shows them, cut to 15 characters) of the JVM's own workers, which it
     * starts and stops by demand: compiler threads, GC workers, G1's refinement and marking
     * threads, and the listener {@code jcmd} itself brings up. Leaving them out counts the
     * threads the crawl's code and its libraries own.
     */
    private static final List<String> JVM_WORKER_PREFIXES = List.of("C1 CompilerThre", "C2 CompilerThre",
            "GC Thread#", "G1 Conc#", "G1 Refine#", "Attach Listener");

    /**
     * A sample and when it was taken, in seconds since the child started.
     *
     * @param seconds since the child started
     * @param sample the whole process
     * @param crawlThreads its threads without the JVM's own demand-started workers, or -1 if unknown
     */
    record Timed(double seconds, ProcessSample sample, long crawlThreads) {
    }

    /**
     * The highest value of one measure over each half of the samples after warm-up.
     *
     * @param min the lowest value after warm-up
     * @param max the highest
     * @param firstHalfMax the highest in the first half
     * @param secondHalfMax the highest in the second half
     */
    record Range(long min, long max, long firstHalfMax, long secondHalfMax) {
        @Override
        public String toString() {
            return min + "-" + max + " (max " + firstHalfMax + " in the first half, " + secondHalfMax + " in the second)";
        }
    }

    /** The samples after warm-up. */
    record Steady(List<Timed> samples) {
        int size() {
            return samples.size();
        }

        double midSeconds() {
            return samples.isEmpty() ? 0 : samples.get(samples.size() / 2).seconds();
        }

        /** Every thread of the process. */
        Range threads() {
            return range(s -> s.sample().threads());
        }

        /** The threads without the JVM's own demand-started workers: what must not grow. */
        Range crawlThreads() {
            return range(Timed::crawlThreads);
        }

        Range openFiles() {
            return range(s -> s.sample().openFiles());
        }

        private Range range(ToLongFunction<Timed> measure) {
            int half = samples.size() / 2;
            return new Range(samples.stream().mapToLong(measure).min().orElse(0),
                    samples.stream().mapToLong(measure).max().orElse(0),
                    samples.subList(0, half).stream().mapToLong(measure).max().orElse(0),
                    samples.subList(half, samples.size()).stream().mapToLong(measure).max().orElse(0));
        }
    }

    LoadWatch(Process child, IndexTally tally, String index, long startedNanos, long expectedEmails) {
        this.child = requireNonNull(child, "child");
        this.tally = requireNonNull(tally, "tally");
        this.index = requireNonNull(index, "index");
        this.startedNanos = startedNanos;
        this.expectedEmails = expectedEmails;
    }

    /**
     * Samples until the child exits.
     *
     * @param timeoutSeconds how long the child may run
     * @throws InterruptedException if interrupted
     * @throws IOException if {@code jcmd} cannot be run
     * @throws AssertionError if the child runs longer than the timeout
     */
    void untilExit(long timeoutSeconds) throws InterruptedException, IOException {
        double lastProgress = 0;
        double lastCount = 0;
        // Often enough that even a short crawl on a fast machine gives the halves several samples each.
        while (!child.waitFor(SAMPLE_EVERY_MILLIS, TimeUnit.MILLISECONDS)) {
            double now = (System.nanoTime() - startedNanos) / 1e9;
            ProcessSample.of(child.pid()).ifPresent(s -> {
                samples.add(new Timed(now, s, crawlThreads(child.pid())));
                rssHighWater = Math.max(rssHighWater, s.rssHighWaterBytes());
            });
            child.info().totalCpuDuration().ifPresent(cpu -> cpuSeconds = cpu.toMillis() / 1e3);
            if (now - lastCount >= COUNT_EVERY_SECONDS) {
                lastCount = now;
                long indexed = indexed();
                if (indexed > 0 && Double.isNaN(warmedUpAt)) {
                    warmedUpAt = now;
                }
                if (liveAtQuarter < 0 && indexed >= expectedEmails / 4) {
                    liveAtQuarter = liveHeap();
                }
                // At half, not later: the last quarter of a fast crawl on an idle machine can end
                // (and the child exit) before jcmd has attached.
                if (liveAtQuarter >= 0 && liveAtHalf < 0 && indexed >= expectedEmails / 2) {
                    liveAtHalf = liveHeap();
                }
                if (now - lastProgress >= PROGRESS_EVERY_SECONDS && !samples.isEmpty()) {
                    lastProgress = now;
                    ProcessSample s = samples.get(samples.size() - 1).sample();
                    LoadIT.say("%4.0f s: %,d emails indexed; threads %d, open files %d, RSS %d MB", now, indexed,
                            s.threads(), s.openFiles(), s.rssBytes() >> 20);
                }
            }
            if (now > timeoutSeconds) {
                throw new AssertionError("The crawl ran over " + timeoutSeconds + " s; stopped it");
            }
        }
    }

    /** The threads of a process whose names are not JVM workers; -1 if it cannot be read. */
    static long crawlThreads(long pid) {
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        try (Stream<Path> threads = Files.list(tasks)) {
            return threads.filter(t -> {
                try {
                    String name = Files.readString(t.resolve("comm"), StandardCharsets.UTF_8).strip();
                    return JVM_WORKER_PREFIXES.stream().noneMatch(name::startsWith);
                } catch (IOException ended) {
                    return false;
                }
            }).count();
        } catch (IOException | UncheckedIOException gone) {
            return -1;
        }
    }

    /** The child's heap in use right after a full collection, in bytes; -1 if it ended meanwhile. */
    private long liveHeap() throws IOException, InterruptedException {
        Path jcmd = ChildJvm.java().resolveSibling("jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), Long.toString(child.pid()), "GC.class_histogram")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        Matcher m = HISTOGRAM_TOTAL.matcher(out);
        if (m.find()) {
            long live = Long.parseLong(m.group(1));
            LoadIT.say("live heap after a full collection: %d MB", live >> 20);
            return live;
        }
        if (!child.isAlive()) {
            return -1;
        }
        throw new IOException("jcmd " + child.pid() + " GC.class_histogram printed no total: " + out);
    }

    /** Live heap at a quarter of the expected emails, in bytes; -1 if not measured. */
    long liveAtQuarter() {
        return liveAtQuarter;
    }

    /** Live heap at half of the expected emails, in bytes; -1 if not measured. */
    long liveAtHalf() {
        return liveAtHalf;
    }

    private long indexed() {
        try {
            return tally.visible(index, "email");
        } catch (IOException notYet) {
            // The index does not exist until the crawl creates it.
            return 0;
        }
    }

    /** The samples taken once the first document was indexed. */
    Steady steady() {
        return new Steady(samples.stream().filter(s -> s.seconds() >= warmedUpAt).toList());
    }

    int samples() {
        return samples.size();
    }

    /** The child's CPU time (user and system) at the last sample. */
    double cpuSeconds() {
        return cpuSeconds;
    }

    /** The child's resident-set high-water mark at the last sample (VmHWM). */
    long rssHighWaterBytes() {
        return rssHighWater;
    }
}
