package io.connectorkit.simulator.mimecast;

/**
 * How the fake server writes {@code X-RateLimit-Reset}. The documented form is a duration in
 * milliseconds; some API 2.0 clients read it as an epoch timestamp, so every form can be emitted.
 */
public enum ResetUnit {
    /** Milliseconds until the quota frees up (the documented form). */
    MILLIS_DURATION,
    /** Epoch seconds at which the quota frees up. */
    EPOCH_SECONDS,
    /** Epoch milliseconds at which the quota frees up. */
    EPOCH_MILLIS,
    /** Milliseconds duration as documented, plus a {@code Retry-After} header in whole seconds. */
    RETRY_AFTER_SECONDS
}
