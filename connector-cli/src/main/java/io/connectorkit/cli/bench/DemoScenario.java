package io.connectorkit.cli.bench;

import io.connectorkit.cli.Main;
import io.connectorkit.cli.bench.measure.ChildJvm;
import io.connectorkit.cli.bench.measure.Figure;
import io.connectorkit.cli.bench.measure.GcLog;
import io.connectorkit.cli.bench.measure.NativeMemory;
import io.connectorkit.cli.bench.measure.ProcessSample;
import io.connectorkit.cli.bench.measure.ScenarioResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code demo}: {@code connector demo} (simulator, embedded index and crawl in one JVM) in a child
 * JVM, once with the launcher's heap ({@code -Xmx512m}, what {@code ./connector demo} gets) and
 * once with the JVM's default heap (a quarter of the machine's memory). Each runs with Native
 * Memory Tracking and a GC log; when the demo has printed its summary (it is started with {@code
 * --keep-running}), its peak RSS and where the memory went are read, and it is stopped. Reported,
 * not judged: the figures say how much of the RSS is heap the JVM chose to commit and how much the
 * demo kept live.
 */
final class DemoScenario implements Scenario {
    static final String LAUNCHER_HEAP = "-Xmx512m";
    static final int MESSAGES = 2_400;
    private static final Pattern INDEXED = Pattern.compile("documents\\s+([\\d,]+) indexed");
    private static final Pattern FAILURES = Pattern.compile("failures\\s+([\\d,]+) items");
    private static final String READY = "stay up until Ctrl-C";

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String description() {
        return "connector demo (" + String.format("%,d", MESSAGES) + " messages) in a child JVM, with the launcher's "
                + LAUNCHER_HEAP + " and with the JVM's default heap: peak RSS and where it goes";
    }

    @Override
    public ScenarioResult run(BenchScenarios run) throws Exception {
        BenchEnvironment env = run.environment();
        int messages = (int) Math.max(10, Math.round(MESSAGES * env.scale()));
        List<Figure> figures = new ArrayList<>();
        for (String heap : List.of(LAUNCHER_HEAP, "")) {
            figures.addAll(demo(env, messages, heap));
        }
        return new ScenarioResult(name(), figures, List.of(
                String.format("connector demo --messages %,d --keep-running, stopped after its summary; Native Memory"
                        + " Tracking (summary) and -Xlog:gc on; 'default' is the JVM's own heap limit here", messages),
                "live heap at most: the largest heap left after a collection; heap committed: the most the collector"
                        + " held at a pause; not tracked: RSS - the JVM's tracked total (native libraries' own"
                        + " allocations)"));
    }

    private List<Figure> demo(BenchEnvironment env, int messages, String heap) throws Exception {
        String label = heap.isEmpty() ? "default" : heap.substring("-Xmx".length());
        Path dir = Files.createDirectories(env.workDir().resolve("demo-" + label));
        Path log = dir.resolve("demo.log");
        Path gc = dir.resolve("gc.log");
        List<String> options = new ArrayList<>();
        if (!heap.isEmpty()) {
            options.add(heap);
        }
        options.addAll(List.of("-XX:NativeMemoryTracking=summary", "-Xlog:gc:file=" + gc, "-Djava.io.tmpdir=" + dir));
        List<String> command = ChildJvm.classPath(options, Main.class.getName(), List.of("demo", "--data-dir",
                dir.resolve("data").toString(), "--messages", Integer.toString(messages), "--keep-running"));
        env.say("  child JVM: connector demo, heap " + (heap.isEmpty() ? "the JVM's default" : heap) + " (log: " + log
                + ")");
        long started = System.nanoTime();
        Process demo = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            String output = awaitSummary(demo, log);
            double wall = (System.nanoTime() - started) / 1e9;
            ProcessSample sample = ProcessSample.of(demo.pid()).orElseThrow(() -> new IllegalStateException(
                    "cannot read /proc/" + demo.pid() + " of the demo's JVM"));
            NativeMemory nmt = NativeMemory.parse(jcmd(demo.pid(), "VM.native_memory", "summary"));
            if (!nmt.known()) {
                throw new IllegalStateException("the demo's JVM reported no native memory summary");
            }
            GcLog pauses = GcLog.read(gc);
            double rss = sample.rssHighWaterBytes() / 1048576.0;
            double tracked = nmt.totalMb();
            double known = nmt.mb("Java Heap") + nmt.mb("Metaspace") + nmt.mb("Class") + nmt.mb("Code")
                    + nmt.mb("GC") + nmt.mb("Thread");
            String p = label + ": ";
            env.say(String.format("  demo, heap %s: peak RSS %.0f MB, live heap at most %d MB, %s", label, rss,
                    pauses.liveMaxMb(), matched(INDEXED, output) + " documents"));
            return List.of(
                    Figure.reported(p + "peak RSS (VmHWM)", rss, "MB"),
                    Figure.reported(p + "heap limit", nmt.reservedMb("Java Heap"), "MB"),
                    Figure.reported(p + "heap committed at most (GC log)", pauses.committedMaxMb(), "MB"),
                    Figure.reported(p + "live heap at most (after a collection)", pauses.liveMaxMb(), "MB"),
                    Figure.reported(p + "heap committed now (NMT)", nmt.mb("Java Heap"), "MB"),
                    Figure.reported(p + "class metadata (NMT Metaspace + Class)", nmt.mb("Metaspace") + nmt.mb("Class"),
                            "MB"),
                    Figure.reported(p + "compiled code (NMT Code)", nmt.mb("Code"), "MB"),
                    Figure.reported(p + "collector's structures (NMT GC)", nmt.mb("GC"), "MB"),
                    Figure.reported(p + "thread stacks (NMT Thread)", nmt.mb("Thread"), "MB"),
                    Figure.reported(p + "the JVM's other tracked memory", tracked - known, "MB"),
                    Figure.reported(p + "not tracked by the JVM", Math.max(0, sample.rssBytes() / 1048576.0 - tracked),
                            "MB"),
                    Figure.reported(p + "collections", pauses.pauses().size(), "pauses"),
                    Figure.reported(p + "wall time to the summary (JVM start-up included)", wall, "s"),
                    Figure.reported(p + "documents indexed", Double.parseDouble(matched(INDEXED, output)), "docs"),
                    Figure.noMoreThan(p + "item failures", Double.parseDouble(matched(FAILURES, output)), "items", 0));
        } finally {
            // SIGTERM: the demo's shutdown hook ends it, closing the index.
            demo.destroy();
            if (!demo.waitFor(60, TimeUnit.SECONDS)) {
                demo.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    /** Waits until the demo printed its summary and waits for Ctrl-C; fails if it ended before. */
    private static String awaitSummary(Process demo, Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.HOURS.toNanos(1);
        while (System.nanoTime() < deadline) {
            String output = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
            if (output.contains(READY)) {
                return output;
            }
            if (!demo.isAlive()) {
                throw new IllegalStateException("connector demo ended with exit " + demo.exitValue()
                        + " before its summary; see " + log);
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("connector demo printed no summary within an hour; see " + log);
    }

    private static String matched(Pattern pattern, String output) {
        Matcher m = pattern.matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("the demo's summary has no '" + pattern.pattern() + "' line");
        }
        return m.group(1).replace(",", "");
    }

    private static String jcmd(long pid, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>();
        line.add(ChildJvm.java().resolveSibling("jcmd").toString());
        line.add(Long.toString(pid));
        line.addAll(List.of(command));
        Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).start();
        byte[] out = jcmd.getInputStream().readAllBytes();
        if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + pid + " " + String.join(" ", command) + " failed: "
                    + new String(out, StandardCharsets.UTF_8));
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
