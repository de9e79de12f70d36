package io.connectorkit.api.check;

import io.connectorkit.api.ErrorKind;
import io.connectorkit.api.SourceConnector;
import java.util.Objects;

/**
 * The outcome of one probe made by {@link SourceConnector#check}, such as one API endpoint.
 *
 * <p><b>Building one.</b> Use {@link #ok}, {@link #warning} and {@link #failed}: components added
 * later get a default there, so such code keeps compiling. The canonical constructor is public only
 * because a record's must be.
 *
 * @param name what was probed, such as {@code /api/archive/get-message-list}
 * @param status how it went
 * @param kind for a failed probe, what kind of error it is (decides what the host does with the
 *     check's outcome); {@code null} otherwise
 * @param message one sentence on what was found
 * @param fix what the administrator should do, or an empty string when nothing is needed
 */
public record CheckResult(String name, Status status, ErrorKind kind, String message, String fix) {
    /** How a probe went. */
    public enum Status {
        /** The probe succeeded. */
        OK,
        /** The probe succeeded with a caveat the administrator should know about. */
        WARNING,
        /** The probe failed: a crawl would fail or miss data. */
        FAILED
    }

    /**
     * Validates the components; build results with {@link #ok}, {@link #warning} or
     * {@link #failed}. Each component is described once, in the record's description.
     *
     * @param name the {@linkplain #name() name}
     * @param status the {@linkplain #status() status}
     * @param kind the {@linkplain #kind() kind}
     * @param message the {@linkplain #message() message}
     * @param fix the {@linkplain #fix() fix}
     * @throws NullPointerException if {@code name}, {@code status}, {@code message} or {@code fix} is
     *     {@code null}
     */
    public CheckResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(fix, "fix");
    }

    /**
     * A probe that succeeded with a caveat.
     *
     * @param name what was probed
     * @param message what was found
     * @param fix what to do about it
     * @return the result
     */
    public static CheckResult warning(String name, String message, String fix) {
        return new CheckResult(name, Status.WARNING, null, message, fix);
    }

    /**
     * A successful probe.
     *
     * @param name what was probed
     * @param message what was found
     * @return the result
     */
    public static CheckResult ok(String name, String message) {
        return new CheckResult(name, Status.OK, null, message, "");
    }

    /**
     * A failed probe.
     *
     * @param name what was probed
     * @param kind what kind of error it is
     * @param message what was found
     * @param fix what to do about it
     * @return the result
     */
    public static CheckResult failed(String name, ErrorKind kind, String message, String fix) {
        return new CheckResult(name, Status.FAILED, Objects.requireNonNull(kind, "kind"), message, fix);
    }
}
