package io.connectorkit.simulator.mimecast;

import java.util.Arrays;
import java.util.Optional;

/** The endpoints the fake server answers, with their paths. */
public enum Endpoint {
    /** {@code POST /oauth/token}. */
    TOKEN("/oauth/token", "POST"),
    /** {@code POST /api/account/get-account}. */
    GET_ACCOUNT("/api/account/get-account", "POST"),
    /** {@code POST /api/domain/get-internal-domain}. */
    GET_INTERNAL_DOMAIN("/api/domain/get-internal-domain", "POST"),
    /** {@code POST /api/user/get-internal-users}. */
    GET_INTERNAL_USERS("/api/user/get-internal-users", "POST"),
    /** {@code POST /api/archive/get-message-list}. */
    GET_MESSAGE_LIST("/api/archive/get-message-list", "POST"),
    /** {@code POST /api/archive/get-message-detail}. */
    GET_MESSAGE_DETAIL("/api/archive/get-message-detail", "POST"),
    /** {@code POST /api/archive/get-message-part}. */
    GET_MESSAGE_PART("/api/archive/get-message-part", "POST"),
    /** {@code POST /api/archive/get-file}. */
    GET_FILE("/api/archive/get-file", "POST"),
    /** {@code GET /download/...}: the pre-signed URLs get-file and get-message-part hand out. */
    DOWNLOAD("/download/", "GET");

    private final String path;
    private final String method;

    Endpoint(String path, String method) {
        this.path = path;
        this.method = method;
    }

    /** The path (a prefix for {@link #DOWNLOAD}). */
    public String path() {
        return path;
    }

    /** The HTTP method the endpoint accepts. */
    public String method() {
        return method;
    }

    /** Whether the endpoint is an {@code /api/...} function that needs a bearer token. */
    public boolean isApi() {
        return path.startsWith("/api/");
    }

    /** The endpoint serving a request path, if any. */
    public static Optional<Endpoint> forPath(String path) {
        if (path.startsWith(DOWNLOAD.path)) {
            return Optional.of(DOWNLOAD);
        }
        return Arrays.stream(values()).filter(e -> e.path.equals(path)).findFirst();
    }
}
