package io.connectorkit.testkit.contract.example;

import io.connectorkit.api.Checkpoint;
import io.connectorkit.api.ConnectorContext;
import io.connectorkit.api.ConnectorException;
import io.connectorkit.api.ConnectorSession;
import io.connectorkit.api.CrawlMode;
import io.connectorkit.api.Emitter;
import io.connectorkit.api.ErrorKind;
import io.connectorkit.api.Partition;

/**
 * BROKEN on purpose: when the listing of a partition fails transiently (a 503 in the middle of
 * it), logs nothing, returns and still declares the partition complete, as a connector does
 * whose listing loop catches the error and falls through to the end. The host then deletes every
 * document of the partition it did not see. The contract suite must fail it.
 */
public final class SwallowedListingFaultConnector extends DecoratedExampleConnector {
    /** The connector type. */
    public static final String TYPE = "example-files-swallowed-listing-fault";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    void crawl(ConnectorSession session, Partition partition, Checkpoint checkpoint, CrawlMode mode, Emitter emitter,
            ConnectorContext context) throws ConnectorException {
        try {
            super.crawl(session, partition, checkpoint, mode, emitter, context);
        } catch (ConnectorException e) {
            if (e.kind() != ErrorKind.TRANSIENT) {
                throw e;
            }
            if (mode == CrawlMode.FULL) {
                emitter.partitionComplete();
            }
        }
    }

    @Override
    ForwardingEmitter decorate(Emitter emitter, ConnectorContext context) {
        return new ForwardingEmitter(emitter);
    }
}
