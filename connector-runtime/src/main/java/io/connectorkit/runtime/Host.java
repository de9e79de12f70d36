package io.connectorkit.runtime;

import static java.util.Objects.requireNonNull;

import io.connectorkit.api.Checkpoint;
import io.connectorkit.api.ConnectorException;
import io.connectorkit.api.ConnectorSession;
import io.connectorkit.api.CrawlMode;
import io.connectorkit.api.ErrorKind;
import io.connectorkit.api.SourceConnector;
import io.connectorkit.api.check.CheckReport;
import io.connectorkit.api.check.CheckResult;
import io.connectorkit.api.check.ScopeDecision;
import io.connectorkit.api.config.SourceConfig;
import io.connectorkit.runtime.config.RuntimeConfig;
import io.connectorkit.runtime.config.SinkConfig;
import io.connectorkit.runtime.config.SinkUrlCheck;
import io.connectorkit.runtime.embedded.EmbeddedIndexHandle;
import io.connectorkit.runtime.embedded.EmbeddedIndexProvider;
import io.connectorkit.runtime.extract.ContentExtractor;
import io.connectorkit.runtime.extract.ContentExtractors;
import io.connectorkit.runtime.extract.ExtractionConfig;
import io.connectorkit.runtime.index.DocumentReader;
import io.connectorkit.runtime.index.IndexCertificateException;
import io.connectorkit.runtime.index.IndexClient;
import io.connectorkit.runtime.index.IndexProbe;
import io.connectorkit.runtime.index.RetryPolicy;
import io.connectorkit.runtime.index.SinkException;
import io.connectorkit.runtime.index.documents.ContentIndex;
import io.connectorkit.runtime.index.documents.IndexDisk;
import io.connectorkit.runtime.pipeline.CrawlPipeline.SessionNotOpenedException;
import io.connectorkit.runtime.pipeline.CrawlPipeline;
import io.connectorkit.runtime.pipeline.PipelineOptions;
import io.connectorkit.runtime.state.CrawlLease;
import io.connectorkit.runtime.state.ElasticsearchStateStore;
import io.connectorkit.runtime.state.FailureRecord;
import io.connectorkit.runtime.state.LastCrawl;
import io.connectorkit.runtime.state.LastCrawlStore;
import io.connectorkit.runtime.state.PartitionState;
import io.connectorkit.runtime.state.StateStoreException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Runs one configured source: the connector, the index (a cluster, or an embedded index when
 * {@code sink.elasticsearch.url} is blank, from the {@link EmbeddedIndexProvider} on the class
 * path) and the crawl state. What the {@code connector} command's subcommands call. Not
 * thread-safe: one operation at a time.
 */
public final class Host implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(Host.class);
    private final SourceConfig config;
    private final RuntimeConfig runtime;
    private final SourceConnector connector;
    private final EmbeddedIndexHandle node;
    private final IndexClient client;
    private final DocumentReader documents;
    private final ElasticsearchStateStore store;
    private final CrawlPipeline pipeline;
    private final Clock clock;
    private final String url;
    /** The extractor this host built from the configuration, closed with it; {@code null} when borrowed. */
    private final ContentExtractor ownExtractor;

    private Host(SourceConfig config, RuntimeConfig runtime, SourceConnector connector, EmbeddedIndexHandle node,
            IndexClient client, DocumentReader documents, ElasticsearchStateStore store, CrawlPipeline pipeline,
            Clock clock, String url, ContentExtractor ownExtractor) {
        this.config = config;
        this.runtime = runtime;
        this.connector = connector;
        this.node = node;
        this.client = client;
        this.documents = documents;
        this.store = store;
        this.pipeline = pipeline;
        this.clock = clock;
        this.url = url;
        this.ownExtractor = ownExtractor;
    }

    /**
     * Opens a host: when no cluster is configured, uses the embedded node another process runs on the
     * data directory or starts one; creates the content and state indices if needed. The host builds
     * its text extractor from the {@code extract.*} keys ({@link ContentExtractors}) and closes it.
     *
     * @param config a configuration validated by {@link ConnectorRegistry#validate}
     * @param registry where the connector is found
     * @return the host; close it
     * @throws ConnectorException if the index cannot be reached or prepared; CONFIGURATION when
     *     {@code sink.elasticsearch.url} is blank and no {@link EmbeddedIndexProvider} is on the class path
     */
    public static Host open(SourceConfig config, ConnectorRegistry registry) throws ConnectorException {
        return open(config, registry, Clock.systemUTC(), RetryPolicy.standard(), null);
    }

    /**
     * Opens a host with a chosen clock and retry behaviour (for tests and embedding hosts); the host
     * builds its text extractor from the configuration and closes it.
     *
     * @param config a validated configuration
     * @param registry where the connector is found
     * @param clock the clock for connectors and timestamps
     * @param retry how requests to the index are retried; how long they wait for an unavailable index
     *     comes from {@code sink.retry.max-wait-seconds}
     * @param options pipeline tuning, or {@code null} for the defaults
     * @return the host; close it
     * @throws ConnectorException if the index cannot be reached or prepared
     */
    public static Host open(SourceConfig config, ConnectorRegistry registry, Clock clock, RetryPolicy retry,
            PipelineOptions options) throws ConnectorException {
        requireNonNull(config, "config");
        ContentExtractor extractor = ContentExtractors.create(ExtractionConfig.from(config));
        try {
            return open(config, registry, extractor, extractor, clock, retry, options);
        } catch (ConnectorException | RuntimeException e) {
            extractor.close();
            throw e;
        }
    }

    /**
     * Opens a host that uses an extractor of the caller's instead of building one from the
     * {@code extract.*} keys: for tests and embedding hosts that share one extractor (Tika's parsers
     * take seconds to load) between hosts.
     *
     * @param config a validated configuration
     * @param registry where the connector is found
     * @param extractor extracts text from binary content; owned by the caller, who closes it
     * @param clock the clock for connectors and timestamps
     * @param retry how requests to the index are retried; how long they wait for an unavailable index
     *     comes from {@code sink.retry.max-wait-seconds}
     * @param options pipeline tuning, or {@code null} for the defaults
     * @return the host; close it
     * @throws ConnectorException if the index cannot be reached or prepared; CONFIGURATION when
     *     {@code sink.elasticsearch.url} is blank and no {@link EmbeddedIndexProvider} is on the class path
     */
    public static Host open(SourceConfig config, ConnectorRegistry registry, ContentExtractor extractor, Clock clock,
            RetryPolicy retry, PipelineOptions options) throws ConnectorException {
        return open(config, registry, extractor, null, clock, retry, options);
    }

    private static Host open(SourceConfig config, ConnectorRegistry registry, ContentExtractor extractor,
            ContentExtractor ownExtractor, Clock clock, RetryPolicy retry, PipelineOptions options)
            throws ConnectorException {
        requireNonNull(config, "config");
        requireNonNull(registry, "registry");
        requireNonNull(extractor, "extractor");
        RuntimeConfig runtime = RuntimeConfig.from(config);
        SourceConnector connector = registry.connector(runtime.connectorType());
        EmbeddedIndexHandle node = null;
        IndexClient client = null;
        try {
            List<String> urls = runtime.sink().urls();
            Optional<String> authorization = Optional.empty();
            if (runtime.sink().embedded()) {
                // The node another command runs on this data directory, if one does: only one can hold it.
                node = embeddedIndex(runtime.sink()).open(runtime.sink().embeddedDataDir());
                urls = List.of(node.url());
                authorization = node.authorization();
            }
            IndexProbe probe = node == null ? IndexProbe.cluster() : IndexProbe.embedded(node.dataDir(),
                    node.credentialFile(), node.authorization().isPresent(), node.pid());
            // Opening fails fast on a wrong URL; only the crawl that follows waits out an outage.
            try (IndexClient quick = new IndexClient(urls, runtime.sink(), retry.withMaxWait(Duration.ZERO),
                    authorization)) {
                probe.check(quick);
            }
            client = new IndexClient(urls, runtime.sink(), retry.withMaxWait(runtime.sink().retryMaxWait()),
                    authorization);
            int shards = runtime.sink().indexShards();
            int replicas = runtime.sink().replicasPerShard();
            // The embedded index's disk is watched here: the node would fill it and fail its shards.
            IndexDisk disk = node != null ? IndexDisk.embedded(node.dataDir(), runtime.sink().bulkMaxBytes())
                    : IndexDisk.cluster();
            ContentIndex content = new ContentIndex(client, runtime.sink().index(), runtime.connectorId(), disk);
            content.start(shards, replicas);
            ElasticsearchStateStore store = new ElasticsearchStateStore(client, runtime.sink().stateIndex(),
                    runtime.connectorId());
            store.start(shards, replicas);
            CrawlPipeline pipeline = new CrawlPipeline(runtime, extractor, content.sink(), content.reader(), store,
                    clock, options != null ? options : PipelineOptions.defaults(runtime.sink().bulkMaxBytes()));
            // The connector and callers see the URLs without credentials: a configuration shown or
            // logged anywhere cannot reveal them (the index client holds them apart).
            return new Host(SinkUrlCheck.withoutCredentials(config), runtime, connector, node, client,
                    content.reader(), store, pipeline, clock, urls.get(0), ownExtractor);
        } catch (IOException | SinkException | StateStoreException | ConnectorException | RuntimeException e) {
            if (client != null) {
                client.close();
            }
            if (node != null) {
                node.close();
            }
            if (e instanceof ConnectorException c) {
                throw c;
            }
            // A refused certificate means the index could not be authenticated: fatal, not worth a retry.
            throw new ConnectorException(e instanceof IndexCertificateException ? ErrorKind.AUTHENTICATION
                    : ErrorKind.TRANSIENT, e.getMessage(), e);
        }
    }

    /**
     * The embedded index on the class path. The runtime does not carry one itself (an OpenSearch
     * server is heavy), so a host that embeds the runtime with a cluster does not pay for it.
     */
    private static EmbeddedIndexProvider embeddedIndex(SinkConfig sink) throws ConnectorException {
        return ServiceLoader.load(EmbeddedIndexProvider.class, EmbeddedIndexProvider.class.getClassLoader())
                .findFirst().orElseThrow(() -> new ConnectorException(ErrorKind.CONFIGURATION,
                        "sink.elasticsearch.url is blank, which asks for an embedded index in this process, but no"
                        + " embedded index is on the class path: set sink.elasticsearch.url to the URL of an"
                        + " Elasticsearch or OpenSearch cluster, or add the module io.connectorkit:connector-embedded"
                        + " to the class path to run one (with its data in sink.embedded.data-dir "
                        + sink.embeddedDataDir() + ")"));
    }

    /**
     * @return the {@code Authorization} header value that the embedded index requires, empty with a
     *     cluster (whose credentials stay with the index client)
     */
    public Optional<String> embeddedAuthorization() {
        return node == null ? Optional.empty() : node.authorization();
    }

    /** @return the file with the embedded index's password, empty with a cluster */
    public Optional<Path> embeddedCredentialFile() {
        return node == null ? Optional.empty() : Optional.of(node.credentialFile());
    }

    /** @return the URL of the index (the embedded node's when one runs) */
    public String indexUrl() {
        return url;
    }

    /**
     * Since when the index has been waited for, for progress displays.
     *
     * @return the instant requests began waiting for an unavailable index, or empty while it answers
     */
    public Optional<Instant> indexUnavailableSince() {
        return client.unavailableSince();
    }

    /** @return the content index name */
    public String indexName() {
        return documents.indexName();
    }

    /**
     * @return the validated configuration, with {@code sink.elasticsearch.url} stripped of any
     *     credentials written in it (show it with {@link SourceConfig#masked()})
     */
    public SourceConfig config() {
        return config;
    }

    /** @return the connector this host runs */
    public SourceConnector connector() {
        return connector;
    }

    /**
     * Checks the index and the source.
     *
     * @return the index probe followed by the connector's probes
     * @throws ConnectorException if the connector's check could not run
     */
    public CheckReport check() throws ConnectorException {
        List<CheckResult> results = new ArrayList<>();
        results.add(CheckResult.ok("index", "Index '" + indexName() + "' is ready at " + url));
        results.addAll(pipeline.inContext(context -> connector.check(config, context)).results());
        return new CheckReport(results);
    }

    /**
     * Lists what a crawl would cover, writing nothing.
     *
     * @return one decision per candidate
     * @throws ConnectorException if the source cannot be listed
     */
    public List<ScopeDecision> preview() throws ConnectorException {
        return pipeline.inContext(context -> {
            try (ConnectorSession session = connector.open(config, context)) {
                return session.preview();
            }
        });
    }

    /**
     * Runs a crawl, and records it in the state index as the source's last crawl (whatever its
     * outcome; {@link #lastCrawl()}) before giving the crawl lease up. A record that cannot be
     * written is logged once and changes nothing else: the report is returned, the error thrown.
     *
     * @param full {@code true} for a FULL crawl (ignore checkpoints, sweep what was not seen again)
     * @param listener receives progress
     * @param cancel stops the run when cancelled
     * @return the report; errors of partitions and items are in it
     * @throws ConnectorException if the session cannot be opened, or another run of this source
     *     holds its crawl lease (TRANSIENT, naming its pid and since when; no crawl is recorded then)
     */
    @SuppressWarnings("try") // the lease is held for the block's extent, not used in it
    public CrawlReport crawl(boolean full, ProgressListener listener, CancellationSignal cancel) throws ConnectorException {
        requireNonNull(listener, "listener");
        requireNonNull(cancel, "cancel");
        CrawlMode mode = full ? CrawlMode.FULL : CrawlMode.INCREMENTAL;
        // One run of a source at a time, whichever process and index: the second is told who runs.
        try (CrawlLease lease = CrawlLease.acquire(client, runtime.sink().stateIndex(), runtime.connectorId())) {
            Instant started = clock.instant();
            CrawlReport report;
            try {
                report = pipeline.crawl(context -> connector.open(config, context), mode, listener, cancel);
            } catch (SessionNotOpenedException e) {
                record(LastCrawl.failed(mode, started, clock.instant(), e.error().kind(), e.error().getMessage(),
                        e.metrics()));
                throw e.error();
            }
            record(LastCrawl.of(report, mode, started, clock.instant()));
            return report;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException(ErrorKind.TRANSIENT, "The crawl was interrupted", e);
        }
    }

    /** Writes the record of the last crawl with the state store's client; a failure is logged once. */
    private void record(LastCrawl crawl) {
        Optional<Instant> down = client.unavailableSince();
        if (down.isPresent()) {
            // Waiting out the outage once more would only delay the crawl's exit.
            LOG.warn("The last crawl of '{}' ({}) is not recorded for status: the index has not answered since {}",
                    runtime.connectorId(), crawl.outcome(), down.get());
            return;
        }
        try {
            lastCrawls().save(crawl);
        } catch (StateStoreException | RuntimeException e) {
            LOG.warn("The last crawl of '{}' ({}) is not recorded for status: {}", runtime.connectorId(),
                    crawl.outcome(), e.getMessage());
        }
    }

    private LastCrawlStore lastCrawls() {
        return new LastCrawlStore(client, runtime.sink().stateIndex(), runtime.connectorId());
    }

    /**
     * The source's last crawl, as the host recorded it when the crawl ended.
     *
     * @return the record, or empty when no crawl is recorded (none ran since crawls were recorded)
     * @throws ConnectorException if the state index cannot be read
     */
    public Optional<LastCrawl> lastCrawl() throws ConnectorException {
        try {
            return lastCrawls().read();
        } catch (StateStoreException e) {
            throw new ConnectorException(ErrorKind.TRANSIENT, e.getMessage(), e);
        }
    }

    /**
     * What is stored per partition.
     *
     * @return one status per partition with state, sorted by partition
     * @throws ConnectorException if the index cannot be read
     */
    public List<PartitionStatus> status() throws ConnectorException {
        try {
            documents.refresh();
            Map<String, Long> counts = documents.countByPartition();
            List<PartitionStatus> out = new ArrayList<>();
            for (PartitionState s : store.list()) {
                List<String> recent = s.failures().stream().skip(Math.max(0, s.failures().size() - 5))
                        .map(f -> f.itemId() + ": " + f.reason() + (f.permanent()
                                ? " (permanent after " + f.tries() + " tries; a FULL crawl tries it again)" : ""))
                        .toList();
                out.add(new PartitionStatus(s.partition(),
                        s.checkpoint() == null ? "" : connector.describe(s.checkpoint()),
                        s.lastSuccess(), counts.getOrDefault(s.partition(), 0L), s.failureCount(), recent,
                        s.sweepNote(), s.failures().stream().filter(FailureRecord::retriedByNextCrawl).count(),
                        s.failures().stream().filter(FailureRecord::permanent).count()));
            }
            out.sort(Comparator.comparing(PartitionStatus::partition));
            return out;
        } catch (SinkException | StateStoreException e) {
            throw new ConnectorException(ErrorKind.TRANSIENT, e.getMessage(), e);
        }
    }

    /**
     * Rewinds checkpoints so that the next incremental crawl reads again.
     *
     * @param partition one partition, or empty for all
     * @param to rewind to this instant (through {@link SourceConnector#rewind}), or empty to start over
     * @return how many partitions were reset
     * @throws ConnectorException if the state cannot be written
     */
    public int reset(Optional<String> partition, Optional<Instant> to) throws ConnectorException {
        return rewind(partition, to).matched();
    }

    /**
     * Rewinds checkpoints so that the next incremental crawl reads again, and says which moved.
     *
     * @param partition one partition, or empty for all
     * @param to rewind to this instant (through {@link SourceConnector#rewind}), or empty to start over
     * @return the partitions rewound and those left as they were (already at or before {@code to})
     * @throws ConnectorException if the state cannot be written
     */
    public ResetOutcome rewind(Optional<String> partition, Optional<Instant> to) throws ConnectorException {
        try {
            List<String> rewoundPartitions = new ArrayList<>();
            List<String> unchanged = new ArrayList<>();
            for (PartitionState s : store.list()) {
                if (partition.isPresent() && !partition.get().equals(s.partition())) {
                    continue;
                }
                Checkpoint rewound = null;
                if (to.isPresent() && s.checkpoint() != null) {
                    rewound = connector.rewind(s.checkpoint(), to.get()).orElse(null);
                }
                if (Objects.equals(rewound, s.checkpoint())) {
                    unchanged.add(s.partition());
                } else {
                    store.save(s.withCheckpoint(rewound));
                    rewoundPartitions.add(s.partition());
                }
            }
            return new ResetOutcome(rewoundPartitions, unchanged);
        } catch (StateStoreException e) {
            throw new ConnectorException(ErrorKind.TRANSIENT, e.getMessage(), e);
        }
    }

    /**
     * Searches the source's documents.
     *
     * @param query the query (simple query string syntax over title, content and fields)
     * @param asPrincipal only documents this principal may see, or empty for all
     * @param size how many hits at most
     * @return the results
     * @throws ConnectorException if the index cannot be queried
     */
    public SearchResults search(String query, Optional<String> asPrincipal, int size) throws ConnectorException {
        try {
            documents.refresh();
            return documents.search(requireNonNull(query, "query"), asPrincipal, size);
        } catch (SinkException e) {
            throw new ConnectorException(ErrorKind.TRANSIENT, e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            client.close();
            if (node != null) {
                node.close();
            }
        } finally {
            if (ownExtractor != null) {
                ownExtractor.close();
            }
        }
    }
}
