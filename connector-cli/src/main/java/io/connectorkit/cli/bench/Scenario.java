package io.connectorkit.cli.bench;

import io.connectorkit.cli.bench.measure.ScenarioResult;

/**
 * One benchmark scenario. It measures through the {@link BenchScenarios} (which runs the scenarios it
 * depends on first, once) and returns its figures; it asserts nothing.
 */
interface Scenario {
    /** @return the name {@code --scenario} takes */
    String name();

    /** @return one line saying what is measured */
    String description();

    /**
     * Runs the scenario.
     *
     * @param run the run, for the environment and the results of other scenarios
     * @return the figures
     * @throws Exception if the scenario cannot run
     */
    ScenarioResult run(BenchScenarios run) throws Exception;
}
