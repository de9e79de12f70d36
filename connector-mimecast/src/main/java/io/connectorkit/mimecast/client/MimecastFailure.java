package io.connectorkit.mimecast.client;

import io.connectorkit.api.ConnectorException;
import io.connectorkit.api.ErrorKind;
import io.connectorkit.mimecast.MimecastConfig;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One error read from a Mimecast {@code fail[]} array (see {@link MimecastWire#failures}), and
 * the classification of a failed call.
 *
 * @param code the error code, such as {@code app_forbidden}
 * @param message the server's message
 * @param retryable whether the server said a retry may help
 */
public record MimecastFailure(String code, String message, boolean retryable) {

    /** @return whether the code says the application lacks a product */
    boolean productMissing() {
        return code.equalsIgnoreCase("app_forbidden");
    }

    /** @return whether the code says the credentials are bad or expired */
    boolean authentication() {
        String c = code.toLowerCase(Locale.ROOT);
        return c.equals("invalidclientidentifier") || c.equals("invalid_client") || c.equals("token_expired")
                || c.equals("unauthorized") || c.equals("invalid_token");
    }

    /**
     * The exception for the first error of a data call that failed.
     *
     * @param failures the errors
     * @param status the HTTP status
     * @param path the API path called
     * @param what the item, for the message, such as "message eNo..."
     * @return the classified exception
     */
    static ConnectorException toException(List<MimecastFailure> failures, int status, String path, String what) {
        Optional<MimecastFailure> first = failures.stream().findFirst();
        String code = first.map(MimecastFailure::code).orElse("none");
        String text = first.map(MimecastFailure::message).orElse("");
        String detail = path + " for " + what + " returned HTTP " + status + " with code " + code
                + (text.isEmpty() ? "" : " (" + text + ")");
        if (status == 403 || first.map(MimecastFailure::productMissing).orElse(false)
                || code.toLowerCase(Locale.ROOT).contains("forbidden")) {
            if (first.map(MimecastFailure::productMissing).orElse(false) || status == 403 && first.isEmpty()) {
                String product = MimecastConfig.productFor(path);
                return new ConnectorException(ErrorKind.PERMISSION, detail + ": the API application lacks the product '"
                        + product + "'; add it (products cannot be changed after saving, so create a new API 2.0"
                        + " application with it) and update mimecast.client-id and mimecast.client-secret");
            }
            return new ConnectorException(ErrorKind.PERMISSION, detail + ": give the application's role the"
                    + " permission '" + MimecastConfig.roleFor(path) + "'");
        }
        if (status == 401) {
            return new ConnectorException(ErrorKind.AUTHENTICATION, detail
                    + ": check mimecast.client-id and mimecast.client-secret and that the application is enabled");
        }
        if (status == 404 || status == 405) {
            return new ConnectorException(ErrorKind.CONFIGURATION, detail
                    + ": check mimecast.api-endpoint (an API 2.0 host such as https://api.services.mimecast.com)");
        }
        if (status >= 500 || first.map(MimecastFailure::retryable).orElse(false)) {
            return new ConnectorException(ErrorKind.TRANSIENT, detail + ": retry later");
        }
        return new ConnectorException(ErrorKind.PERMANENT, detail);
    }
}
