package io.connectorkit.runtime.config;

import static java.util.Objects.requireNonNull;

import io.connectorkit.api.config.ConfigKey;
import io.connectorkit.api.config.ConfigProblem;
import io.connectorkit.api.config.ConfigSpec;
import io.connectorkit.api.config.ConfigType;
import io.connectorkit.api.config.SourceConfig;
import io.connectorkit.api.support.PemTrust;
import io.connectorkit.runtime.extract.ExtractionConfig;
import io.connectorkit.runtime.plugin.PluginPath;
import java.util.regex.Pattern;

/**
 * The host's own configuration: which connector runs under which id, how it is crawled and where
 * documents go. {@link #SPEC} declares the {@code connector.*}, {@code crawl.*} and {@code sink.*}
 * keys; {@link #hostSpec()} adds the extraction keys, and the registry adds the connector's.
 *
 * @param connectorType the value of {@code connector.type}
 * @param connectorId the value of {@code connector.id}
 * @param crawl parallelism and deletion safety
 * @param sink where documents and state are stored
 */
public record RuntimeConfig(String connectorType, String connectorId, CrawlConfig crawl, SinkConfig sink) {
    /** The key that selects the connector. */
    public static final String CONNECTOR_TYPE = "connector.type";
    /** The key of the cluster URLs, which may carry a user name and password. */
    public static final String SINK_URL = SinkConfig.URL;
    /** The key that names the source. */
    public static final String CONNECTOR_ID = "connector.id";
    /** The key of the content index, {@code connector-<connector.id>} when blank. */
    public static final String CONTENT_INDEX = SinkConfig.INDEX;
    /** How the name of every state index ends: {@code <content index>-state}. */
    public static final String STATE_SUFFIX = "-state";

    private static final Pattern INDEX_SAFE = Pattern.compile("[a-z0-9][a-z0-9._-]*");

    /** The runtime keys of the Source, Parallelism and Sink sections of the configuration reference. */
    public static final ConfigSpec SPEC = ConfigSpec.of(
            ConfigKey.of(CONNECTOR_TYPE, ConfigType.STRING).required()
                    .description("The connector that reads the source, such as mimecast."),
            ConfigKey.of(CONNECTOR_ID, ConfigType.STRING).required().validator(RuntimeConfig::indexSafe)
                    .description("Names this source; documents and state are stored under it."),
            ConfigKey.of(PluginPath.KEY, ConfigType.STRING).defaultValue("")
                    .description("Comma-separated directories of connector plugins: each jar directly inside one,"
                            + " and each subdirectory of jars, is a plugin with a class loader of its own (see"
                            + " docs/plugins.md); a relative path is under the configuration file's folder, and"
                            + " every directory named must exist. Blank: the folder plugins in the working"
                            + " directory, when there is one. The built-in connectors need none."),
            ConfigKey.of(CrawlConfig.PARTITIONS, ConfigType.INTEGER).defaultValue("4").range(1, 256)
                    .description("Partitions (mailboxes) crawled at once."),
            ConfigKey.of(CrawlConfig.INDEX_QUERIES, ConfigType.INTEGER).defaultValue("2").range(1, 64)
                    .description("Index queries at once: known-document look-ups and sweeps."),
            ConfigKey.of(CrawlConfig.PARTITION_DELETIONS, ConfigType.INTEGER).defaultValue("1").range(1, 64)
                    .description("Partitions whose documents are deleted at once."),
            ConfigKey.of(CrawlConfig.MAX_SHARE, ConfigType.DECIMAL).defaultValue("0.5").range(0, 1)
                    .description("Refuse to delete more than this share of known partitions in one run: exactly"
                            + " this share may go (with 0.5, 1 of 2 mailboxes), more deletes nothing. 0 refuses"
                            + " every removal."),
            ConfigKey.of(CrawlConfig.SWEEP_MAX_SHARE, ConfigType.DECIMAL).defaultValue("0.5").range(0, 1)
                    .description("A FULL crawl's sweep that would delete more than this share of a partition's"
                            + " documents (those not seen again) deletes nothing in that partition and the crawl"
                            + " exits 1 naming it: exactly this share may go, more may not. 1 turns the limit off."),
            ConfigKey.of(CrawlConfig.DRY_RUN, ConfigType.BOOLEAN).defaultValue("false")
                    .description("Report what would be deleted, delete nothing: partitions no longer listed and"
                            + " what FULL sweeps would delete."),
            ConfigKey.of(SinkConfig.URL, ConfigType.URL_LIST).defaultValue("")
                    .description("Comma-separated URLs of an Elasticsearch or OpenSearch cluster; blank runs an embedded node."
                            + " A user:password@ written in the URLs is accepted (the same in every URL): it is sent"
                            + " as basic authentication and never shown; prefer sink.elasticsearch.username and"
                            + " password."),
            ConfigKey.of(SinkConfig.USERNAME, ConfigType.STRING).defaultValue("")
                    .description("User name for basic authentication."),
            ConfigKey.of(SinkConfig.PASSWORD, ConfigType.STRING).defaultValue("").secret()
                    .description("Password for basic authentication."),
            ConfigKey.of(SinkConfig.API_KEY, ConfigType.STRING).defaultValue("").secret()
                    .description("API key (the encoded id:key form) sent as 'Authorization: ApiKey'."),
            ConfigKey.of(SinkConfig.CA_BUNDLE, ConfigType.STRING).defaultValue("").path().validator(PemTrust::problem)
                    .description("Path of a PEM file with CA certificates trusted for https cluster URLs in addition"
                            + " to the JDK's default trust store (for a private CA). Blank: the JDK's trust store only."
                            + " Certificates and host names are always verified."),
            ConfigKey.of(SinkConfig.INDEX, ConfigType.STRING).defaultValue("").validator(RuntimeConfig::indexSafe)
                    .description("Content index; blank means connector-<connector.id>. State lives in <index>-state."),
            ConfigKey.of(SinkConfig.MAX_DOCS, ConfigType.INTEGER).defaultValue("1000").range(1, 100_000)
                    .description("Documents per bulk request at most."),
            ConfigKey.of(SinkConfig.MAX_BYTES, ConfigType.INTEGER).defaultValue("5242880").range(1024, 1L << 30)
                    .description("Bytes per bulk request at most."),
            ConfigKey.of(SinkConfig.LINGER, ConfigType.INTEGER).defaultValue(Integer.toString(SinkConfig.DEFAULT_LINGER_MILLIS))
                    .range(0, 10_000)
                    .description("Milliseconds a bulk request below the limits waits for more documents; 0 sends at once."),
            ConfigKey.of(SinkConfig.SHARDS, ConfigType.INTEGER).defaultValue("1").range(1, 1024)
                    .description("Primary shards of the content and state indices when the connector creates them;"
                            + " an existing index keeps its own. One shard holds tens of millions of documents."),
            ConfigKey.of(SinkConfig.REPLICAS, ConfigType.STRING).defaultValue("").validator(SinkConfig::replicasProblem)
                    .description("Replicas per shard of the content and state indices when the connector creates"
                            + " them; an existing index keeps its own. Blank: 0 for the embedded node, 1 for a"
                            + " cluster. Set 0 for a one-node cluster, so that its health is green, not yellow."),
            ConfigKey.of(SinkConfig.DATA_DIR, ConfigType.STRING).defaultValue("./data/opensearch").path()
                    .description("Where the embedded node keeps its data; a relative path is under the configuration"
                            + " file's folder. Kept at mode 0700; the node answers only user connector with the"
                            + " password in its credential file (mode 0600, made once). Writes wait while its"
                            + " filesystem has less than 2 x sink.bulk.max-bytes + 8 MB free, and the crawl stops"
                            + " (exit 4) after sink.retry.max-wait-seconds."),
            ConfigKey.of(SinkConfig.RETRY_MAX_WAIT, ConfigType.INTEGER)
                    .defaultValue(Integer.toString(SinkConfig.DEFAULT_RETRY_MAX_WAIT_SECONDS)).range(0, 86_400)
                    .description("Seconds a crawl waits for an unreachable or unavailable index, or for disk"
                            + " space the index refuses writes for lack of, before it fails; in all, not per request."
                            + " 0 fails after the usual retries."));

    /**
     * Creates the configuration.
     *
     * @throws NullPointerException if an argument is {@code null}
     */
    public RuntimeConfig {
        requireNonNull(connectorType, "connectorType");
        requireNonNull(connectorId, "connectorId");
        requireNonNull(crawl, "crawl");
        requireNonNull(sink, "sink");
    }

    /**
     * Every key the host reads: {@link #SPEC} and the extraction keys.
     *
     * @return the host spec
     */
    public static ConfigSpec hostSpec() {
        return SPEC.plus(ExtractionConfig.SPEC);
    }

    /**
     * Reads the runtime configuration from a validated source configuration.
     *
     * @param config a configuration validated against a spec that includes {@link #SPEC}
     * @return the runtime configuration
     */
    public static RuntimeConfig from(SourceConfig config) {
        String id = config.getString(CONNECTOR_ID);
        return new RuntimeConfig(config.getString(CONNECTOR_TYPE), id, CrawlConfig.from(config),
                SinkConfig.from(config, id));
    }

    /**
     * Refuses a content index that is, or may be, another source's state index: a state index is
     * {@code <content index>-state}, so a content index whose name ends that way would take
     * documents into the checkpoints of the source whose content index is the rest of its name.
     *
     * @param values the configuration, key to value
     * @return the problem, naming the key that chose the name, or {@code null} when the name is safe
     */
    public static ConfigProblem stateIndexCollision(java.util.Map<String, String> values) {
        String index = values.getOrDefault(CONTENT_INDEX, "").trim();
        String id = values.getOrDefault(CONNECTOR_ID, "").trim();
        boolean explicit = !index.isEmpty();
        String effective = explicit ? index : "connector-" + id;
        if (!effective.endsWith(STATE_SUFFIX) || (!explicit && id.isEmpty())) {
            return null;
        }
        String owner = effective.substring(0, effective.length() - STATE_SUFFIX.length());
        String what = "the content index '" + effective + "' would be the state index of the source whose content"
                + " index is '" + owner + "', and documents would go in among its checkpoints";
        return explicit
                ? new ConfigProblem(CONTENT_INDEX, index, what + "; choose a name that does not end in '"
                        + STATE_SUFFIX + "'")
                : new ConfigProblem(CONNECTOR_ID, id, what + "; choose an id that does not end in '" + STATE_SUFFIX
                        + "', or set " + CONTENT_INDEX + " to a name that does not");
    }

    private static String indexSafe(String value) {
        return value.isEmpty() || INDEX_SAFE.matcher(value).matches() ? null
                : "expected lower-case letters, digits, '.', '_' or '-', starting with a letter or digit"
                        + " (it becomes part of an index name)";
    }
}
