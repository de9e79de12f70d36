package io.connectorkit.testkit.contract;

/**
 * Makes the source behind a connector under test fail the way a server under strain does (an
 * HTTP 503, a dropped connection, a timeout), so the contract suite can check that the
 * connector classifies the fault as retryable or rides it out.
 *
 * <p>Return one from {@link SourceConnectorContractTest#faultInjector()}; without one the
 * fault test is skipped.
 */
public interface FaultInjector {
    /**
     * Makes the source fail with a transient fault from now on, until {@link #clearFaults()}
     * (or until the fault passes by itself, as a short 5xx burst does).
     *
     * @throws Exception if the fault could not be set up; the test then errors
     */
    void injectTransientFault() throws Exception;

    /**
     * Makes the source healthy again.
     *
     * @throws Exception if the fault could not be removed; the test then errors
     */
    void clearFaults() throws Exception;
}
