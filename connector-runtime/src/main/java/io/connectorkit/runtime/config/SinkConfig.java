package io.connectorkit.runtime.config;

import static java.util.Objects.requireNonNull;

import io.connectorkit.api.config.ConfigProblem;
import io.connectorkit.api.config.SourceConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Where documents and crawl state go. {@link #toString()} masks the secrets.
 *
 * @param urls cluster URLs, never with user information; empty means the embedded node
 * @param username basic-auth user, or blank (from the key or from the URLs)
 * @param password basic-auth password, or blank (secret; from the key or from the URLs)
 * @param apiKey API key, or blank (secret)
 * @param index the content index; the state index is {@code index + "-state"}
 * @param bulkMaxDocs documents per bulk request at most
 * @param bulkMaxBytes bytes per bulk request at most
 * @param embeddedDataDir where the embedded node keeps its data
 * @param caBundle PEM file of CA certificates trusted for the cluster in addition to the JDK's, if any
 * @param bulkLingerMillis how long a bulk request below the limits waits for more documents
 * @param retryMaxWait how long requests wait for an unreachable or unavailable index before they fail
 * @param indexShards primary shards of a new content or state index
 * @param indexReplicas replicas per shard of a new index, if set; else {@link #replicasPerShard()}'s default
 */
public record SinkConfig(List<String> urls, String username, String password, String apiKey, String index,
        int bulkMaxDocs, long bulkMaxBytes, Path embeddedDataDir, Optional<Path> caBundle, int bulkLingerMillis,
        Duration retryMaxWait, int indexShards, OptionalInt indexReplicas) {
    static final String URL = "sink.elasticsearch.url";
    static final String USERNAME = "sink.elasticsearch.username";
    static final String PASSWORD = "sink.elasticsearch.password";
    static final String API_KEY = "sink.elasticsearch.api-key";
    static final String INDEX = "sink.elasticsearch.index";
    static final String MAX_DOCS = "sink.bulk.max-docs";
    static final String MAX_BYTES = "sink.bulk.max-bytes";
    static final String DATA_DIR = "sink.embedded.data-dir";
    /** The key of the CA bundle trusted for the cluster. */
    public static final String CA_BUNDLE = "sink.elasticsearch.ca-bundle";
    /** How long requests wait for an unavailable index, in seconds. */
    public static final String RETRY_MAX_WAIT = "sink.retry.max-wait-seconds";
    static final String LINGER = "sink.bulk.linger-millis";
    static final String SHARDS = "sink.index.shards";
    static final String REPLICAS = "sink.index.replicas";
    /** The default of {@code sink.bulk.linger-millis}. */
    static final int DEFAULT_LINGER_MILLIS = 200;
    /** The default of {@code sink.retry.max-wait-seconds}. */
    public static final int DEFAULT_RETRY_MAX_WAIT_SECONDS = 300;

    /**
     * Copies the values.
     *
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalArgumentException if a URL carries user information
     */
    public SinkConfig {
        urls = List.copyOf(requireNonNull(urls, "urls"));
        for (String url : urls) {
            if (UrlCredentials.of(url).isPresent()) {
                throw new IllegalArgumentException("The URL " + UrlCredentials.maskList(url)
                        + " carries user information; pass it without, as username and password");
            }
        }
        requireNonNull(username, "username");
        requireNonNull(password, "password");
        requireNonNull(apiKey, "apiKey");
        requireNonNull(index, "index");
        requireNonNull(embeddedDataDir, "embeddedDataDir");
        requireNonNull(caBundle, "caBundle");
        requireNonNull(retryMaxWait, "retryMaxWait");
        requireNonNull(indexReplicas, "indexReplicas");
        if (indexShards < 1) {
            throw new IllegalArgumentException("indexShards " + indexShards + " is below 1");
        }
        if (indexReplicas.isPresent() && indexReplicas.getAsInt() < 0) {
            throw new IllegalArgumentException("indexReplicas " + indexReplicas.getAsInt() + " is below 0");
        }
    }

    /**
     * A configuration with the default index settings: one shard, and the default replicas.
     *
     * @throws NullPointerException if an argument is {@code null}
     */
    public SinkConfig(List<String> urls, String username, String password, String apiKey, String index,
            int bulkMaxDocs, long bulkMaxBytes, Path embeddedDataDir, Optional<Path> caBundle, int bulkLingerMillis,
            Duration retryMaxWait) {
        this(urls, username, password, apiKey, index, bulkMaxDocs, bulkMaxBytes, embeddedDataDir, caBundle,
                bulkLingerMillis, retryMaxWait, 1, OptionalInt.empty());
    }

    /**
     * A configuration that trusts the JDK's default trust store only, with the defaults of
     * {@code sink.bulk.linger-millis} and {@code sink.retry.max-wait-seconds}.
     *
     * @throws NullPointerException if an argument is {@code null}
     */
    public SinkConfig(List<String> urls, String username, String password, String apiKey, String index,
            int bulkMaxDocs, long bulkMaxBytes, Path embeddedDataDir) {
        this(urls, username, password, apiKey, index, bulkMaxDocs, bulkMaxBytes, embeddedDataDir, Optional.empty(),
                DEFAULT_LINGER_MILLIS, Duration.ofSeconds(DEFAULT_RETRY_MAX_WAIT_SECONDS));
    }

    /**
     * Reads the sink keys. A user name and password written inside the URLs become the basic-auth
     * credentials, and the URLs are kept without them.
     *
     * @param config a validated configuration that includes {@link RuntimeConfig#SPEC}
     * @param connectorId the source id, which names the default index
     * @return the sink configuration
     * @throws IllegalArgumentException if the URLs carry credentials and the credential keys are set
     *     too, or the URLs carry different ones (validation through the registry reports both first)
     */
    public static SinkConfig from(SourceConfig config, String connectorId) {
        List<ConfigProblem> problems = SinkUrlCheck.problems(config.values());
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(SinkUrlCheck.masked(problems.get(0)).toString());
        }
        List<String> configured = config.getList(URL);
        Optional<UrlCredentials> inUrl = configured.stream().map(UrlCredentials::of).flatMap(Optional::stream)
                .findFirst();
        String index = config.getString(INDEX);
        return new SinkConfig(configured.stream().map(UrlCredentials::strip).toList(),
                inUrl.map(UrlCredentials::username).orElse(config.getString(USERNAME)),
                inUrl.map(UrlCredentials::password).orElse(config.getString(PASSWORD)),
                config.getString(API_KEY), index.isBlank() ? "connector-" + connectorId : index,
                config.getInt(MAX_DOCS), config.getLong(MAX_BYTES), Path.of(config.getString(DATA_DIR)),
                Optional.of(config.getString(CA_BUNDLE)).filter(b -> !b.isBlank()).map(Path::of),
                config.getInt(LINGER), Duration.ofSeconds(config.getLong(RETRY_MAX_WAIT)), config.getInt(SHARDS),
                config.getString(REPLICAS).isBlank() ? OptionalInt.empty()
                        : OptionalInt.of(Integer.parseInt(config.getString(REPLICAS).trim())));
    }

    /**
     * Replicas per shard for a new index: {@code sink.index.replicas} when set, else 0 for the
     * embedded node (one node holds no replica) and 1 for a cluster.
     *
     * @return the replicas
     */
    public int replicasPerShard() {
        return indexReplicas.orElse(embedded() ? 0 : 1);
    }

    /**
     * Checks a {@code sink.index.replicas} value.
     *
     * @param value the value
     * @return a problem, or {@code null} when blank or a whole number from 0 to 32
     */
    static String replicasProblem(String value) {
        if (value.isBlank()) {
            return null;
        }
        try {
            int n = Integer.parseInt(value.trim());
            return n >= 0 && n <= 32 ? null : "expected a whole number from 0 to 32, or blank for the default";
        } catch (NumberFormatException e) {
            return "expected a whole number from 0 to 32, or blank for the default";
        }
    }

    /**
     * Whether the embedded node is used.
     *
     * @return {@code true} when no cluster URL is set
     */
    public boolean embedded() {
        return urls.isEmpty();
    }

    /**
     * The state index.
     *
     * @return {@code index + "-state"}
     */
    public String stateIndex() {
        return index + "-state";
    }

    @Override
    public String toString() {
        return "SinkConfig[urls=" + urls + ", username=" + username + ", password="
                + (password.isEmpty() ? "" : SourceConfig.MASK) + ", apiKey=" + (apiKey.isEmpty() ? "" : SourceConfig.MASK)
                + ", index=" + index + ", bulkMaxDocs=" + bulkMaxDocs + ", bulkMaxBytes=" + bulkMaxBytes
                + ", embeddedDataDir=" + embeddedDataDir + ", caBundle=" + caBundle.map(Path::toString).orElse("")
                + ", bulkLingerMillis=" + bulkLingerMillis + ", retryMaxWait=" + retryMaxWait
                + ", indexShards=" + indexShards + ", indexReplicas=" + indexReplicas + "]";
    }
}
