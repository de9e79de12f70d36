package io.connectorkit.testkit.contract.example;

import io.connectorkit.api.ConnectorContext;
import io.connectorkit.api.Document;
import io.connectorkit.api.Emitter;

/**
 * BROKEN on purpose: an attachment names its parent by the parent's file name rather than its
 * document id, as a connector does that builds the child's link from another field. The host
 * then keeps attachments whose parent is gone and deletes none with it. The contract suite must
 * fail it.
 */
public final class OrphanAttachmentConnector extends DecoratedExampleConnector {
    /** The connector type. */
    public static final String TYPE = "example-files-orphan-attachment";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    ForwardingEmitter decorate(Emitter emitter, ConnectorContext context) {
        return new ForwardingEmitter(emitter) {
            @Override
            public void upsert(Document d) {
                String parent = d.parentId() == null ? null : d.parentId().substring(d.parentId().lastIndexOf('/') + 1);
                super.upsert(new Document(d.id(), d.kind(), parent, d.title(), d.fields(),
                        d.content(), d.binary(), d.acl(), d.version()));
            }
        };
    }
}
