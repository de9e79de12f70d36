package io.connectorkit.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.connectorkit.cli.CrawlConfig;
import io.connectorkit.cli.bench.archive.ArchiveTotals;
import io.connectorkit.cli.bench.archive.SimulatedArchive;
import io.connectorkit.cli.bench.measure.ChildJvm;
import io.connectorkit.cli.bench.measure.GcLog;
import io.connectorkit.cli.bench.measure.IndexTally;
import io.connectorkit.embedded.EmbeddedSearchNode;
import io.connectorkit.embedded.testing.SharedSearchNode;
import io.connectorkit.simulator.archive.ArchiveGenerator;
import io.connectorkit.simulator.archive.ArchiveSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A large simulated archive crawled to completion by the packaged command in a child JVM limited
 * to {@code -Xmx512m}, watched from outside four times a second: its threads, open files and resident
 * set through {@code /proc}, its heap through its GC log. The simulator and the index (the one
 * shared by the integration tests) stay in this JVM, so the child's memory is the crawler's
 * alone. Size with {@code -Dload.messages=N} (Maven passes it on to the test JVM); the default of
 * 5,000 messages takes under a minute on an idle 2-core machine (about 17 ms of CPU per message,
 * crawler and index together).
 */
@ExtendWith(SharedSearchNode.class)
class LoadIT {
    static final String HEAP = "-Xmx512m";
    /** The HTTP client may open a second connection while a stale keep-alive one closes; a spool file or two may be open. */
    static final long FD_TOLERANCE = 8;
    /** JDK threads started lazily (a second HTTP selector, a cleaner) rather than per item. */
    static final long THREAD_TOLERANCE = 2;
    /**
     * Live heap may differ this much between two looks without accumulating: the document queue
     * (2 x sink.bulk.max-bytes, 10 MB) and the bulk request being built (5 MB) can be full at one
     * look and empty at the other; the rest is slack for caches that fill once (Tika, the JIT's).
     */
    static final long LIVE_HEAP_TOLERANCE_BYTES = 32L << 20;
    static final int MAILBOXES = 20;
    static final int DEFAULT_MESSAGES = 5_000;

    @TempDir
    Path dir;

    @Test
    void crawlsTheWholeArchiveInABoundedHeapWithoutGrowingThreadsOrFiles(EmbeddedSearchNode node) throws Exception {
        int requested = Integer.getInteger("load.messages", DEFAULT_MESSAGES);
        ArchiveSpec spec = ArchiveGenerator.seed(42).domains(4).localDomains(0).usersPerDomain(MAILBOXES / 4)
                .aliasEvery(0).messagesPerView(Math.max(1, requested / (2 * MAILBOXES))).attachmentShare(0.01)
                .maxAttachmentBytes(50_000).spec();
        Path jar = Path.of("target", "connector.jar").toAbsolutePath();
        assertThat(jar).as("the packaged command; 'mvn verify' builds it before the integration tests").isRegularFile();
        try (SimulatedArchive sim = SimulatedArchive.start(spec, b -> b)) {
            ArchiveTotals totals = sim.totals();
            CrawlConfig crawl = CrawlConfig.mimecast(LoadIT.class, "crawl", sim.server().baseUrl(),
                    SimulatedArchive.CLIENT_ID, node.url())
                    .with("mimecast.client-secret", SimulatedArchive.CLIENT_SECRET)
                    .with("mimecast.attachments.extract", "true").with("extract.text", null);
            String index = crawl.index();
            Path config = crawl.write(dir);
            Path tmp = Files.createDirectories(dir.resolve("tmp"));
            Path gc = dir.resolve("gc.log");
            List<String> command = ChildJvm.jar(List.of(HEAP, "-Xlog:gc:file=" + gc, "-Djava.io.tmpdir=" + tmp),
                    jar, List.of("crawl", "--config", config.toString(), "--json"));
            Path out = dir.resolve("child.out");
            Path err = dir.resolve("child.err");
            say("%,d messages, %,d attachments in %d mailboxes; child: java %s -jar connector.jar crawl", totals.messages(),
                    totals.attachments(), MAILBOXES, HEAP);
            long started = System.nanoTime();
            Process child = new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(out.toFile())
                    .redirectError(err.toFile()).start();
            LoadWatch watch = new LoadWatch(child, new IndexTally(node.url()), index, started,
                    totals.messages());
            try {
                watch.untilExit(10 * 60 + totals.messages() / 20);
            } finally {
                child.destroyForcibly();
            }
            double wall = (System.nanoTime() - started) / 1e9;
            String childOutput = "\n--- stdout\n" + Files.readString(out) + "\n--- stderr (tail)\n" + tail(err);
            assertThat(child.exitValue()).as("exit status" + childOutput).isZero();
            JsonObject report = JsonParser.parseString(Files.readString(out, StandardCharsets.UTF_8)).getAsJsonObject();
            assertThat(report.get("outcome").getAsString()).as(childOutput).isEqualTo("ok");
            assertThat(report.getAsJsonObject("report").get("itemFailures").getAsLong()).isZero();
            assertThat(report.getAsJsonObject("report").get("partitionsFailed").getAsLong()).isZero();

            IndexTally tally = new IndexTally(node.url());
            assertThat(tally.count(index, "email")).isEqualTo(totals.messages());
            assertThat(tally.count(index, "attachment")).isEqualTo(totals.attachments());
            try (Stream<Path> left = Files.list(tmp)) {
                assertThat(left.toList()).as("files the crawl left in its temporary directory").isEmpty();
            }

            GcLog log = GcLog.read(gc);
            LoadWatch.Steady steady = watch.steady();
            double mid = steady.midSeconds();
            say("%,d documents in %.0f s; peak heap %d MB (GC log, %d pauses), heap left after pauses max %d MB in the"
                    + " first half / %d MB in the second; peak RSS %d MB; threads %s, without the JVM's workers %s;"
                    + " open files %s; %d samples;"
                    + " child CPU %.0f s; live heap after a full collection %d MB at a quarter, %d MB at half",
                    totals.documents(), wall, log.peakMb(), log.pauses().size(), log.liveMaxMb(0, mid),
                    log.liveMaxMb(mid, Double.MAX_VALUE), watch.rssHighWaterBytes() >> 20, steady.threads(),
                    steady.crawlThreads(), steady.openFiles(), watch.samples(), watch.cpuSeconds(),
                    watch.liveAtQuarter() >> 20, watch.liveAtHalf() >> 20);
            assertThat(log.pauses()).as("GC pauses in " + gc).isNotEmpty();
            assertThat(log.peakMb()).isLessThanOrEqualTo(512);
            assertThat(watch.liveAtQuarter()).as("live heap at a quarter of the crawl").isPositive();
            assertThat(watch.liveAtHalf()).as("live heap at half of the crawl")
                    .isPositive().isLessThanOrEqualTo(watch.liveAtQuarter() + LIVE_HEAP_TOLERANCE_BYTES);
            assertThat(steady.size()).as("samples after warm-up: the crawl must run long enough to be watched")
                    .isGreaterThanOrEqualTo(10);
            assertThat(steady.crawlThreads().min()).as("threads were read").isPositive();
            assertThat(steady.crawlThreads().secondHalfMax()).as("threads without the JVM's workers: "
                    + steady.crawlThreads() + "; all threads: " + steady.threads())
                    .isLessThanOrEqualTo(steady.crawlThreads().firstHalfMax() + THREAD_TOLERANCE);
            assertThat(steady.openFiles().secondHalfMax()).as("open files: " + steady.openFiles())
                    .isLessThanOrEqualTo(steady.openFiles().firstHalfMax() + FD_TOLERANCE);
        }
    }

    private static String tail(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    static void say(String format, Object... args) {
        System.out.println("LoadIT: " + String.format(format, args));
        System.out.flush();
    }
}
