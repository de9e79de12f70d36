package io.connectorkit.testkit.contract.example;

import io.connectorkit.api.ConnectorContext;
import io.connectorkit.api.ContentSource;
import io.connectorkit.api.Document;
import io.connectorkit.api.Emitter;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * BROKEN on purpose: declares a length one byte longer than the content it streams, as a
 * connector does that adds a trailing newline to the size the source reported. A host that
 * trusts the length waits for a byte that never comes or rejects the content as cut off. The
 * contract suite must fail it.
 */
public final class MisreportedLengthConnector extends DecoratedExampleConnector {
    /** The connector type. */
    public static final String TYPE = "example-files-misreported-length";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    ForwardingEmitter decorate(Emitter emitter, ConnectorContext context) {
        return new ForwardingEmitter(emitter) {
            @Override
            public void upsert(Document d) {
                ContentSource binary = d.binary() == null ? null : new ContentSource() {
                    @Override
                    public InputStream open() throws IOException {
                        return d.binary().open();
                    }

                    @Override
                    public long length() {
                        return d.binary().length() + 1;
                    }

                    @Override
                    public Optional<String> mediaType() {
                        return d.binary().mediaType();
                    }
                };
                super.upsert(new Document(d.id(), d.kind(), d.parentId(), d.title(), d.fields(),
                        d.content(), binary, d.acl(), d.version()));
            }
        };
    }
}
