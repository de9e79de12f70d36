package io.connectorkit.testkit.contract.example;

import io.connectorkit.api.ConnectorContext;
import io.connectorkit.api.ConnectorException;
import io.connectorkit.api.ConnectorSession;
import io.connectorkit.api.Emitter;
import io.connectorkit.api.ErrorKind;
import io.connectorkit.api.check.CheckReport;
import io.connectorkit.api.check.CheckResult;
import io.connectorkit.api.config.ConfigKey;
import io.connectorkit.api.config.ConfigSpec;
import io.connectorkit.api.config.ConfigType;
import io.connectorkit.api.config.InvalidConfigException;
import io.connectorkit.api.config.SourceConfig;
import java.util.Map;

/**
 * BROKEN on purpose: reads its token from {@code example.bearer}, a key whose name does not look
 * like a secret, and does not declare it {@link ConfigKey#secret()}. Its authentication errors
 * name the key and its value masked the usual way ({@link SourceConfig#masked()}), which masks
 * only declared secrets, so every one prints the token. The contract suite must fail it.
 */
public final class UndeclaredSecretConnector extends DecoratedExampleConnector {
    /** The connector type. */
    public static final String TYPE = "example-files-undeclared-secret";
    /** The key holding the token; not declared secret, which is the bug. */
    public static final String BEARER = "example.bearer";

    private static final ConfigSpec SPEC = ConfigSpec.of(
            ConfigKey.of(ExampleFilesConnector.ROOT, ConfigType.STRING).required()
                    .description("Directory whose top-level folders are crawled as partitions."),
            ConfigKey.of(BEARER, ConfigType.STRING).required()
                    .description("Bearer value; must match the .token file in the root directory."));

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public ConfigSpec configSpec() {
        return SPEC;
    }

    @Override
    public CheckReport check(SourceConfig config, ConnectorContext context) throws ConnectorException {
        return new CheckReport(super.check(example(config), context).results().stream()
                .map(r -> r.kind() == ErrorKind.AUTHENTICATION
                        ? CheckResult.failed(r.name(), r.kind(), named(r.message(), config), r.fix()) : r)
                .toList());
    }

    @Override
    public ConnectorSession open(SourceConfig config, ConnectorContext context) throws ConnectorException {
        try {
            return super.open(example(config), context);
        } catch (ConnectorException e) {
            throw e.kind() == ErrorKind.AUTHENTICATION ? new ConnectorException(e.kind(), named(e.getMessage(), config), e)
                    : e;
        }
    }

    @Override
    ForwardingEmitter decorate(Emitter emitter, ConnectorContext context) {
        return new ForwardingEmitter(emitter);
    }

    private static String named(String message, SourceConfig config) {
        return message + " (" + BEARER + " = '" + config.masked().get(BEARER) + "')";
    }

    private SourceConfig example(SourceConfig config) {
        try {
            return delegate().configSpec().parse(Map.of(ExampleFilesConnector.ROOT,
                    config.getString(ExampleFilesConnector.ROOT), ExampleFilesConnector.TOKEN, config.getString(BEARER)));
        } catch (InvalidConfigException e) {
            throw new IllegalStateException("The example's own spec rejected a translated configuration", e);
        }
    }
}
