package io.connectorkit.runtime;

import static java.util.Objects.requireNonNull;

import io.connectorkit.api.CheckReport;
import io.connectorkit.api.CheckResult;
import io.connectorkit.api.Checkpoint;
import io.connectorkit.api.ConnectorException;
import io.connectorkit.api.ConnectorSession;
import io.connectorkit.api.CrawlMode;
import io.connectorkit.api.ErrorKind;
import io.connectorkit.api.ScopeDecision;
import io.connectorkit.api.SourceConfig;
import io.connectorkit.api.SourceConnector;
import io.connectorkit.runtime.config.RuntimeConfig;
import io.connectorkit.runtime.config.SinkConfig;
import io.connectorkit.runtime.config.SinkUrlCheck;
import io.connectorkit.runtime.embedded.EmbeddedIndexHandle;
import io.connectorkit.runtime.embedded.EmbeddedIndexProvider;
import io.connectorkit.runtime.extract.ContentExtractor;
import io.connectorkit.runtime.pipeline.CrawlPipeline;
import io.connectorkit.runtime.pipeline.PipelineOptions;
import io.connectorkit.runtime.sink.ElasticsearchSink;
import io.connectorkit.runtime.sink.IndexCertificateException;
import io.connectorkit.runtime.sink.IndexClient;
import io.connectorkit.runtime.sink.IndexDisk;
import io.connectorkit.runtime.sink.RetryPolicy;
import io.connectorkit.runtime.sink.SinkException;
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
    private final ElasticsearchSink sink;
    private final ElasticsearchStateStore store;
    private final CrawlPipeline pipeline;
    private final Clock clock;
    private final String url;

    private Host(SourceConfig config, RuntimeConfig runtime, SourceConnector connector, EmbeddedIndexHandle node,
            IndexClient client, ElasticsearchSink sink, ElasticsearchStateStore store, CrawlPipeline pipeline,
            Clock clock, String url) {
        this.config = config;
        this.runtime = runtime;
        this.connector = connector;
        this.node = node;
        this.client = client;
        this.sink = sink;
        this.store = store;
        this.pipeline = pipeline;
        this.clock = clock;
        this.url = url;
    }

    /**
     * Opens a host: when no cluster is configured, uses the embedded node another process runs on the
     * data directory or starts one; creates the content and state indices if needed.
     *
     * @param config a configuration validated by {@link ConnectorRegistry#validate}
     * @param registry where the connector is found
     * @param extractor extracts text from binary content (owned by the caller)
     * @return the host; close it
     * @throws ConnectorException if the index cannot be reached or prepared; CONFIGURATION when
     *     {@code sink.elasticsearch.url} is blank and no {@link EmbeddedIndexProvider} is on the class path
     */
    public static Host open(SourceConfig config, ConnectorRegistry registry, ContentExtractor extractor)
            throws ConnectorException {
        return open(config, registry, extractor, Clock.systemUTC(), RetryPolicy.standard(), null);
    }

    /**
     * Opens a host with a chosen clock and retry behaviour (for tests and embedding hosts).
     *
     * @param config a validated configuration
     * @param registry where the connector is found
     * @param extractor extracts text from binary content (owned by the caller)
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
            // Opening fails fast on a wrong URL; only the crawl that follows waits out an outage.
            try (IndexClient quick = new IndexClient(urls, runtime.sink(), retry.withMaxWait(Duration.ZERO),
                    authorization)) {
                probe(quick, node);
            }
            client = new IndexClient(urls, runtime.sink(), retry.withMaxWait(runtime.sink().retryMaxWait()),
                    authorization);
            int replicas = runtime.sink().embedded() ? 0 : 1;
            // The embedded index's disk is watched here: the node would fill it and fail its shards.
            IndexDisk disk = node != null ? IndexDisk.embedded(node.dataDir(), runtime.sink().bulkMaxBytes())
                    : IndexDisk.cluster();
            ElasticsearchSink sink = new ElasticsearchSink(client, runtime.sink().index(), runtime.connectorId(), disk);
            sink.start(replicas);
            ElasticsearchStateStore store = new ElasticsearchStateStore(client, runtime.sink().stateIndex(),
                    runtime.connectorId());
            store.start(replicas);
            boolean extract = config.getBoolean("extract.text");
            CrawlPipeline pipeline = new CrawlPipeline(runtime, extract ? extractor : null, sink, store, clock,
                    options != null ? options : PipelineOptions.defaults(runtime.sink().bulkMaxBytes()));
            // The connector and callers see the URLs without credentials: a configuration shown or
            // logged anywhere cannot reveal them (the sink holds them apart).
            return new Host(SinkUrlCheck.withoutCredentials(config), runtime, connector, node, client, sink, store,
                    pipeline, clock, urls.get(0));
        } catch (IOException | SinkException | StateStoreException | RuntimeException e) {
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

    private static void probe(IndexClient client, EmbeddedIndexHandle node) throws IOException, ConnectorException {
        IndexClient.Reply r = client.json("GET", "/", Map.of(), null);
        if (r.status() == 401 && node != null) {
            throw new ConnectorException(ErrorKind.AUTHENTICATION, "The embedded index at " + client.description()
                    + " rejected the credential in " + node.credentialFile() + (node.authorization()
                            .isPresent() ? "" : " (which this user cannot read)") + "; run this command as the user"
                    + " that owns sink.embedded.data-dir " + node.dataDir() + ", or stop the process that runs the index"
                    + " (pid " + node.pid() + ") so that this command starts its own");
        }
        if (r.status() == 401) {
            throw new ConnectorException(ErrorKind.AUTHENTICATION, "The index at " + client.description()
                    + " rejected the credentials; check sink.elasticsearch.username/password, api-key"
                    + " or the user:password written in sink.elasticsearch.url");
        }
        if (r.status() == 403) {
            throw new ConnectorException(ErrorKind.PERMISSION, "The index at " + client.description()
                    + " denied access; grant the user the monitor, create_index and write privileges");
        }
    }

    /**
     * @return the {@code Authorization} header value that the embedded index requires, empty with a
     *     cluster (whose credentials stay with the sink)
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
        return sink.indexName();
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
        try (RunScope scope = newScope(new CancellationSignal())) {
            List<CheckResult> results = new ArrayList<>();
            results.add(CheckResult.ok("index", "Index '" + indexName() + "' is ready at " + url));
            results.addAll(connector.check(config, scope.context()).results());
            return new CheckReport(results);
        }
    }

    /**
     * Lists what a crawl would cover, writing nothing.
     *
     * @return one decision per candidate
     * @throws ConnectorException if the source cannot be listed
     */
    public List<ScopeDecision> preview() throws ConnectorException {
        try (RunScope scope = newScope(new CancellationSignal());
                ConnectorSession session = connector.open(config, scope.context())) {
            return session.preview();
        }
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
        CrawlMode mode = full ? CrawlMode.FULL : CrawlMode.INCREMENTAL;
        // One run of a source at a time, whichever process and index: the second is told who runs.
        try (CrawlLease lease = CrawlLease.acquire(client, runtime.sink().stateIndex(), runtime.connectorId());
                RunScope scope = newScope(requireNonNull(cancel, "cancel"))) {
            Instant started = clock.instant();
            CrawlReport report;
            try (ConnectorSession session = connector.open(config, scope.context())) {
                report = pipeline.run(session, mode, listener, scope.control(), scope.metrics());
            } catch (ConnectorException e) {
                record(LastCrawl.failed(mode, started, clock.instant(), e.kind(), e.getMessage(),
                        scope.metrics().snapshot()));
                throw e;
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
            sink.refresh();
            Map<String, Long> counts = sink.countByPartition();
            List<PartitionStatus> out = new ArrayList<>();
            for (PartitionState s : store.list()) {
                List<String> recent = s.failures().stream().skip(Math.max(0, s.failures().size() - 5))
                        .map(f -> f.itemId() + ": " + f.reason() + (f.permanent()
                                ? " (permanent after " + f.tries() + " tries; a FULL crawl tries it again)" : ""))
                        .toList();
                out.add(new PartitionStatus(s.partition(),
                        s.checkpoint() == null ? "" : connector.describe(new Checkpoint(s.checkpoint())),
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
                String rewound = null;
                if (to.isPresent() && s.checkpoint() != null) {
                    rewound = connector.rewind(new Checkpoint(s.checkpoint()), to.get()).map(Checkpoint::value).orElse(null);
                }
                if (java.util.Objects.equals(rewound, s.checkpoint())) {
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
            sink.refresh();
            return sink.search(requireNonNull(query, "query"), asPrincipal, size);
        } catch (SinkException e) {
            throw new ConnectorException(ErrorKind.TRANSIENT, e.getMessage(), e);
        }
    }

    private RunScope newScope(CancellationSignal cancel) throws ConnectorException {
        return new RunScope(runtime.connectorId(), pipeline.knownDocuments(), clock, cancel);
    }

    @Override
    public void close() {
        client.close();
        if (node != null) {
            node.close();
        }
    }
}
