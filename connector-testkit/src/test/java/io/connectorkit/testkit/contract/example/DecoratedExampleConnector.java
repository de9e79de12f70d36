package io.connectorkit.testkit.contract.example;

import io.connectorkit.api.Capability;
import io.connectorkit.api.Checkpoint;
import io.connectorkit.api.ConnectorContext;
import io.connectorkit.api.ConnectorException;
import io.connectorkit.api.ConnectorSession;
import io.connectorkit.api.CrawlMode;
import io.connectorkit.api.Emitter;
import io.connectorkit.api.Partition;
import io.connectorkit.api.SourceConnector;
import io.connectorkit.api.check.CheckReport;
import io.connectorkit.api.check.ScopeDecision;
import io.connectorkit.api.config.ConfigSpec;
import io.connectorkit.api.config.SourceConfig;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The example connector with one deliberate bug, put in by rewriting what its crawls emit (or,
 * through the other hooks, what its session and connector answer). Used only to prove that the
 * contract suite catches the bug.
 */
abstract class DecoratedExampleConnector implements SourceConnector {
    private final SourceConnector delegate = new ExampleFilesConnector();

    /** @return the example connector this one decorates */
    final SourceConnector delegate() {
        return delegate;
    }

    /**
     * Crawls a partition with the example's session; by default through {@link #decorate}.
     *
     * @param session the example's session
     * @param partition the partition
     * @param checkpoint the checkpoint, or null
     * @param mode the mode
     * @param emitter the host's emitter
     * @param context the host's services for the run
     * @throws ConnectorException as the example threw it
     */
    void crawl(ConnectorSession session, Partition partition, Checkpoint checkpoint, CrawlMode mode, Emitter emitter,
            ConnectorContext context) throws ConnectorException {
        ForwardingEmitter decorated = decorate(emitter, context);
        session.crawl(partition, checkpoint, mode, decorated);
        decorated.finish();
    }

    /**
     * Lists partitions with the example's session; by default as it does.
     *
     * @param session the example's session
     * @param config the configuration the session was opened with
     * @return the partitions
     * @throws ConnectorException as the example threw it
     */
    List<Partition> partitions(ConnectorSession session, SourceConfig config) throws ConnectorException {
        return session.partitions();
    }

    /**
     * Previews with the example's session; by default as it does.
     *
     * @param session the example's session
     * @param config the configuration the session was opened with
     * @return the decisions
     * @throws ConnectorException as the example threw it
     */
    List<ScopeDecision> preview(ConnectorSession session, SourceConfig config) throws ConnectorException {
        return session.preview();
    }

    /**
     * The session's {@code toString()}; by default the example's.
     *
     * @param session the example's session
     * @param config the configuration the session was opened with
     * @return the text
     */
    String describeSession(ConnectorSession session, SourceConfig config) {
        return session.toString();
    }

    /**
     * Wraps the emitter of one crawl call.
     *
     * @param emitter the host's emitter
     * @param context the host's services for the run
     * @return the emitter the example connector writes to; finished after the crawl returns
     */
    abstract ForwardingEmitter decorate(Emitter emitter, ConnectorContext context);

    @Override
    public ConfigSpec configSpec() {
        return delegate.configSpec();
    }

    @Override
    public Set<Capability> capabilities() {
        return delegate.capabilities();
    }

    @Override
    public Optional<Checkpoint> rewind(Checkpoint current, Instant to) {
        return delegate.rewind(current, to);
    }

    @Override
    public String describe(Checkpoint checkpoint) {
        return delegate.describe(checkpoint);
    }

    @Override
    public CheckReport check(SourceConfig config, ConnectorContext context) throws ConnectorException {
        return delegate.check(config, context);
    }

    @Override
    public ConnectorSession open(SourceConfig config, ConnectorContext context) throws ConnectorException {
        ConnectorSession session = delegate.open(config, context);
        return new ConnectorSession() {
            @Override
            public List<Partition> partitions() throws ConnectorException {
                return DecoratedExampleConnector.this.partitions(session, config);
            }

            @Override
            public List<ScopeDecision> preview() throws ConnectorException {
                return DecoratedExampleConnector.this.preview(session, config);
            }

            @Override
            public void crawl(Partition partition, Checkpoint checkpoint, CrawlMode mode, Emitter emitter)
                    throws ConnectorException {
                DecoratedExampleConnector.this.crawl(session, partition, checkpoint, mode, emitter, context);
            }

            @Override
            public boolean refetch(Partition partition, List<String> sourceRefs, Emitter emitter)
                    throws ConnectorException {
                return session.refetch(partition, sourceRefs, emitter);
            }

            @Override
            public String toString() {
                return describeSession(session, config);
            }

            @Override
            public void close() {
                session.close();
            }
        };
    }
}
