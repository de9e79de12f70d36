package io.connectorkit.runtime.index;

import java.io.IOException;

/**
 * The cluster's TLS certificate was refused (not trusted, or issued for another host name), so no
 * request was sent. Never retried: the message says which key to change.
 */
public final class IndexCertificateException extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was refused and the fix
     * @param cause the handshake failure
     */
    public IndexCertificateException(String message, Throwable cause) {
        super(message, cause);
    }
}
