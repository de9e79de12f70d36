package io.connectorkit.testkit.contract;

import io.connectorkit.api.Partition;

/**
 * Makes the source behind a connector under test fail the way a server under strain does (an
 * HTTP 503, a dropped connection, a timeout), so the contract suite can check that the
 * connector classifies the fault as retryable or rides it out.
 *
 * <p>Return one from {@link SourceConnectorContractTest#faultInjector()}; without one the
 * fault tests are skipped.
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

    /**
     * Makes the source fail transiently (a 503, a dropped connection) while listing the items of
     * one partition, from now on until {@link #clearFaults()}, while the listing of partitions
     * still answers. The suite calls it after {@code partitions()} has answered, so the fault
     * reaches {@code crawl()}; a fault that lets the first page of the listing through and fails
     * a later one is the closest to a real partial outage.
     *
     * <p>The default throws {@link UnsupportedOperationException}, which skips the
     * listing-fault test with a message naming this method.
     *
     * @param partition a partition the connector listed
     * @throws Exception if the fault could not be set up; the test then errors
     */
    default void injectListingFault(Partition partition) throws Exception {
        throw new UnsupportedOperationException("FaultInjector.injectListingFault is not implemented");
    }

    /**
     * Makes single items fail transiently (their content cannot be fetched: a 503 on the download)
     * while every listing still answers, from now on until {@link #clearFaults()}, so that a crawl
     * reports item failures instead of ending. The suite uses it to check that failed items are
     * fetched again through {@code ConnectorSession.refetch}.
     *
     * <p>The default throws {@link UnsupportedOperationException}; the suite then uses
     * {@link #injectTransientFault()}, and skips the test with a message naming this method when
     * that fault fails no single item.
     *
     * @throws Exception if the fault could not be set up; the test then errors
     */
    default void injectItemFault() throws Exception {
        throw new UnsupportedOperationException("FaultInjector.injectItemFault is not implemented");
    }
}
