package io.connectorkit.testkit.contract.example;

import io.connectorkit.api.Document;
import io.connectorkit.api.ConnectorContext;
import io.connectorkit.api.Emitter;
import java.util.UUID;

/**
 * BROKEN on purpose: ids carry a value that changes on every crawl, as when an id is built from
 * a per-request download token. Re-crawls then duplicate every document instead of replacing
 * it. The contract suite must fail it.
 */
public final class RandomIdsConnector extends DecoratedExampleConnector {
    /** The connector type. */
    public static final String TYPE = "example-files-random-ids";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    ForwardingEmitter decorate(Emitter emitter, ConnectorContext context) {
        String token = UUID.randomUUID().toString();
        return new ForwardingEmitter(emitter) {
            @Override
            public void upsert(Document d) {
                super.upsert(new Document(d.id() + "?token=" + token, d.kind(), d.parentId(),
                        d.title(), d.fields(), d.content(), d.binary(), d.acl(), d.version()));
            }
        };
    }
}
