package io.connectorkit.testkit.contract.example;

import io.connectorkit.api.ConnectorContext;
import io.connectorkit.api.Document;
import io.connectorkit.api.Emitter;
import java.util.List;

/**
 * BROKEN on purpose: declares {@link io.connectorkit.api.Capability#ACLS} but emits documents
 * without an ACL, as a connector does whose permission look-up fails quietly. To the host an
 * empty ACL means "everyone may read it". The contract suite must fail it.
 */
public final class AclFreeConnector extends DecoratedExampleConnector {
    /** The connector type. */
    public static final String TYPE = "example-files-acl-free";

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
                        d.content(), d.binary(), List.of(), d.version()));
            }
        };
    }
}
