package io.connectorkit.cli.bench;

import io.connectorkit.cli.bench.archive.BenchArchives;
import io.connectorkit.cli.bench.archive.SimulatedArchive;
import io.connectorkit.cli.bench.measure.ChildJvm;
import io.connectorkit.cli.bench.measure.Figure;
import io.connectorkit.cli.bench.measure.IndexTally;
import io.connectorkit.cli.bench.measure.ScenarioResult;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * {@code memory}: 5,000 messages and one 500 MB attachment, crawled by a child JVM limited to
 * {@code -Xmx256m} (the simulator and the index stay in this JVM, as they would be other processes
 * in production). The attachment is over no size cap, so it is downloaded, spooled and extracted.
 * It must complete and lose nothing; peak heap and RSS are reported.
 */
final class MemoryScenario implements Scenario {
    static final String HEAP = "-Xmx256m";

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public String description() {
        return "5,000 messages + one 500 MB attachment crawled with -Xmx256m: completes, nothing lost";
    }

    @Override
    public ScenarioResult run(BenchScenarios run) throws Exception {
        BenchEnvironment env = run.environment();
        try (SimulatedArchive sim = SimulatedArchive.start(BenchArchives.memory(env.scale()), b -> b)) {
            Map<String, String> config = env.mimecastConfig("bench-memory", sim.server());
            config.put("mimecast.attachments.max-bytes", Long.toString(1L << 30));
            Path dir = Files.createDirectories(env.workDir().resolve("memory"));
            Path configFile = dir.resolve("memory.properties");
            Path resultFile = dir.resolve("result.properties");
            Properties p = new Properties();
            p.putAll(config);
            // It holds the password of the benchmark's node: the owner's alone.
            Files.deleteIfExists(configFile);
            if (Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null) {
                Files.createFile(configFile, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------")));
            }
            try (Writer w = Files.newBufferedWriter(configFile, StandardCharsets.UTF_8)) {
                p.store(w, "memory scenario");
            }
            List<String> command = ChildJvm.classPath(List.of(HEAP, "-Djava.io.tmpdir=" + dir),
                    MemoryProbe.class.getName(), List.of(configFile.toString(), resultFile.toString()));
            env.say("  child JVM: java " + HEAP + " ... " + MemoryProbe.class.getSimpleName() + " (log: "
                    + dir.resolve("child.log") + ")");
            long started = System.nanoTime();
            Process child = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("child.log").toFile()).start();
            if (!child.waitFor(2, TimeUnit.HOURS)) {
                child.destroyForcibly();
                throw new IllegalStateException("The memory scenario's child JVM ran over 2 hours; see "
                        + dir.resolve("child.log"));
            }
            double wall = (System.nanoTime() - started) / 1e9;
            boolean completed = child.exitValue() == 0 && Files.exists(resultFile);
            Properties r = new Properties();
            if (completed) {
                try (var in = Files.newBufferedReader(resultFile, StandardCharsets.UTF_8)) {
                    r.load(in);
                }
            }
            IndexTally tally = env.tally();
            long indexed = tally.count("connector-bench-memory", "email")
                    + tally.count("connector-bench-memory", "attachment");
            long lost = sim.totals().documents() - indexed;
            env.say(String.format("  bench-memory: child exit %d, %,d documents indexed in %.1f s", child.exitValue(),
                    indexed, wall));
            return new ScenarioResult(name(), List.of(
                    new Figure("completed", completed ? 1 : 0, "", "= 1", Double.NaN, completed),
                    Figure.noMoreThan("documents lost", lost, "docs", 0),
                    Figure.reported("peak heap used (sampled every 10 ms)", mb(r, "heapPeakSampled"), "MB"),
                    Figure.reported("sum of heap pool peaks (upper bound)", mb(r, "heapPoolPeaks"), "MB"),
                    Figure.reported("heap limit", mb(r, "heapMax"), "MB"),
                    Figure.reported("peak RSS (VmHWM)", mb(r, "rssHighWater"), "MB"),
                    Figure.reported("wall time (child JVM, start-up included)", wall, "s"),
                    Figure.reported("item failures", Double.parseDouble(r.getProperty("itemFailures", "NaN")),
                            "items")),
                    List.of(String.format("%,d messages, %,d attachments, the largest %,d MB; attachments.max-bytes=1 GiB"
                            + " so the large one is downloaded, spooled and extracted", sim.totals().messages(),
                            sim.totals().attachments(), BenchArchives.memory(env.scale()).hugeAttachmentBytes() >> 20)));
        }
    }

    private static double mb(Properties r, String key) {
        return Double.parseDouble(r.getProperty(key, "NaN")) / (1 << 20);
    }
}
