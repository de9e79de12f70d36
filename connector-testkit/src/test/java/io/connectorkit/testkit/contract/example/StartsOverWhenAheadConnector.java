package io.connectorkit.testkit.contract.example;

import io.connectorkit.api.Checkpoint;
import io.connectorkit.api.ConnectorContext;
import io.connectorkit.api.ConnectorException;
import io.connectorkit.api.ConnectorSession;
import io.connectorkit.api.CrawlMode;
import io.connectorkit.api.Emitter;
import io.connectorkit.api.Partition;

/**
 * BROKEN on purpose: treats a checkpoint later than the clock as damaged and starts the
 * partition over, as a connector does that "repairs" positions it does not expect. After a clock
 * correction, or a reset to a date ahead, every crawl re-emits the whole partition. The
 * contract suite must fail it.
 */
public final class StartsOverWhenAheadConnector extends DecoratedExampleConnector {
    /** The connector type. */
    public static final String TYPE = "example-files-starts-over-when-ahead";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    void crawl(ConnectorSession session, Partition partition, Checkpoint checkpoint, CrawlMode mode, Emitter emitter,
            ConnectorContext context) throws ConnectorException {
        boolean ahead = checkpoint != null
                && ExampleFilesPosition.parse(checkpoint).modifiedMillis() > context.clock().millis();
        super.crawl(session, partition, ahead ? null : checkpoint, mode, emitter, context);
    }

    @Override
    ForwardingEmitter decorate(Emitter emitter, ConnectorContext context) {
        return new ForwardingEmitter(emitter);
    }
}
