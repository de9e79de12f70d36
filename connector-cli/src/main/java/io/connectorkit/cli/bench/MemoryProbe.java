package io.connectorkit.cli.bench;

import io.connectorkit.api.config.SourceConfig;
import io.connectorkit.cli.bench.measure.ProcessSample;
import io.connectorkit.runtime.CancellationSignal;
import io.connectorkit.runtime.ConnectorRegistry;
import io.connectorkit.runtime.CrawlReport;
import io.connectorkit.runtime.Host;
import java.io.Reader;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The child JVM of the {@code memory} scenario: runs one crawl from a properties file and writes
 * what it measured to a result file: the report's counts, the highest heap use sampled every
 * 10 ms, the sum of the heap pools' peaks (an upper bound), the heap limit, and the resident set's
 * high-water mark from {@code /proc/self/status} (VmHWM). Started as
 * {@code java -Xmx256m -cp <class path> io.connectorkit.cli.bench.MemoryProbe CONFIG RESULT}.
 */
public final class MemoryProbe {
    private MemoryProbe() {
    }

    /**
     * Runs the crawl.
     *
     * @param args the configuration file and the result file
     * @throws Exception if the crawl cannot run; the exit status is then non-zero
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            throw new IllegalArgumentException("Give the configuration file and the result file, got "
                    + args.length + " arguments");
        }
        Properties in = new Properties();
        try (Reader r = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
            in.load(r);
        }
        Map<String, String> values = new HashMap<>();
        in.stringPropertyNames().forEach(k -> values.put(k, in.getProperty(k)));
        AtomicLong sampledPeak = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                sampledPeak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        ConnectorRegistry registry = ConnectorRegistry.load();
        SourceConfig source = registry.validate(values);
        Properties out = new Properties();
        long started = System.nanoTime();
        try (Host host = Host.open(source, registry)) {
            CrawlReport report = host.crawl(false, p -> { }, new CancellationSignal());
            out.setProperty("seconds", Double.toString((System.nanoTime() - started) / 1e9));
            out.setProperty("documents", Long.toString(report.documentsUpserted()));
            out.setProperty("itemFailures", Long.toString(report.itemFailures()));
            out.setProperty("partitionsFailed", Integer.toString(report.partitionsFailed()));
            out.setProperty("fatal", report.fatal().isPresent() ? report.fatalMessage() : "");
        }
        sampler.interrupt();
        long poolPeaks = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                poolPeaks += pool.getPeakUsage().getUsed();
            }
        }
        out.setProperty("heapPeakSampled", Long.toString(sampledPeak.get()));
        out.setProperty("heapPoolPeaks", Long.toString(poolPeaks));
        out.setProperty("heapMax", Long.toString(Runtime.getRuntime().maxMemory()));
        out.setProperty("rssHighWater", Long.toString(rssHighWater()));
        try (Writer w = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8)) {
            out.store(w, "memory probe");
        }
        // The crawl's pools and the index client may leave non-daemon threads; the result is written.
        System.exit(0);
    }

    /** VmHWM in bytes, or -1 where /proc is missing (not Linux). */
    static long rssHighWater() {
        return ProcessSample.self().map(ProcessSample::rssHighWaterBytes).orElse(-1L);
    }
}
