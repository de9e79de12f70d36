package io.connectorkit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectorkit.testkit.contract.example.AclFreeConnector;
import io.connectorkit.testkit.contract.example.ConstantVersionConnector;
import io.connectorkit.testkit.contract.example.ExampleConnectorContractTest;
import io.connectorkit.testkit.contract.example.ExampleFileTree;
import io.connectorkit.testkit.contract.example.ExampleFilesConnector;
import io.connectorkit.testkit.contract.example.IgnoresCancellationConnector;
import io.connectorkit.testkit.contract.example.LeakyGoodCredentialConnector;
import io.connectorkit.testkit.contract.example.MisreportedLengthConnector;
import io.connectorkit.testkit.contract.example.OrphanAttachmentConnector;
import io.connectorkit.testkit.contract.example.PreviewBeyondScopeConnector;
import io.connectorkit.testkit.contract.example.StartsOverWhenAheadConnector;
import io.connectorkit.testkit.contract.example.SwallowedListingFaultConnector;
import io.connectorkit.testkit.contract.example.UndeclaredSecretConnector;
import io.connectorkit.testkit.contract.example.UnreadableRewindConnector;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Proves the contract suite fails connectors that lose or leak data in ways an older suite let
 * pass: each runs the suite with the JUnit Platform launcher against the example connector with
 * one such bug and checks that the test guarding against it fails, naming the problem.
 */
class ConnectorsThatLoseOrLeakDataFailTheContractTest {

    @Test
    void completingAPartitionAfterAListingFaultFailsTheListingFaultTest() {
        ContractRun run = ContractRun.of(SwallowedListingFaultContract.class);

        assertThat(run.failed()).containsExactly("faultWhileListingAPartitionNeverDeclaresItComplete");
        assertThat(run.message("faultWhileListingAPartitionNeverDeclaresItComplete"))
                .contains("called partitionComplete() during a listing fault");
    }

    @Test
    void theGoodCredentialInOutputFailsTheHygieneTest() {
        ContractRun run = ContractRun.of(LeakyGoodCredentialContract.class);

        // Its check also shows the bad token in OK results, which the older check test reads.
        assertThat(run.failed()).containsExactly("checkReportsBadCredentialsAsAuthentication", "noOutputRepeatsACredential");
        assertThat(run.message("noOutputRepeatsACredential"))
                .contains("check() with good credentials, probe authentication shows the value of example.token (good)")
                .contains("session.toString() shows")
                .contains("partition alpha shows")
                .contains("upsert of document alpha/readme.txt shows")
                .contains("checkpoint shows")
                .contains("what was logged or printed")
                .doesNotContain(ExampleFileTree.GOOD_TOKEN);
    }

    @Test
    void aCredentialKeyNotDeclaredSecretFailsTheSecretDeclarationTest() {
        ContractRun run = ContractRun.of(UndeclaredSecretContract.class);

        assertThat(run.failed()).contains("credentialKeysAreDeclaredSecret", "noOutputRepeatsACredential",
                "checkReportsBadCredentialsAsAuthentication", "crawlWithBadCredentialsFailsWithAuthentication");
        assertThat(run.message("credentialKeysAreDeclaredSecret")).contains("[\"" + UndeclaredSecretConnector.BEARER + "\"]");
        // The key's name does not look like a secret, which is why the older test passed it.
        assertThat(run.passed()).contains("declaresSecretLookingKeysAsSecret", "fullCrawlEmitsEveryItemOnceWithUniqueIds");
    }

    @Test
    void aConstantVersionFailsTheUpdateTest() {
        ContractRun run = ContractRun.of(ConstantVersionContract.class);

        assertThat(run.failed()).containsExactly("changedItemIsEmittedAgainWithANewVersion");
        assertThat(run.message("changedItemIsEmittedAgainWithANewVersion"))
                .contains("ids whose version changed after updateItem(alpha)");
    }

    @Test
    void startingOverFromACheckpointAheadFailsTheCheckpointAheadTest() {
        ContractRun run = ContractRun.of(StartsOverWhenAheadContract.class);

        assertThat(run.failed()).containsExactly("checkpointFromAheadOfTheSourceDoesNotStartOver");
        assertThat(run.message("checkpointFromAheadOfTheSourceDoesNotStartOver"))
                .contains("partition alpha: 3 documents emitted again (allowed 0)");
    }

    @Test
    void aRewindTheCrawlRejectsFailsTheRewindTest() {
        ContractRun run = ContractRun.of(UnreadableRewindContract.class);

        assertThat(run.failed()).contains("rewoundCheckpointIsAcceptedAndReadsAgainFromThatTime");
        assertThat(run.message("rewoundCheckpointIsAcceptedAndReadsAgainFromThatTime"))
                .contains("the connector rejected its own rewound checkpoint: PERMANENT");
    }

    @Test
    void ignoringCancellationFailsTheCancellationTest() {
        ContractRun run = ContractRun.of(IgnoresCancellationContract.class);

        assertThat(run.failed()).containsExactly("cancelledCrawlStopsAndItsCheckpointCoversOnlyWhatItEmitted");
        assertThat(run.message("cancelledCrawlStopsAndItsCheckpointCoversOnlyWhatItEmitted"))
                .contains("writes attempted after the run was cancelled");
    }

    @Test
    void documentsWithoutAclsFailTheAclTest() {
        ContractRun run = ContractRun.of(AclFreeContract.class);

        assertThat(run.failed()).containsExactly("documentsCarryAnAclWhenTheConnectorDeclaresAcls");
    }

    @Test
    void attachmentsNamingAParentThatIsNotEmittedFailTheAttachmentTest() {
        ContractRun run = ContractRun.of(OrphanAttachmentContract.class);

        assertThat(run.failed()).contains("attachmentsFollowTheirParentInTheSamePartition");
        assertThat(run.message("attachmentsFollowTheirParentInTheSamePartition"))
                .contains("names parent only.txt, which that crawl did not emit before it");
    }

    @Test
    void aMisreportedContentLengthFailsTheBinaryContentTest() {
        ContractRun run = ContractRun.of(MisreportedLengthContract.class);

        assertThat(run.failed()).containsExactly("binaryContentIsReadableOnceWithItsDeclaredLengthAndHash");
        assertThat(run.message("binaryContentIsReadableOnceWithItsDeclaredLengthAndHash"))
                .contains("declaredLength=9, bytesRead=8");
    }

    @Test
    void aPreviewBeyondTheListedPartitionsFailsThePreviewTest() {
        ContractRun run = ContractRun.of(PreviewBeyondScopeContract.class);

        assertThat(run.failed()).containsExactly("previewIncludesExactlyTheListedPartitions");
        assertThat(run.message("previewIncludesExactlyTheListedPartitions")).contains("folder .token");
    }

    @Test
    void theExampleConnectorPassesEveryTestItDeclares() {
        ContractRun run = ContractRun.of(ExampleConnectorContractTest.class);

        assertThat(run.failed()).isEmpty();
        assertThat(run.passed()).contains("faultWhileListingAPartitionNeverDeclaresItComplete",
                "noOutputRepeatsACredential", "credentialKeysAreDeclaredSecret",
                "changedItemIsEmittedAgainWithANewVersion", "checkpointFromAheadOfTheSourceDoesNotStartOver",
                "rewoundCheckpointIsAcceptedAndReadsAgainFromThatTime", "describesEveryCheckpointItEmits",
                "cancelledCrawlStopsAndItsCheckpointCoversOnlyWhatItEmitted",
                "documentsCarryAnAclWhenTheConnectorDeclaresAcls", "attachmentsFollowTheirParentInTheSamePartition",
                "binaryContentIsReadableOnceWithItsDeclaredLengthAndHash", "previewIncludesExactlyTheListedPartitions");
    }

    /** The contract run against {@link SwallowedListingFaultConnector}; fails by design (static nested: see
     * {@link BrokenConnectorsFailTheContractTest}). */
    static class SwallowedListingFaultContract extends ExampleConnectorContractTest {
        @Override
        protected String connectorType() {
            return SwallowedListingFaultConnector.TYPE;
        }
    }

    /** The contract run against {@link LeakyGoodCredentialConnector}; fails by design. */
    static class LeakyGoodCredentialContract extends ExampleConnectorContractTest {
        @Override
        protected String connectorType() {
            return LeakyGoodCredentialConnector.TYPE;
        }
    }

    /** The contract run against {@link UndeclaredSecretConnector}, whose token key is {@code example.bearer}. */
    static class UndeclaredSecretContract extends ExampleConnectorContractTest {
        @Override
        protected String connectorType() {
            return UndeclaredSecretConnector.TYPE;
        }

        @Override
        protected Map<String, String> config() {
            return bearer(super.config());
        }

        @Override
        protected Map<String, String> configWithBadCredentials() {
            return bearer(super.configWithBadCredentials());
        }

        private static Map<String, String> bearer(Map<String, String> example) {
            return Map.of(ExampleFilesConnector.ROOT, example.get(ExampleFilesConnector.ROOT),
                    UndeclaredSecretConnector.BEARER, example.get(ExampleFilesConnector.TOKEN));
        }
    }

    /** The contract run against {@link ConstantVersionConnector}; fails by design. */
    static class ConstantVersionContract extends ExampleConnectorContractTest {
        @Override
        protected String connectorType() {
            return ConstantVersionConnector.TYPE;
        }
    }

    /** The contract run against {@link StartsOverWhenAheadConnector}; fails by design. */
    static class StartsOverWhenAheadContract extends ExampleConnectorContractTest {
        @Override
        protected String connectorType() {
            return StartsOverWhenAheadConnector.TYPE;
        }
    }

    /** The contract run against {@link UnreadableRewindConnector}; fails by design. */
    static class UnreadableRewindContract extends ExampleConnectorContractTest {
        @Override
        protected String connectorType() {
            return UnreadableRewindConnector.TYPE;
        }
    }

    /** The contract run against {@link IgnoresCancellationConnector}; fails by design. */
    static class IgnoresCancellationContract extends ExampleConnectorContractTest {
        @Override
        protected String connectorType() {
            return IgnoresCancellationConnector.TYPE;
        }
    }

    /** The contract run against {@link AclFreeConnector}; fails by design. */
    static class AclFreeContract extends ExampleConnectorContractTest {
        @Override
        protected String connectorType() {
            return AclFreeConnector.TYPE;
        }
    }

    /** The contract run against {@link OrphanAttachmentConnector}; fails by design. */
    static class OrphanAttachmentContract extends ExampleConnectorContractTest {
        @Override
        protected String connectorType() {
            return OrphanAttachmentConnector.TYPE;
        }
    }

    /** The contract run against {@link MisreportedLengthConnector}; fails by design. */
    static class MisreportedLengthContract extends ExampleConnectorContractTest {
        @Override
        protected String connectorType() {
            return MisreportedLengthConnector.TYPE;
        }
    }

    /** The contract run against {@link PreviewBeyondScopeConnector}; fails by design. */
    static class PreviewBeyondScopeContract extends ExampleConnectorContractTest {
        @Override
        protected String connectorType() {
            return PreviewBeyondScopeConnector.TYPE;
        }
    }
}
