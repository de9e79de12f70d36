package io.connectorkit.cli.bench;

import static java.util.Objects.requireNonNull;

import io.connectorkit.api.SourceConnector;
import io.connectorkit.api.config.SourceConfig;
import io.connectorkit.cli.bench.archive.ArchiveConnector;
import io.connectorkit.cli.bench.archive.SimulatedArchive;
import io.connectorkit.cli.bench.measure.BenchTable;
import io.connectorkit.cli.bench.measure.CallCounts;
import io.connectorkit.cli.bench.measure.CpuUse;
import io.connectorkit.cli.bench.measure.CrawlOutcome;
import io.connectorkit.cli.bench.measure.IndexTally;
import io.connectorkit.cli.bench.measure.ScenarioResult;
import io.connectorkit.embedded.EmbeddedCredential;
import io.connectorkit.runtime.CancellationSignal;
import io.connectorkit.runtime.ConnectorRegistry;
import io.connectorkit.runtime.CrawlReport;
import io.connectorkit.runtime.Host;
import io.connectorkit.simulator.archive.Archive;
import io.connectorkit.simulator.mimecast.FakeMimecastServer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What every scenario shares: the run's scale, a scratch directory, the one index node of the run,
 * the Mimecast connector, and the way a crawl is configured, timed and counted.
 */
final class BenchEnvironment {
    private static final long PROGRESS_EVERY_NANOS = 15_000_000_000L;

    private final double scale;
    private final int repeat;
    private final Optional<Path> profile;
    private final Path workDir;
    private final String indexUrl;
    private final Optional<EmbeddedCredential> credential;
    private final SourceConnector mimecast;
    private final PrintWriter progress;

    BenchEnvironment(double scale, int repeat, Optional<Path> profile, Path workDir, String indexUrl,
            Optional<EmbeddedCredential> credential, SourceConnector mimecast, PrintWriter progress) {
        if (repeat < 1) {
            throw new IllegalArgumentException("repeat " + repeat + " is below 1");
        }
        this.scale = scale;
        this.repeat = repeat;
        this.profile = requireNonNull(profile, "profile");
        this.workDir = requireNonNull(workDir, "workDir");
        this.indexUrl = requireNonNull(indexUrl, "indexUrl");
        this.credential = requireNonNull(credential, "credential");
        this.mimecast = requireNonNull(mimecast, "mimecast");
        this.progress = requireNonNull(progress, "progress");
    }

    double scale() {
        return scale;
    }

    /** @return how many timed runs each repeated figure is the median of */
    int repeat() {
        return repeat;
    }

    /** @return where to write the JFR recording of full's first timed run, if asked */
    Optional<Path> profile() {
        return profile;
    }

    /**
     * Runs a crawl whose figures are thrown away, so that the timed crawl after it finds the JVM's
     * code compiled and the index's caches warm.
     */
    void warmUp(Map<String, String> config, Archive archive, FakeMimecastServer server) throws Exception {
        say("  warm-up (not timed): " + config.get("connector.id"));
        crawl(config, archive, server);
    }

    Path workDir() {
        return workDir;
    }

    String indexUrl() {
        return indexUrl;
    }

    /** @return the Authorization header the benchmark's node wants, if any */
    Optional<String> authorization() {
        return credential.map(EmbeddedCredential::authorization);
    }

    /** @return counts of the benchmark's node, sending its credential */
    IndexTally tally() {
        return new IndexTally(indexUrl, credential.map(EmbeddedCredential::authorization));
    }

    /** Prints one progress line to standard error. */
    void say(String line) {
        progress.println(line);
        progress.flush();
    }

    /** Prints a scenario's figures as soon as it ends, so that a long run shows them on the way. */
    void printSoFar(ScenarioResult result) {
        BenchTable.print(progress, List.of(result));
    }

    /** A Mimecast source reading the simulator, writing to index {@code connector-<id>}. */
    Map<String, String> mimecastConfig(String id, FakeMimecastServer server) {
        Map<String, String> c = hostConfig(id, "mimecast");
        c.put("mimecast.api-endpoint", server.baseUrl());
        c.put("mimecast.auth-endpoint", server.baseUrl());
        c.put("mimecast.client-id", SimulatedArchive.CLIENT_ID);
        c.put("mimecast.client-secret", SimulatedArchive.CLIENT_SECRET);
        c.put("mimecast.messages.start-date", "2019-01-01");
        c.put("mimecast.attachments.extract", "true");
        c.put("mimecast.stats-interval-seconds", "0");
        return c;
    }

    /** The raw source: the archive's documents without Mimecast. */
    Map<String, String> rawConfig(String id) {
        return hostConfig(id, ArchiveConnector.TYPE);
    }

    private Map<String, String> hostConfig(String id, String type) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("connector.type", type);
        c.put("connector.id", id);
        c.put("sink.elasticsearch.url", indexUrl);
        credential.ifPresent(k -> {
            c.put("sink.elasticsearch.username", EmbeddedCredential.USERNAME);
            c.put("sink.elasticsearch.password", k.password());
        });
        return c;
    }

    /**
     * Runs one incremental crawl (the configuration decides whether delta tokens are ignored)
     * and counts what it did.
     *
     * @param config the source configuration
     * @param archive the archive behind the source
     * @param server the simulator, or {@code null} for the raw source
     * @return the outcome
     * @throws Exception if the host cannot be opened or the index cannot be counted
     */
    CrawlOutcome crawl(Map<String, String> config, Archive archive, FakeMimecastServer server) throws Exception {
        ConnectorRegistry registry = new ConnectorRegistry(List.of(mimecast, new ArchiveConnector(archive)));
        SourceConfig source = registry.validate(config);
        String id = config.get("connector.id");
        try (Host host = Host.open(source, registry)) {
            CallCounts before = server == null ? CallCounts.none() : CallCounts.of(server);
            long[] lastLine = {System.nanoTime()};
            long started = System.nanoTime();
            CpuUse.Snapshot cpu = CpuUse.start();
            CrawlReport report = host.crawl(false, p -> {
                long now = System.nanoTime();
                if (now - lastLine[0] > PROGRESS_EVERY_NANOS) {
                    lastLine[0] = now;
                    say(String.format("  %s: %,d documents, %d/%d mailboxes, %d s", id, p.documents(),
                            p.partitionsDone(), p.partitionsTotal(), p.elapsed().toSeconds()));
                }
            }, new CancellationSignal());
            Duration wall = Duration.ofNanos(System.nanoTime() - started);
            CpuUse used = cpu.end();
            CallCounts calls = server == null ? CallCounts.none() : CallCounts.of(server).minus(before);
            if (report.fatal().isPresent()) {
                say("  " + id + ": the crawl stopped: " + report.fatalMessage());
            }
            IndexTally tally = tally();
            String index = host.indexName();
            CrawlOutcome outcome = new CrawlOutcome(wall, report, calls, tally.count(index, "email"),
                    tally.count(index, "attachment"), index, used);
            say(String.format("  %s: %,d documents in %.1f s (%,.0f docs/s), %d item failures", id,
                    report.documentsUpserted(), outcome.seconds(), outcome.documentsPerSecond(), report.itemFailures()));
            return outcome;
        }
    }
}
