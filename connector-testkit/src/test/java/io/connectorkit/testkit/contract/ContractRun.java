package io.connectorkit.testkit.contract;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The outcome of running one contract suite subclass with the JUnit Platform launcher, by test
 * method name. Lets a test assert which contract tests a connector fails, passes or skips.
 *
 * @param results test method name to result
 */
record ContractRun(Map<String, TestExecutionResult> results) {

    /**
     * Runs every test of a class in this JVM.
     *
     * @param suite the test class
     * @return the results
     */
    static ContractRun of(Class<?> suite) {
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
        return new ContractRun(Map.copyOf(results));
    }

    List<String> failed() {
        return withStatus(TestExecutionResult.Status.FAILED);
    }

    List<String> passed() {
        return withStatus(TestExecutionResult.Status.SUCCESSFUL);
    }

    /** @return the tests skipped by an assumption */
    List<String> skipped() {
        return withStatus(TestExecutionResult.Status.ABORTED);
    }

    /**
     * The message of a test's failure or skip.
     *
     * @param test the test method name
     * @return the message, or an empty string when the test passed
     */
    String message(String test) {
        TestExecutionResult result = results.get(test);
        if (result == null) {
            throw new IllegalArgumentException("No test named " + test + " ran; ran: " + results.keySet());
        }
        return result.getThrowable().map(Throwable::getMessage).orElse("");
    }

    private List<String> withStatus(TestExecutionResult.Status status) {
        return new TreeMap<>(results).entrySet().stream().filter(e -> e.getValue().getStatus() == status)
                .map(Map.Entry::getKey).toList();
    }
}
