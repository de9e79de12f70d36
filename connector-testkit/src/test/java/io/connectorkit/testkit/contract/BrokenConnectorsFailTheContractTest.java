package io.connectorkit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectorkit.testkit.contract.example.EarlyCheckpointConnector;
import io.connectorkit.testkit.contract.example.RandomIdsConnector;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Proves the contract suite can fail: runs it with the JUnit Platform launcher against
 * connectors with one deliberate bug each, and checks that exactly the tests guarding against
 * that bug fail while the others still pass.
 */
class BrokenConnectorsFailTheContractTest {

    @Test
    void randomIdsFailTheIdStabilityTests() {
        Map<String, TestExecutionResult> results = run(RandomIdsContract.class);

        assertThat(failed(results)).contains(
                "idsAreDeterministicAcrossSessions",
                "secondFullCrawlEmitsSameIdsAndVersions",
                "crawlsPartitionsConcurrentlyWithTheSameResult",
                "resumesFromEveryCheckpointWithoutDuplicates",
                "incrementalCrawlAfterAChangeEmitsOnlyTheChange");
        assertThat(message(results, "idsAreDeterministicAcrossSessions"))
                .contains("ids of a full crawl in a second session");
        assertThat(passed(results)).contains(
                "isFoundByServiceLoaderUnderItsType",
                "fullCrawlEmitsEveryItemOnceWithUniqueIds",
                "checkReportsBadCredentialsAsAuthentication",
                "closeIsIdempotentAndNeverThrows");
    }

    @Test
    void checkpointsAheadOfTheirDocumentsFailTheResumeTest() {
        Map<String, TestExecutionResult> results = run(EarlyCheckpointContract.class);

        assertThat(failed(results)).containsExactly("resumesFromEveryCheckpointWithoutDuplicates");
        assertThat(message(results, "resumesFromEveryCheckpointWithoutDuplicates"))
                .contains("items never emitted (the checkpoint skips them)");
        assertThat(passed(results)).hasSize(results.size() - 1);
    }

    @Test
    void theExampleConnectorPassesEveryTestWhenRunTheSameWay() {
        Map<String, TestExecutionResult> results = run(ExampleConnectorContractTest.class);

        assertThat(results).hasSizeGreaterThanOrEqualTo(19);
        assertThat(failed(results)).isEmpty();
    }

    private static Map<String, TestExecutionResult> run(Class<?> suite) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectClass(suite)).build();
        Map<String, TestExecutionResult> results = new TreeMap<>();
        TestExecutionListener listener = new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                if (test.isTest() && test.getSource().orElse(null) instanceof MethodSource method) {
                    synchronized (results) {
                        results.put(method.getMethodName(), result);
                    }
                }
            }
        };
        LauncherFactory.create().execute(request, listener);
        return results;
    }

    private static java.util.List<String> failed(Map<String, TestExecutionResult> results) {
        return withStatus(results, TestExecutionResult.Status.FAILED);
    }

    private static java.util.List<String> passed(Map<String, TestExecutionResult> results) {
        return withStatus(results, TestExecutionResult.Status.SUCCESSFUL);
    }

    private static java.util.List<String> withStatus(Map<String, TestExecutionResult> results,
            TestExecutionResult.Status status) {
        return results.entrySet().stream().filter(e -> e.getValue().getStatus() == status)
                .map(Map.Entry::getKey).toList();
    }

    private static String message(Map<String, TestExecutionResult> results, String test) {
        return results.get(test).getThrowable().map(Throwable::getMessage).orElse("");
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

    /** The contract run against {@link EarlyCheckpointConnector}; fails by design, see above. */
    static class EarlyCheckpointContract extends ExampleConnectorContractTest {
        @Override
        protected String connectorType() {
            return EarlyCheckpointConnector.TYPE;
        }
    }
}
