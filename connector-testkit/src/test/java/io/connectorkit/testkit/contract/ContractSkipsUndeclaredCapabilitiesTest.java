package io.connectorkit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectorkit.testkit.contract.example.ExampleConnectorContractTest;
import io.connectorkit.testkit.contract.example.FullOnlyConnector;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Checks that tests needing a capability a connector does not declare are skipped, visibly and
 * with the capability named, rather than failed or silently passed.
 */
class ContractSkipsUndeclaredCapabilitiesTest {

    @Test
    void skipsIncrementalDeletionAndFaultTestsNamingWhatIsMissing() {
        ContractRun run = ContractRun.of(FullOnlyContract.class);

        assertThat(run.skipped()).containsExactlyInAnyOrder(
                "incrementalCrawlAfterAChangeEmitsOnlyTheChange",
                "resumesFromEveryCheckpointWithoutDuplicates",
                "incrementalCrawlFromTheLatestCheckpointEmitsNothingWhenNothingChanged",
                "fullCrawlDeclaresEveryPartitionComplete",
                "deletedItemsAreNotEmittedByTheNextFullCrawl",
                "transientFaultIsRetryableOrRetriedInternally",
                "fullRecrawlOfAnUnchangedSourceDownloadsNothingWhenItUsesKnownDocuments");
        assertThat(run.message("resumesFromEveryCheckpointWithoutDuplicates"))
                .contains("'" + FullOnlyConnector.TYPE + "' does not declare Capability.INCREMENTAL");
        assertThat(run.message("deletedItemsAreNotEmittedByTheNextFullCrawl"))
                .contains("does not declare Capability.DELETIONS");
        assertThat(run.message("transientFaultIsRetryableOrRetriedInternally")).contains("no FaultInjector");
        assertThat(run.message("fullRecrawlOfAnUnchangedSourceDownloadsNothingWhenItUsesKnownDocuments"))
                .contains("never consults ConnectorContext.knownDocuments()");
        assertThat(run.failed()).isEmpty();
    }

    /** The contract run against a connector without capabilities and without a fault injector. */
    static class FullOnlyContract extends ExampleConnectorContractTest {
        @Override
        protected String connectorType() {
            return FullOnlyConnector.TYPE;
        }

        @Override
        protected Optional<FaultInjector> faultInjector() {
            return Optional.empty();
        }
    }
}
