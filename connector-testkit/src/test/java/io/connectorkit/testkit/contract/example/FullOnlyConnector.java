package io.connectorkit.testkit.contract.example;

import io.connectorkit.api.Capability;
import io.connectorkit.api.ConnectorContext;
import io.connectorkit.api.Emitter;
import java.util.Set;

/**
 * The example connector declaring no capabilities, as a connector that can only re-list
 * everything would. Not broken: the contract suite skips the tests it cannot run.
 */
public final class FullOnlyConnector extends DecoratedExampleConnector {
    /** The connector type. */
    public static final String TYPE = "example-files-full-only";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of();
    }

    @Override
    ForwardingEmitter decorate(Emitter emitter, ConnectorContext context) {
        return new ForwardingEmitter(emitter);
    }
}
