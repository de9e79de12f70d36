package io.connectorkit.mimecast.tls;

import static java.util.Objects.requireNonNull;

import io.connectorkit.api.ConnectorException;
import io.connectorkit.api.ErrorKind;

/**
 * Mimecast's TLS certificate was refused: the server could not be authenticated, so nothing was
 * sent. Classed {@link ErrorKind#AUTHENTICATION} (fatal, never retried) and carries the fix,
 * which names {@code mimecast.tls.ca-bundle} or the endpoint keys.
 */
public final class MimecastTlsException extends ConnectorException {
    private static final long serialVersionUID = 1L;

    private final String problem;
    private final String fix;

    MimecastTlsException(String problem, String fix, Throwable cause) {
        super(ErrorKind.AUTHENTICATION, problem + ". " + requireNonNull(fix, "fix"), cause);
        this.problem = problem;
        this.fix = fix;
    }

    /** @return what went wrong, without the fix */
    public String problem() {
        return problem;
    }

    /** @return what to change, one sentence */
    public String fix() {
        return fix;
    }
}
