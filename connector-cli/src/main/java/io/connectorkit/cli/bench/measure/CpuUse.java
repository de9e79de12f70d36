package io.connectorkit.cli.bench.measure;

import static java.util.Objects.requireNonNull;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Where this process's CPU time went during one crawl, by thread group: the simulator, the index
 * node, Tika extraction, the crawl's own threads, and the rest. The benchmark runs all of them in
 * one JVM on the same cores, so a group's share says how much of the machine it took from the
 * others; the simulator's share is time the real service would spend on its own machines.
 *
 * <p>Threads are read by name through {@link ThreadMXBean}, at the start, every
 * {@link #POLL_MILLIS} ms and at the end, so that a thread that ends during the crawl (the crawl's
 * own pool does) keeps the time it had at the last look. What no thread accounts for (the GC, the
 * JIT compiler, a thread's last moments) is reported as {@link #UNATTRIBUTED}.
 *
 * @param wallSeconds the crawl's wall time
 * @param processSeconds the process's CPU time over the crawl, every thread and the GC included
 * @param groupSeconds CPU seconds per group, in {@link #GROUP_NAMES} order
 * @param processors the processors the JVM may use
 */
public record CpuUse(double wallSeconds, double processSeconds, Map<String, Double> groupSeconds, int processors) {
    public static final String SIMULATOR = "simulator";
    public static final String INDEX_NODE = "index node";
    public static final String EXTRACTION = "extraction";
    public static final String CRAWL = "crawl threads";
    public static final String INDEX_CLIENT = "bulk writer and index client";
    public static final String OTHER = "other threads";
    public static final String UNATTRIBUTED = "ended threads, GC and JIT";

    /** Thread groups by name, first match wins; the same groups as docs/bench/top-frames.py. */
    static final List<Map.Entry<String, Pattern>> GROUPS = List.of(
            Map.entry(EXTRACTION, Pattern.compile("^connectorkit-extract")),
            Map.entry(CRAWL, Pattern.compile("^crawl-")),
            Map.entry(SIMULATOR, Pattern.compile("fake-mimecast|^HTTP-Dispatcher|^simulator")),
            Map.entry(INDEX_NODE, Pattern.compile("opensearch|^elasticsearch")),
            Map.entry(INDEX_CLIENT, Pattern.compile("^bulk-writer|dispatch")));

    /** Every group a measurement reports, in the order figures show them. */
    public static final List<String> GROUP_NAMES = List.of(SIMULATOR, CRAWL, EXTRACTION, INDEX_NODE,
            INDEX_CLIENT, OTHER, UNATTRIBUTED);

    public CpuUse {
        requireNonNull(groupSeconds, "groupSeconds");
        groupSeconds = Collections.unmodifiableMap(new LinkedHashMap<>(groupSeconds));
    }

    /** No measurement: the JVM cannot time threads. */
    public static CpuUse unknown(double wallSeconds) {
        return new CpuUse(wallSeconds, 0, Map.of(), Runtime.getRuntime().availableProcessors());
    }

    /** @return the share of the process's CPU time the group took, 0 when unknown */
    public double share(String group) {
        return processSeconds <= 0 ? 0 : groupSeconds.getOrDefault(group, 0.0) / processSeconds;
    }

    /** @return the process's CPU time over the wall time of all its processors: 1 when CPU-bound */
    public double utilisation() {
        return wallSeconds <= 0 || processors <= 0 ? 0 : processSeconds / (wallSeconds * processors);
    }

    /** @return whether the JVM measured anything */
    public boolean known() {
        return processSeconds > 0;
    }

    /** Starts a measurement: every live thread's CPU time and the process's, now, then polled. */
    public static Snapshot start() {
        return new Snapshot();
    }

    static final long POLL_MILLIS = 250;

    /** A measurement under way: the group and the first and latest CPU time of every thread seen. */
    public static final class Snapshot {
        private final ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        private final Map<Long, Seen> threads = new HashMap<>();
        private final long process;
        private final long wall;
        private final ScheduledExecutorService poller;

        /** One thread: its group, read from its name when first seen, and its CPU nanoseconds. */
        private static final class Seen {
            final String group;
            final long first;
            long last;

            Seen(String group, long first, long last) {
                this.group = group;
                this.first = first;
                this.last = last;
            }
        }

        private Snapshot() {
            if (mx.isThreadCpuTimeSupported() && !mx.isThreadCpuTimeEnabled()) {
                mx.setThreadCpuTimeEnabled(true);
            }
            this.process = processNanos();
            this.wall = System.nanoTime();
            look(true);
            this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "bench-cpu-poll");
                t.setDaemon(true);
                return t;
            });
            poller.scheduleAtFixedRate(() -> look(false), POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
        }

        /**
         * Records every live thread's CPU time; a thread first seen after the start started at 0.
         * Only a thread not seen before has its name read.
         */
        private synchronized void look(boolean atStart) {
            if (!mx.isThreadCpuTimeSupported()) {
                return;
            }
            for (long id : mx.getAllThreadIds()) {
                long now = mx.getThreadCpuTime(id);
                if (now < 0) {
                    continue;
                }
                Seen seen = threads.get(id);
                if (seen != null) {
                    seen.last = now;
                    continue;
                }
                ThreadInfo info = mx.getThreadInfo(id);
                if (info != null) {
                    threads.put(id, new Seen(group(info.getThreadName()), atStart ? now : 0, now));
                }
            }
        }

        /** @return where the CPU time went since the start; stops polling */
        public CpuUse end() {
            poller.shutdownNow();
            double wallSeconds = (System.nanoTime() - wall) / 1e9;
            long processNow = processNanos();
            if (process < 0 || processNow < 0 || !mx.isThreadCpuTimeSupported()) {
                return unknown(wallSeconds);
            }
            Map<String, Double> byGroup = new LinkedHashMap<>();
            GROUP_NAMES.forEach(g -> byGroup.put(g, 0.0));
            double attributed = 0;
            synchronized (this) {
                look(false);
                for (Seen t : threads.values()) {
                    if (t.group.equals(POLLER)) {
                        continue;
                    }
                    double seconds = (t.last - t.first) / 1e9;
                    byGroup.merge(t.group, seconds, Double::sum);
                    attributed += seconds;
                }
            }
            double processSeconds = (processNow - process) / 1e9;
            byGroup.put(UNATTRIBUTED, Math.max(0, processSeconds - attributed));
            return new CpuUse(wallSeconds, processSeconds, byGroup, Runtime.getRuntime().availableProcessors());
        }
    }

    private static final String POLLER = "the measurement itself";

    static String group(String threadName) {
        if (threadName.equals("bench-cpu-poll")) {
            return POLLER;
        }
        for (Map.Entry<String, Pattern> g : GROUPS) {
            if (g.getValue().matcher(threadName).find()) {
                return g.getKey();
            }
        }
        return OTHER;
    }

    private static long processNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }
}
