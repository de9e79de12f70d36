package io.connectorkit.testkit.contract.example;

import io.connectorkit.api.CancelledException;
import io.connectorkit.api.ConnectorContext;
import io.connectorkit.api.ConnectorException;
import io.connectorkit.api.ConnectorMetrics;
import io.connectorkit.api.ConnectorSession;
import io.connectorkit.api.Document;
import io.connectorkit.api.Emitter;
import io.connectorkit.api.KnownDocuments;
import io.connectorkit.api.config.SourceConfig;
import java.nio.file.Path;
import java.time.Clock;

/**
 * BROKEN on purpose: never asks whether the run was cancelled (the context it reads always says
 * no), and its per-item error handling swallows the {@link CancelledException} an upsert throws,
 * as a connector does whose item loop catches every runtime exception. A cancelled crawl then reads the whole partition anyway and
 * checkpoints past items it never emitted. The contract suite must fail it.
 */
public final class IgnoresCancellationConnector extends DecoratedExampleConnector {
    /** The connector type. */
    public static final String TYPE = "example-files-ignores-cancellation";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public ConnectorSession open(SourceConfig config, ConnectorContext context) throws ConnectorException {
        return super.open(config, new ConnectorContext() {
            @Override
            public String connectorId() {
                return context.connectorId();
            }

            @Override
            public KnownDocuments knownDocuments() {
                return context.knownDocuments();
            }

            @Override
            public Clock clock() {
                return context.clock();
            }

            @Override
            public ConnectorMetrics metrics() {
                return context.metrics();
            }

            @Override
            public Path tempDirectory() {
                return context.tempDirectory();
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        });
    }

    @Override
    ForwardingEmitter decorate(Emitter emitter, ConnectorContext context) {
        return new ForwardingEmitter(emitter) {
            @Override
            public void upsert(Document document) {
                try {
                    super.upsert(document);
                } catch (RuntimeException e) {
                    // "One bad item must not stop the crawl": the bug, for a CancelledException.
                }
            }
        };
    }
}
