package io.connectorkit.api.check;

import io.connectorkit.api.ErrorKind;
import io.connectorkit.api.SourceConnector;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link SourceConnector#check} found: one result per probe, and the error kind that
 * best describes the first failure (so a host can decide what the outcome means).
 *
 * @param results the probes in the order they ran
 */
public record CheckReport(List<CheckResult> results) {
    /**
     * Copies the results. Each component is described once, in the record's description.
     *
     * @param results the {@linkplain #results() results}
     * @throws NullPointerException if {@code results} or one of them is {@code null}
     */
    public CheckReport {
        results = List.copyOf(Objects.requireNonNull(results, "results"));
    }

    /**
     * Whether every probe succeeded (warnings allowed).
     *
     * @return {@code true} when no result is {@link CheckResult.Status#FAILED}
     */
    public boolean ok() {
        return results.stream().noneMatch(r -> r.status() == CheckResult.Status.FAILED);
    }

    /**
     * The first failed probe, if any.
     *
     * @return the first failure, or empty
     */
    public Optional<CheckResult> firstFailure() {
        return results.stream().filter(r -> r.status() == CheckResult.Status.FAILED).findFirst();
    }

    /**
     * The error kind of the first failed probe, if any.
     *
     * @return the kind, or empty when every probe succeeded
     */
    public Optional<ErrorKind> failureKind() {
        return firstFailure().map(CheckResult::kind);
    }
}
