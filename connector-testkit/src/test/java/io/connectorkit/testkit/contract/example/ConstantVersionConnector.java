package io.connectorkit.testkit.contract.example;

import io.connectorkit.api.ConnectorContext;
import io.connectorkit.api.Document;
import io.connectorkit.api.Emitter;

/**
 * BROKEN on purpose: gives every document the same version, as a connector does that versions
 * documents by a schema number instead of the item's modification stamp. An edited item is then
 * never re-indexed: the host sees the version it holds and skips it. The contract suite must
 * fail it.
 */
public final class ConstantVersionConnector extends DecoratedExampleConnector {
    /** The connector type. */
    public static final String TYPE = "example-files-constant-version";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    ForwardingEmitter decorate(Emitter emitter, ConnectorContext context) {
        return new ForwardingEmitter(emitter) {
            @Override
            public void upsert(Document d) {
                super.upsert(new Document(d.id(), d.kind(), d.parentId(), d.title(), d.fields(),
                        d.content(), d.binary(), d.acl(), "v1"));
            }
        };
    }
}
