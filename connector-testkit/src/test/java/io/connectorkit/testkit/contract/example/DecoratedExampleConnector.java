package io.connectorkit.testkit.contract.example;

import io.connectorkit.api.Capability;
import io.connectorkit.api.CheckReport;
import io.connectorkit.api.Checkpoint;
import io.connectorkit.api.ConfigSpec;
import io.connectorkit.api.ConnectorContext;
import io.connectorkit.api.ConnectorException;
import io.connectorkit.api.ConnectorSession;
import io.connectorkit.api.CrawlMode;
import io.connectorkit.api.Emitter;
import io.connectorkit.api.Partition;
import io.connectorkit.api.SourceConfig;
import io.connectorkit.api.SourceConnector;
import java.util.List;
import java.util.Set;

/**
 * The example connector with one deliberate bug, put in by rewriting what its crawls emit. Used
 * only to prove that the contract suite catches the bug.
 */
abstract class DecoratedExampleConnector implements SourceConnector {
    private final SourceConnector delegate = new ExampleFilesConnector();

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
    public CheckReport check(SourceConfig config, ConnectorContext context) throws ConnectorException {
        return delegate.check(config, context);
    }

    @Override
    public ConnectorSession open(SourceConfig config, ConnectorContext context) throws ConnectorException {
        ConnectorSession session = delegate.open(config, context);
        return new ConnectorSession() {
            @Override
            public List<Partition> partitions() throws ConnectorException {
                return session.partitions();
            }

            @Override
            public void crawl(Partition partition, Checkpoint checkpoint, CrawlMode mode, Emitter emitter)
                    throws ConnectorException {
                ForwardingEmitter decorated = decorate(emitter, context);
                session.crawl(partition, checkpoint, mode, decorated);
                decorated.finish();
            }

            @Override
            public void close() {
                session.close();
            }
        };
    }
}
