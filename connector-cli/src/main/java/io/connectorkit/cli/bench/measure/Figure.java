package io.connectorkit.cli.bench.measure;

import static java.util.Objects.requireNonNull;


/**
 * One measured figure of a scenario, with the target it is held to. A target compares the figure
 * with a limit measured in the same run (or a fixed bound such as the simulator's configured rate):
 * {@code ratio} is value / limit, and {@code holds} says whether the target is met. Figures that are
 * only reported have no target.
 *
 * @param name what was measured, such as {@code documents/s}
 * @param value the measurement
 * @param unit the unit of the value, such as {@code docs/s}; may be empty
 * @param target the target in words, such as {@code >= 0.5 x raw}; empty when only reported
 * @param ratio value / limit, or {@code NaN} when there is no limit
 * @param holds {@code TRUE}/{@code FALSE} when there is a target, {@code null} when only reported
 */
public record Figure(String name, double value, String unit, String target, double ratio, Boolean holds) {
    /**
     * Checks the components.
     *
     * @throws NullPointerException if the name, unit or target is {@code null}
     */
    public Figure {
        requireNonNull(name, "name");
        requireNonNull(unit, "unit");
        requireNonNull(target, "target");
    }

    /**
     * A figure that is only reported.
     *
     * @param name what was measured
     * @param value the measurement
     * @param unit its unit
     * @return the figure
     */
    public static Figure reported(String name, double value, String unit) {
        return new Figure(name, value, unit, "", Double.NaN, null);
    }

    /**
     * A figure that must reach at least {@code share} times a limit.
     *
     * @param name what was measured
     * @param value the measurement
     * @param unit its unit
     * @param limit the limit measured in the same run
     * @param share the share of the limit the figure must reach
     * @param limitName the limit in words, for the target text
     * @return the figure
     */
    public static Figure atLeast(String name, double value, String unit, double limit, double share, String limitName) {
        double ratio = value / limit;
        return new Figure(name, value, unit, ">= " + share + " x " + limitName, ratio, ratio >= share);
    }

    /**
     * A figure that may reach at most {@code share} times a limit.
     *
     * @param name what was measured
     * @param value the measurement
     * @param unit its unit
     * @param limit the limit measured in the same run
     * @param share the largest allowed share of the limit
     * @param limitName the limit in words, for the target text
     * @return the figure
     */
    public static Figure atMost(String name, double value, String unit, double limit, double share, String limitName) {
        double ratio = value / limit;
        return new Figure(name, value, unit, "<= " + share + " x " + limitName, ratio, ratio <= share);
    }

    /**
     * A figure that must not exceed a fixed bound (a count that must be zero, a share).
     *
     * @param name what was measured
     * @param value the measurement
     * @param unit its unit
     * @param bound the largest allowed value
     * @return the figure; its ratio is {@code NaN} since the bound is not a measured limit
     */
    public static Figure noMoreThan(String name, double value, String unit, double bound) {
        return new Figure(name, value, unit, "<= " + BenchTable.number(bound), Double.NaN, value <= bound);
    }
}
