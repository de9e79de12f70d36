package io.connectorkit.api;

import io.connectorkit.api.check.CheckReport;
import io.connectorkit.api.config.ConfigProblem;
import io.connectorkit.api.config.ConfigSpec;
import io.connectorkit.api.config.SourceConfig;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A source connector: the service a host finds with {@link java.util.ServiceLoader}. Name the
 * implementation in {@code META-INF/services/io.connectorkit.api.SourceConnector}; it needs a
 * public no-argument constructor.
 *
 * <p><b>Lifecycle.</b> Stateless. A host creates one instance and may call its methods any
 * number of times, for different configurations. All per-run state lives in the
 * {@link ConnectorSession} that {@link #open} returns.
 *
 * <p><b>Threading.</b> Every method may be called from any thread, concurrently.
 *
 * <p><b>Errors.</b> Methods throw {@link ConnectorException} with an {@link ErrorKind}; a
 * configuration the spec accepts but the connector cannot use is
 * {@link ErrorKind#CONFIGURATION}.
 */
public interface SourceConnector {
    /**
     * The connector's type, the value of {@code connector.type} that selects it, such as
     * {@code mimecast}. Lower case; unique among the connectors a host can see.
     *
     * @return the type
     */
    String type();

    /**
     * The configuration keys this connector reads. The host adds its own keys ({@code connector.*},
     * {@code sink.*}, {@code crawl.*}) and validates both together, so a connector declares only
     * its own.
     *
     * @return the spec; the same on every call
     */
    ConfigSpec configSpec();

    /**
     * What the connector can do. The host and the contract suite rely on it.
     *
     * @return the capabilities
     */
    Set<Capability> capabilities();

    /**
     * Checks a configuration against the source: authenticates and probes everything a crawl
     * needs, reporting each problem with its fix. Makes no changes and emits nothing.
     *
     * @param config a configuration validated against {@link #configSpec()} (with the host's keys)
     * @param context the host's services
     * @return one result per probe; failures do not throw
     * @throws ConnectorException only if the check itself could not run
     */
    CheckReport check(SourceConfig config, ConnectorContext context) throws ConnectorException;

    /**
     * Opens a session for one run. Opening does no network I/O beyond what is needed to fail
     * fast on bad credentials.
     *
     * @param config a configuration validated against {@link #configSpec()} (with the host's keys)
     * @param context the host's services for this run
     * @return the session; the caller closes it
     * @throws ConnectorException if the session cannot be opened
     */
    ConnectorSession open(SourceConfig config, ConnectorContext context) throws ConnectorException;

    /**
     * A human-readable name for listings.
     *
     * @return the name; the type by default
     */
    default String displayName() {
        return type();
    }

    /**
     * The connector's version, for listings such as {@code connector plugins}. A connector
     * packaged with {@code Implementation-Version} in its jar's manifest need not override it:
     * a host reads the manifest when this is blank.
     *
     * @return the version; blank by default
     */
    default String version() {
        return "";
    }

    /**
     * What the connector's partitions are, in the singular and lower case, such as "mailbox" or
     * "folder": the word a host's progress, summaries and status use for them.
     *
     * @return the noun; "partition" by default
     */
    default String partitionNoun() {
        return "partition";
    }

    /**
     * Rewinds a checkpoint so that the next {@link CrawlMode#INCREMENTAL} crawl reads again
     * everything from {@code to} on. Used by a host's reset command.
     *
     * @param current the persisted checkpoint
     * @param to the point in time to rewind to
     * @return the rewound checkpoint, or empty to start the partition over (the default)
     */
    default Optional<Checkpoint> rewind(Checkpoint current, Instant to) {
        return Optional.empty();
    }

    /**
     * Describes a checkpoint for people, such as "INBOX up to 2024-01-01T00:00Z".
     *
     * @param checkpoint the checkpoint
     * @return the description; the raw value by default
     */
    default String describe(Checkpoint checkpoint) {
        return checkpoint.value();
    }

    /**
     * Checks what needs more than one key, such as an end date before a start date. The host
     * calls it after every key passed {@link #configSpec()}, and reports its problems as it
     * reports those of single keys: as a configuration error that stops the run.
     *
     * @param config a configuration whose keys are each valid
     * @return the problems, each naming its keys; empty by default
     */
    default List<ConfigProblem> problems(SourceConfig config) {
        return List.of();
    }
}
