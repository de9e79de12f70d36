package io.connectorkit.cli.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectorkit.api.ConnectorException;
import io.connectorkit.api.ErrorKind;
import io.connectorkit.api.config.ConfigProblem;
import io.connectorkit.api.config.InvalidConfigException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FailureHandlerTest {
    private final StringWriter err = new StringWriter();
    private final CommandContext context = new CommandContext(new PrintWriter(new StringWriter()),
            new PrintWriter(err), false, Map.of());
    private final FailureHandler handler = new FailureHandler(context);

    @Test
    void everyConfigProblemGetsItsOwnLineAndExitTwo() {
        ExitStatus status = handler.report(new InvalidConfigException(List.of(
                new ConfigProblem("mimecast.page-size", "900", "expected a whole number from 1 to 500"),
                new ConfigProblem("connector.id", null, "required but not set"))));
        assertThat(status.code()).isEqualTo(2);
        assertThat(err.toString().lines()).hasSize(2);
        assertThat(err.toString()).contains("mimecast.page-size = '900'", "connector.id: required");
    }

    @Test
    void kindDecidesTheExitStatus() {
        assertThat(handler.report(new ConnectorException(ErrorKind.AUTHENTICATION, "rejected")).code()).isEqualTo(3);
        assertThat(handler.report(new ConnectorException(ErrorKind.PERMISSION, "no product")).code()).isEqualTo(3);
        assertThat(handler.report(new ConnectorException(ErrorKind.TRANSIENT, "down")).code()).isEqualTo(4);
        assertThat(handler.report(new ConnectorException(ErrorKind.CONFIGURATION, "bad")).code()).isEqualTo(2);
    }

    @Test
    void wrappedConnectorExceptionIsFoundThroughTheCauseChain() {
        RuntimeException wrapped = new IllegalStateException("outer",
                new ConnectorException(ErrorKind.PERMISSION, "The Archive product is missing"));
        assertThat(handler.report(wrapped).code()).isEqualTo(3);
        assertThat(err.toString()).contains("The Archive product is missing").doesNotContain("outer");
    }

    @Test
    void unexpectedFailureIsOneSentenceWithoutAStackTrace() {
        ExitStatus status = handler.report(new NullPointerException());
        assertThat(status.code()).isEqualTo(4);
        assertThat(err.toString().lines()).hasSize(1);
        assertThat(err.toString()).contains("NullPointerException", "--log-level DEBUG").doesNotContain("\tat ");
    }

    @Test
    void registeredSecretsNeverReachTheOutput() {
        context.redactor().register(List.of("s3cr3t-value"));
        handler.report(new ConnectorException(ErrorKind.AUTHENTICATION, "Token request with s3cr3t-value was refused"));
        assertThat(err.toString()).doesNotContain("s3cr3t-value").contains("********");
    }
}
