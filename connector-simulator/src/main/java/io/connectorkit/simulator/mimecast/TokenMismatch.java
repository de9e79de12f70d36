package io.connectorkit.simulator.mimecast;

/** How a page token reused with another query (or an expired one) is answered. */
public enum TokenMismatch {
    /** HTTP 200 with a {@code fail[]} entry. */
    FAIL,
    /** HTTP 400 with an empty body. */
    BAD_REQUEST
}
