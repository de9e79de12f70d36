package io.connectorkit.cli.bench;

import io.connectorkit.cli.bench.archive.ArchiveTotals;
import io.connectorkit.cli.bench.archive.AttachmentContent;
import io.connectorkit.cli.bench.archive.BenchArchives;
import io.connectorkit.cli.bench.measure.Figure;
import io.connectorkit.cli.bench.measure.ScenarioResult;
import io.connectorkit.runtime.extract.ContentExtractor;
import io.connectorkit.runtime.extract.ContentExtractors;
import io.connectorkit.runtime.extract.Extraction;
import io.connectorkit.runtime.extract.ExtractionConfig;
import io.connectorkit.simulator.archive.Archive;
import io.connectorkit.simulator.archive.ArchiveGenerator;
import io.connectorkit.simulator.archive.corpus.Attachment;
import io.connectorkit.simulator.archive.corpus.MessageHeader;
import io.connectorkit.simulator.archive.corpus.View;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code extract}: the full archive's attachments through the {@link ContentExtractor} a crawl
 * builds (the same class and settings: Tika, {@code extract.*} defaults), called from as many
 * threads as a crawl has partitions at once, with no index. Its documents/s (all the archive's
 * documents, emails included, over the time extraction alone takes) is one half of the limit the
 * machine allows; the index scenario gives the other half.
 */
final class ExtractScenario implements Scenario {
    /** The calling threads: {@code crawl.parallel.partitions}' default. */
    static final int CRAWL_THREADS = 4;

    @Override
    public String name() {
        return "extract";
    }

    @Override
    public String description() {
        return "the archive's attachments through the crawl's ContentExtractor on " + CRAWL_THREADS
                + " threads, no index (reference)";
    }

    @Override
    public ScenarioResult run(BenchScenarios run) throws Exception {
        BenchEnvironment env = run.environment();
        Archive archive = ArchiveGenerator.generate(BenchArchives.full(env.scale(), 1));
        ArchiveTotals totals = ArchiveTotals.of(archive);
        List<Attachment> attachments = attachments(archive);
        env.say("  warm-up (not timed): extraction of " + attachments.size() + " attachments");
        extract(attachments);
        List<Double> rates = new ArrayList<>();
        List<Double> seconds = new ArrayList<>();
        long failures = 0;
        for (int i = 1; i <= env.repeat(); i++) {
            long started = System.nanoTime();
            failures = extract(attachments);
            double s = (System.nanoTime() - started) / 1e9;
            seconds.add(s);
            rates.add(totals.documents() / s);
            env.say(String.format("  extract run %d: %,d attachments in %.1f s (%,.0f docs/s)", i, attachments.size(),
                    s, totals.documents() / s));
        }
        run.keepExtractRate(Figure.median(rates));
        return new ScenarioResult(name(), List.of(
                Figure.reported("documents/s", rates, "docs/s"),
                Figure.reported("wall time", seconds, "s"),
                Figure.reported("attachments/s", seconds.stream().map(s -> attachments.size() / s).toList(),
                        "atts/s"),
                Figure.reported("attachments extracted", attachments.size(), "atts"),
                Figure.reported("extraction failures", failures, "items")),
                List.of(String.format("%,d attachments (%,d MB) of %,d documents; documents/s = all documents / the"
                        + " time extraction alone takes; a new extractor per run (no cache carried over); median of"
                        + " %d timed runs after an untimed warm-up", attachments.size(), totals.attachmentBytes() >> 20,
                        totals.documents(), env.repeat())));
    }

    static List<Attachment> attachments(Archive archive) {
        List<Attachment> out = new ArrayList<>();
        for (String mailbox : archive.mailboxes()) {
            for (View view : View.values()) {
                for (MessageHeader h : (Iterable<MessageHeader>) archive.messages(mailbox, view, ArchiveTotals.FROM,
                        ArchiveTotals.TO)::iterator) {
                    out.addAll(archive.message(h.id()).orElseThrow().attachments());
                }
            }
        }
        return out;
    }

    /** Extracts every attachment once with a new extractor; returns the failures. */
    private static long extract(List<Attachment> attachments) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicLong failures = new AtomicLong();
        ExecutorService threads = Executors.newFixedThreadPool(CRAWL_THREADS);
        try (ContentExtractor extractor = ContentExtractors.create(ExtractionConfig.defaults())) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < CRAWL_THREADS; t++) {
                done.add(threads.submit(() -> {
                    for (int i = next.getAndIncrement(); i < attachments.size(); i = next.getAndIncrement()) {
                        Extraction e = extractor.extract("att-" + i, new AttachmentContent(attachments.get(i)));
                        if (e.failed()) {
                            failures.incrementAndGet();
                        }
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            threads.shutdownNow();
        }
        return failures.get();
    }
}
