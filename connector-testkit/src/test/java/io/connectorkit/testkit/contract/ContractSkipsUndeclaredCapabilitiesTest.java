package io.connectorkit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectorkit.testkit.contract.example.ExampleConnectorContractTest;
import io.connectorkit.testkit.contract.example.FullOnlyConnector;
import io.connectorkit.api.Partition;
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
                "checkpointFromAheadOfTheSourceDoesNotStartOver",
                "rewoundCheckpointIsAcceptedAndReadsAgainFromThatTime",
                "fullCrawlDeclaresEveryPartitionComplete",
                "deletedItemsAreNotEmittedByTheNextFullCrawl",
                "changedItemIsEmittedAgainWithANewVersion",
                "documentsCarryAnAclWhenTheConnectorDeclaresAcls",
                "attachmentsFollowTheirParentInTheSamePartition",
                "binaryContentIsReadableOnceWithItsDeclaredLengthAndHash",
                "transientFaultIsRetryableOrRetriedInternally",
                "faultWhileListingAPartitionNeverDeclaresItComplete",
                "fullRecrawlOfAnUnchangedSourceDownloadsNothingWhenItUsesKnownDocuments",
                "itemsThatFailedWithASourceReferenceAreFetchedAgainByRefetch");
        assertThat(run.message("itemsThatFailedWithASourceReferenceAreFetchedAgainByRefetch")).contains("no FaultInjector");
        assertThat(run.message("resumesFromEveryCheckpointWithoutDuplicates"))
                .contains("'" + FullOnlyConnector.TYPE + "' does not declare Capability.INCREMENTAL");
        assertThat(run.message("deletedItemsAreNotEmittedByTheNextFullCrawl"))
                .contains("does not declare Capability.DELETIONS");
        assertThat(run.message("transientFaultIsRetryableOrRetriedInternally")).contains("no FaultInjector");
        assertThat(run.message("faultWhileListingAPartitionNeverDeclaresItComplete")).contains("no FaultInjector");
        assertThat(run.message("changedItemIsEmittedAgainWithANewVersion")).contains("does not declare Capability.UPDATES");
        assertThat(run.message("documentsCarryAnAclWhenTheConnectorDeclaresAcls")).contains("Capability.ACLS");
        assertThat(run.message("attachmentsFollowTheirParentInTheSamePartition")).contains("Capability.ATTACHMENTS");
        assertThat(run.message("binaryContentIsReadableOnceWithItsDeclaredLengthAndHash"))
                .contains("Capability.BINARY_CONTENT");
        // Without INCREMENTAL the cancellation test still runs, on a FULL crawl.
        assertThat(run.passed()).contains("cancelledCrawlStopsAndItsCheckpointCoversOnlyWhatItEmitted",
                "describesEveryCheckpointItEmits", "previewIncludesExactlyTheListedPartitions");
        assertThat(run.message("fullRecrawlOfAnUnchangedSourceDownloadsNothingWhenItUsesKnownDocuments"))
                .contains("never consults ConnectorContext.knownDocuments()");
        assertThat(run.failed()).isEmpty();
    }

    @Test
    void skipsTheUpdateAndListingFaultTestsWhenTheirHooksAreNotImplemented() {
        ContractRun run = ContractRun.of(WithoutOptionalHooksContract.class);

        assertThat(run.skipped()).containsExactlyInAnyOrder("changedItemIsEmittedAgainWithANewVersion",
                "faultWhileListingAPartitionNeverDeclaresItComplete",
                "fullRecrawlOfAnUnchangedSourceDownloadsNothingWhenItUsesKnownDocuments",
                "itemsThatFailedWithASourceReferenceAreFetchedAgainByRefetch");
        assertThat(run.message("changedItemIsEmittedAgainWithANewVersion"))
                .contains("SourceMutator.updateItem is not implemented");
        // The transient fault stops whole partitions, so no single item fails with a reference to fetch again.
        assertThat(run.message("itemsThatFailedWithASourceReferenceAreFetchedAgainByRefetch"))
                .contains("implement FaultInjector.injectItemFault");
        assertThat(run.message("faultWhileListingAPartitionNeverDeclaresItComplete"))
                .contains("FaultInjector.injectListingFault is not implemented");
        assertThat(run.failed()).isEmpty();
    }

    /** The example connector, tested with a mutator and an injector that implement only what they must. */
    static class WithoutOptionalHooksContract extends ExampleConnectorContractTest {
        @Override
        protected SourceMutator mutator() {
            SourceMutator full = super.mutator();
            return new SourceMutator() {
                @Override
                public void addItem(Partition partition) throws Exception {
                    full.addItem(partition);
                }

                @Override
                public void deleteItem(Partition partition) throws Exception {
                    full.deleteItem(partition);
                }
            };
        }

        @Override
        protected Optional<FaultInjector> faultInjector() {
            FaultInjector full = super.faultInjector().orElseThrow();
            return Optional.of(new FaultInjector() {
                @Override
                public void injectTransientFault() throws Exception {
                    full.injectTransientFault();
                }

                @Override
                public void clearFaults() throws Exception {
                    full.clearFaults();
                }
            });
        }
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
