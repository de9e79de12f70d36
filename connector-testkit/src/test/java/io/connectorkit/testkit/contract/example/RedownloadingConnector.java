package io.connectorkit.testkit.contract.example;

import io.connectorkit.api.ConnectorContext;
import io.connectorkit.api.ConnectorException;
import io.connectorkit.api.ConnectorMetrics;
import io.connectorkit.api.Document;
import io.connectorkit.api.Emitter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * BROKEN on purpose: looks every document up in {@link ConnectorContext#knownDocuments()} but
 * downloads its content anyway, so a re-crawl of an unchanged source costs as much as the first.
 * The contract suite must fail it.
 */
public final class RedownloadingConnector extends DecoratedExampleConnector {
    /** The connector type. */
    public static final String TYPE = "example-files-redownloading";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    ForwardingEmitter decorate(Emitter emitter, ConnectorContext context) {
        return new ForwardingEmitter(emitter) {
            @Override
            public void upsert(Document document) {
                try {
                    context.knownDocuments().versions(List.of(document.id()));
                } catch (ConnectorException e) {
                    // The answer is ignored either way: that is the bug.
                }
                context.metrics().add(ConnectorMetrics.DOWNLOADS, 1);
                context.metrics().add(ConnectorMetrics.BYTES_DOWNLOADED,
                        document.content() == null ? 0 : document.content().getBytes(StandardCharsets.UTF_8).length);
                super.upsert(document);
            }
        };
    }
}
