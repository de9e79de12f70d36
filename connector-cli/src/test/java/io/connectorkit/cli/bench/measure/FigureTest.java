package io.connectorkit.cli.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Figures against their limits, and the table that prints them. */
class FigureTest {
    @Test
    void figuresCompareWithTheirLimit() {
        Figure fast = Figure.atLeast("documents/s", 60, "docs/s", 100, 0.5, "raw");
        assertThat(fast.ratio()).isCloseTo(0.6, within(1e-9));
        assertThat(fast.holds()).isTrue();
        assertThat(fast.target()).isEqualTo(">= 0.5 x raw");
        assertThat(Figure.atLeast("documents/s", 40, "docs/s", 100, 0.5, "raw").holds()).isFalse();
        assertThat(Figure.atMost("wall time", 6, "s", 100, 0.05, "full").holds()).isFalse();
        assertThat(Figure.atMost("wall time", 5, "s", 100, 0.05, "full").holds()).isTrue();
        assertThat(Figure.noMoreThan("documents lost", 1, "docs", 0).holds()).isFalse();
        assertThat(Figure.reported("heap", 12, "MB").holds()).isNull();
    }

    @Test
    void aRepeatedFigureIsTheMedianOfItsRunsWithTheirSpread() {
        assertThat(Figure.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
        assertThat(Figure.median(List.of(4.0, 1.0, 2.0, 3.0))).isEqualTo(2.5);
        Figure f = Figure.reported("wall time", List.of(12.0, 10.0, 11.0), "s");
        assertThat(f.value()).isEqualTo(11.0);
        assertThat(f.min()).isEqualTo(10.0);
        assertThat(f.max()).isEqualTo(12.0);
        assertThat(f.runs()).containsExactly(12.0, 10.0, 11.0);
        Figure once = Figure.reported("heap", 12, "MB");
        assertThat(once.runs()).isEmpty();
        assertThat(once.min()).isEqualTo(12.0);
        assertThat(BenchTable.spread(f)).isEqualTo("10..12 (3)");
        assertThat(BenchTable.spread(once)).isEmpty();
    }

    @Test
    void aPairedRatioIsTheMedianOfEachRunsRatioToTheRunBesideIt() {
        // Drift: the second pair ran on a slower machine; each pair's ratio is 0.8, 0.9, 0.95.
        Figure full = Figure.atLeastPaired("documents/s", List.of(80.0, 45.0, 95.0), "docs/s",
                List.of(100.0, 50.0, 100.0), 0.9, "raw");
        assertThat(full.value()).isEqualTo(80.0);
        assertThat(full.ratio()).isCloseTo(0.9, within(1e-9));
        assertThat(full.holds()).isTrue();
        assertThat(full.target()).isEqualTo(">= 0.9 x raw");
        assertThatThrownBy(() -> Figure.ratios(List.of(1.0), List.of(1.0, 2.0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alternate");
        assertThatThrownBy(() -> Figure.median(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theTablePrintsEveryFigureWithTargetRatioAndVerdict() {
        StringWriter table = new StringWriter();
        BenchTable.print(new PrintWriter(table), List.of(new ScenarioResult("full", List.of(
                Figure.atLeast("documents/s", 60, "docs/s", 100, 0.5, "raw"),
                Figure.noMoreThan("documents lost", 3, "docs", 0)), List.of("a note"))));
        assertThat(table.toString()).contains("full", "documents/s", "60", ">= 0.5 x raw", "0.600", "yes",
                "documents lost", "NO", "(a note)");
        assertThat(BenchTable.number(12345)).isEqualTo("12,345");
        assertThat(BenchTable.number(0.0123)).isEqualTo("0.012");
    }
}
