package io.connectorkit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectorkit.testkit.contract.example.EarlyCheckpointConnector;
import io.connectorkit.testkit.contract.example.ExampleConnectorContractTest;
import io.connectorkit.testkit.contract.example.LeakySecretConnector;
import io.connectorkit.testkit.contract.example.RandomIdsConnector;
import io.connectorkit.testkit.contract.example.RedownloadingConnector;
import org.junit.jupiter.api.Test;

/**
 * Proves the contract suite can fail: runs it with the JUnit Platform launcher against
 * connectors with one deliberate bug each, and checks that the tests guarding against that bug
 * fail while the others still pass.
 */
class BrokenConnectorsFailTheContractTest {

    @Test
    void randomIdsFailTheIdStabilityTests() {
        ContractRun run = ContractRun.of(RandomIdsContract.class);

        assertThat(run.failed()).contains(
                "idsAreDeterministicAcrossSessions",
                "secondFullCrawlEmitsSameIdsAndVersions",
                "crawlsPartitionsConcurrentlyWithTheSameResult",
                "resumesFromEveryCheckpointWithoutDuplicates",
                "incrementalCrawlAfterAChangeEmitsOnlyTheChange");
        assertThat(run.message("idsAreDeterministicAcrossSessions"))
                .contains("ids of a full crawl in a second session");
        assertThat(run.passed()).contains(
                "isFoundByServiceLoaderUnderItsType",
                "fullCrawlEmitsEveryItemOnceWithUniqueIds",
                "checkReportsBadCredentialsAsAuthentication",
                "closeIsIdempotentAndNeverThrows");
    }

    @Test
    void checkpointsAheadOfTheirDocumentsFailOnlyTheResumeTest() {
        ContractRun run = ContractRun.of(EarlyCheckpointContract.class);

        assertThat(run.failed()).containsExactly("resumesFromEveryCheckpointWithoutDuplicates");
        assertThat(run.message("resumesFromEveryCheckpointWithoutDuplicates"))
                .contains("checkpoint 0 '1704067200000|alpha/readme.txt': items never emitted"
                        + " (the checkpoint skips them): [alpha/readme.txt]");
        assertThat(run.passed()).hasSize(run.results().size() - 1 - run.skipped().size());
    }

    @Test
    void redownloadingKnownContentFailsOnlyTheDownloadTest() {
        ContractRun run = ContractRun.of(RedownloadingContract.class);

        assertThat(run.failed()).containsExactly("fullRecrawlOfAnUnchangedSourceDownloadsNothingWhenItUsesKnownDocuments");
        assertThat(run.message("fullRecrawlOfAnUnchangedSourceDownloadsNothingWhenItUsesKnownDocuments"))
                .contains("downloads and bytes downloaded by a second full crawl");
        assertThat(run.skipped()).isEmpty();
    }

    @Test
    void secretsInErrorMessagesFailOnlyTheCredentialTests() {
        ContractRun run = ContractRun.of(LeakySecretContract.class);

        assertThat(run.failed()).containsExactly("checkReportsBadCredentialsAsAuthentication",
                "crawlWithBadCredentialsFailsWithAuthentication", "noOutputRepeatsACredential");
        assertThat(run.message("crawlWithBadCredentialsFailsWithAuthentication"))
                .contains("a message shown to administrators repeats a credential")
                .contains("shows the value of example.token (bad)").doesNotContain("wrong-token-93c2");
    }

    @Test
    void theExampleConnectorPassesEveryTestWhenRunTheSameWay() {
        ContractRun run = ContractRun.of(ExampleConnectorContractTest.class);

        assertThat(run.results()).hasSizeGreaterThanOrEqualTo(20);
        assertThat(run.failed()).isEmpty();
        // The example reads files whole and reports no download metrics, so there is nothing to skip.
        assertThat(run.skipped()).containsExactly("fullRecrawlOfAnUnchangedSourceDownloadsNothingWhenItUsesKnownDocuments");
    }

    /**
     * The contract run against {@link RandomIdsConnector}. Static nested, so neither surefire
     * (which skips nested classes) nor Jupiter (which runs only {@code @Nested} inner classes)
     * runs it on its own: it fails by design.
     */
    static class RandomIdsContract extends ExampleConnectorContractTest {
        @Override
        protected String connectorType() {
            return RandomIdsConnector.TYPE;
        }
    }

    /** The contract run against {@link LeakySecretConnector}; fails by design, see above. */
    static class LeakySecretContract extends ExampleConnectorContractTest {
        @Override
        protected String connectorType() {
            return LeakySecretConnector.TYPE;
        }
    }

    /** The contract run against {@link RedownloadingConnector}; fails by design, see above. */
    static class RedownloadingContract extends ExampleConnectorContractTest {
        @Override
        protected String connectorType() {
            return RedownloadingConnector.TYPE;
        }
    }

    /** The contract run against {@link EarlyCheckpointConnector}; fails by design, see above. */
    static class EarlyCheckpointContract extends ExampleConnectorContractTest {
        @Override
        protected String connectorType() {
            return EarlyCheckpointConnector.TYPE;
        }
    }
}
