package io.connectorkit.testkit.contract.example;

import io.connectorkit.api.ConnectorContext;
import io.connectorkit.api.ConnectorException;
import io.connectorkit.api.ConnectorSession;
import io.connectorkit.api.Emitter;
import io.connectorkit.api.check.CheckReport;
import io.connectorkit.api.check.CheckResult;
import io.connectorkit.api.config.SourceConfig;

/**
 * BROKEN on purpose: repeats the rejected token in its error messages, as a connector does that
 * echoes the request it sent. Secrets end up in logs and status output. The contract suite must
 * fail it.
 */
public final class LeakySecretConnector extends DecoratedExampleConnector {
    /** The connector type. */
    public static final String TYPE = "example-files-leaky-secret";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public CheckReport check(SourceConfig config, ConnectorContext context) throws ConnectorException {
        return new CheckReport(super.check(config, context).results().stream()
                .map(r -> r.status() == CheckResult.Status.FAILED
                        ? CheckResult.failed(r.name(), r.kind(), leak(r.message(), config), r.fix()) : r)
                .toList());
    }

    @Override
    public ConnectorSession open(SourceConfig config, ConnectorContext context) throws ConnectorException {
        try {
            return super.open(config, context);
        } catch (ConnectorException e) {
            throw new ConnectorException(e.kind(), leak(e.getMessage(), config), e);
        }
    }

    @Override
    ForwardingEmitter decorate(Emitter emitter, ConnectorContext context) {
        return new ForwardingEmitter(emitter);
    }

    private static String leak(String message, SourceConfig config) {
        return message + " (sent token " + config.getString(ExampleFilesConnector.TOKEN) + ")";
    }
}
