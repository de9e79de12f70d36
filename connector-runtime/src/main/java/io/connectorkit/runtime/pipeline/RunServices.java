package io.connectorkit.runtime.pipeline;

import io.connectorkit.api.ErrorKind;
import io.connectorkit.runtime.HeldSweep;
import io.connectorkit.runtime.config.CrawlConfig;
import io.connectorkit.runtime.index.DocumentSink;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/** What the partition crawlers of one run share. */
final class RunServices {
    private final DocumentSink sink;
    private final Semaphore indexQueries;
    private final PipelineOptions options;
    private final CrawlConfig crawl;
    // By partition: a partition retried after its sweep was held is reported once.
    private final Map<String, HeldSweep> sweepRefusals = new ConcurrentSkipListMap<>();
    private final Map<String, HeldSweep> dryRunSweeps = new ConcurrentSkipListMap<>();
    private final AtomicReference<ErrorKind> fatalKind = new AtomicReference<>();
    private final AtomicReference<String> fatalMessage = new AtomicReference<>();

    RunServices(DocumentSink sink, Semaphore indexQueries, PipelineOptions options, CrawlConfig crawl) {
        this.sink = sink;
        this.indexQueries = indexQueries;
        this.options = options;
        this.crawl = crawl;
    }

    CrawlConfig crawl() {
        return crawl;
    }

    void sweepRefused(HeldSweep held) {
        sweepRefusals.put(held.partition(), held);
    }

    void sweepDryRun(HeldSweep held) {
        dryRunSweeps.put(held.partition(), held);
    }

    /** @return the refused sweeps, by partition */
    List<HeldSweep> sweepRefusals() {
        return List.copyOf(sweepRefusals.values());
    }

    /** @return the dry-run sweeps, by partition */
    List<HeldSweep> dryRunSweeps() {
        return List.copyOf(dryRunSweeps.values());
    }

    DocumentSink sink() {
        return sink;
    }

    Semaphore indexQueries() {
        return indexQueries;
    }

    PipelineOptions options() {
        return options;
    }

    void fatal(ErrorKind kind, String message) {
        if (fatalKind.compareAndSet(null, kind)) {
            fatalMessage.set(message);
        }
    }

    ErrorKind fatalKind() {
        return fatalKind.get();
    }

    String fatalMessage() {
        return fatalMessage.get();
    }
}
