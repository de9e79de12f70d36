package io.connectorkit.cli.bench.measure;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

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
 * @param runs every timed run's value when the figure is the median of repeated runs, in run order;
 *     empty for a figure measured once
 */
public record Figure(String name, double value, String unit, String target, double ratio, Boolean holds,
        List<Double> runs) {
    /**
     * Checks the components and copies the runs.
     *
     * @throws NullPointerException if the name, unit, target or runs is {@code null}
     */
    public Figure {
        requireNonNull(name, "name");
        requireNonNull(unit, "unit");
        requireNonNull(target, "target");
        runs = List.copyOf(requireNonNull(runs, "runs"));
    }

    /**
     * A figure measured once.
     *
     * @param name what was measured
     * @param value the measurement
     * @param unit its unit
     * @param target the target in words, or empty
     * @param ratio value / limit, or {@code NaN}
     * @param holds the verdict, or {@code null}
     */
    public Figure(String name, double value, String unit, String target, double ratio, Boolean holds) {
        this(name, value, unit, target, ratio, holds, List.of());
    }

    /**
     * The same figure with the values of the runs it is the median of.
     *
     * @param values every timed run's value, in run order
     * @return the figure
     */
    public Figure withRuns(List<Double> values) {
        return new Figure(name, value, unit, target, ratio, holds, values);
    }

    /** @return the smallest run, or the value when measured once */
    public double min() {
        return runs.stream().mapToDouble(Double::doubleValue).min().orElse(value);
    }

    /** @return the largest run, or the value when measured once */
    public double max() {
        return runs.stream().mapToDouble(Double::doubleValue).max().orElse(value);
    }

    /**
     * The median of repeated runs (the mean of the middle two for an even count).
     *
     * @param values the runs' values, at least one
     * @return the median
     * @throws IllegalArgumentException if there is no value
     */
    public static double median(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no run to take the median of");
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /**
     * The median of repeated runs, reported without a target.
     *
     * @param name what was measured
     * @param values every run's value
     * @param unit its unit
     * @return the figure
     */
    public static Figure reported(String name, List<Double> values, String unit) {
        return reported(name, median(values), unit).withRuns(values);
    }

    /**
     * A figure that must reach at least {@code share} times a limit, from runs that alternated
     * with the limit's: the value is the median of the runs, the ratio the median of each run's
     * ratio to the limit's run beside it, so that drift of the machine touches both.
     *
     * @param name what was measured
     * @param values every run's value, in run order
     * @param unit its unit
     * @param limits the limit's runs, one beside each value
     * @param share the share of the limit the figure must reach
     * @param limitName the limit in words
     * @return the figure
     * @throws IllegalArgumentException if the lists differ in length
     */
    public static Figure atLeastPaired(String name, List<Double> values, String unit, List<Double> limits,
            double share, String limitName) {
        return new Figure(name, median(values), unit, ">= " + share + " x " + limitName,
                median(ratios(values, limits)), median(ratios(values, limits)) >= share, values);
    }

    /**
     * A figure that may reach at most {@code share} times a limit, measured once per run: the
     * median of the runs against a limit (itself a median).
     *
     * @param name what was measured
     * @param values every run's value
     * @param unit its unit
     * @param limit the limit
     * @param share the largest allowed share
     * @param limitName the limit in words
     * @return the figure
     */
    public static Figure atMost(String name, List<Double> values, String unit, double limit, double share,
            String limitName) {
        return atMost(name, median(values), unit, limit, share, limitName).withRuns(values);
    }

    /**
     * Each value divided by the limit beside it.
     *
     * @param values the values
     * @param limits the limits, as many
     * @return the ratios
     */
    public static List<Double> ratios(List<Double> values, List<Double> limits) {
        if (values.size() != limits.size()) {
            throw new IllegalArgumentException(values.size() + " runs against " + limits.size()
                    + " runs of the limit; alternate them one for one");
        }
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            out.add(values.get(i) / limits.get(i));
        }
        return out;
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
