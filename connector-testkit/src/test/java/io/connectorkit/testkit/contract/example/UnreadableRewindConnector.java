package io.connectorkit.testkit.contract.example;

import io.connectorkit.api.Checkpoint;
import io.connectorkit.api.ConnectorContext;
import io.connectorkit.api.Emitter;
import java.time.Instant;
import java.util.Optional;

/**
 * BROKEN on purpose: rewinds to a checkpoint in a format its crawl does not read (an ISO date
 * instead of {@code millis|path}), as a connector does whose reset code was written apart from
 * its crawl. Every crawl after a host's {@code reset --to} then fails PERMANENT. The contract
 * suite must fail it.
 */
public final class UnreadableRewindConnector extends DecoratedExampleConnector {
    /** The connector type. */
    public static final String TYPE = "example-files-unreadable-rewind";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Optional<Checkpoint> rewind(Checkpoint current, Instant to) {
        return Optional.of(new Checkpoint(to.toString()));
    }

    @Override
    ForwardingEmitter decorate(Emitter emitter, ConnectorContext context) {
        return new ForwardingEmitter(emitter);
    }
}
