package io.connectorkit.cli.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;
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
