package io.connectorkit.cli.bench.measure;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** Prints the results as one table: scenario, figure, value, target, ratio to the limit, verdict. */
public final class BenchTable {
    private static final String ROW = "%-10s %-52s %14s %-9s %-21s  %-26s %7s  %s%n";

    private BenchTable() {
    }

    public static void print(PrintWriter out, List<ScenarioResult> results) {
        out.printf(Locale.ROOT, ROW, "scenario", "figure", "value", "unit", "min..max (runs)", "target",
                "ratio", "holds");
        for (ScenarioResult r : results) {
            String scenario = r.scenario();
            for (Figure f : r.figures()) {
                out.printf(Locale.ROOT, ROW, scenario, f.name(), number(f.value()), f.unit(), spread(f),
                        f.target(),
                        Double.isNaN(f.ratio()) ? "" : String.format(Locale.ROOT, "%.3f", f.ratio()),
                        f.holds() == null ? "" : f.holds() ? "yes" : "NO");
                scenario = "";
            }
            for (String note : r.notes()) {
                out.printf("%-10s   (%s)%n", "", note);
            }
        }
        out.flush();
    }

    /** The spread of a repeated figure, such as {@code 251..262 (3)}; empty for a figure measured once. */
    static String spread(Figure f) {
        return f.runs().size() < 2 ? "" : number(f.min()) + ".." + number(f.max()) + " (" + f.runs().size() + ")";
    }

    /** A number as the table shows it: integers with separators, others with 3 significant digits. */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) v);
        }
        double a = Math.abs(v);
        if (a >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return a >= 10 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.3f", v);
    }
}
