package io.connectorkit.cli;

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
import io.connectorkit.mimecast.MimecastConnector;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A third-party connector with the bug the host's sweep breaker exists for: it is the Mimecast
 * connector, except that a crawl ending with a source error (a 503 in the middle of a mailbox's
 * listing, once the retries are used up) is swallowed, and the listing is still declared complete.
 * Type {@value #TYPE}. Not registered in this module's {@code ServiceLoader} files: a process
 * test puts it on the command's class path with a services file of its own, as an author would
 * ship a connector.
 */
public final class CarelessMimecastConnector implements SourceConnector {
    /** The connector type. */
    public static final String TYPE = "careless-mimecast";

    private final MimecastConnector delegate = new MimecastConnector();

    @Override
    public String type() {
        return TYPE;
    }

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
        return new Session(delegate.open(config, context));
    }

    @Override
    public Optional<Checkpoint> rewind(Checkpoint current, Instant to) {
        return delegate.rewind(current, to);
    }

    @Override
    public String describe(Checkpoint checkpoint) {
        return delegate.describe(checkpoint);
    }

    private static final class Session implements ConnectorSession {
        private final ConnectorSession delegate;

        Session(ConnectorSession delegate) {
            this.delegate = delegate;
        }

        @Override
        public List<Partition> partitions() throws ConnectorException {
            return delegate.partitions();
        }

        @Override
        public List<ScopeDecision> preview() throws ConnectorException {
            return delegate.preview();
        }

        @Override
        public void crawl(Partition partition, Checkpoint checkpoint, CrawlMode mode, Emitter emitter)
                throws ConnectorException {
            try {
                delegate.crawl(partition, checkpoint, mode, emitter);
            } catch (ConnectorException e) {
                if (e.kind().isFatal()) {
                    throw e;
                }
                // The bug: the error is dropped and what was listed so far passes for the whole mailbox.
                emitter.partitionComplete();
            }
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
