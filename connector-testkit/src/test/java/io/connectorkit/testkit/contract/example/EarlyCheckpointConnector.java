package io.connectorkit.testkit.contract.example;

import io.connectorkit.api.Checkpoint;
import io.connectorkit.api.Document;
import io.connectorkit.api.ConnectorContext;
import io.connectorkit.api.Emitter;

/**
 * BROKEN on purpose: emits each checkpoint before the document it covers, as a connector does
 * that saves its position before writing the item. A crawl resumed from such a checkpoint skips
 * that document for good. The contract suite must fail it.
 */
public final class EarlyCheckpointConnector extends DecoratedExampleConnector {
    /** The connector type. */
    public static final String TYPE = "example-files-early-checkpoint";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    ForwardingEmitter decorate(Emitter emitter, ConnectorContext context) {
        return new ForwardingEmitter(emitter) {
            private Document held;

            @Override
            public void upsert(Document document) {
                flush();
                held = document;
            }

            @Override
            public void checkpoint(Checkpoint checkpoint) {
                super.checkpoint(checkpoint);
                flush();
            }

            @Override
            public void partitionComplete() {
                flush();
                super.partitionComplete();
            }

            @Override
            void finish() {
                flush();
            }

            private void flush() {
                if (held != null) {
                    super.upsert(held);
                    held = null;
                }
            }
        };
    }
}
