package io.connectorkit.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.connectorkit.cli.CommandContext;
import io.connectorkit.cli.ConnectorCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bench command's options and the engine's arithmetic, without starting an index. */
class BenchCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandContext context = new CommandContext(new PrintWriter(out, true), new PrintWriter(err, true), false,
                Map.of());
        return ConnectorCli.create(context).execute(args);
    }

    @Test
    void isASubcommandOfConnectorWithItsOptions() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("bench");
        assertThat(run("bench", "--help")).isZero();
        assertThat(out.toString()).contains("--scenario", "--json", "--scale");
    }

    @Test
    void rejectsAnUnknownScenarioNamingTheKnownOnes() {
        assertThat(run("bench", "--scenario", "fastest")).isEqualTo(2);
        assertThat(err.toString()).contains("fastest", "raw, full, calls, throttled, quota, delta, recrawl, memory, scale");
    }

    @Test
    void rejectsAScaleOutOfRange() {
        assertThat(run("bench", "--scale", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--scale 0.0", "above 0");
    }

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
    void theScaleExponentIsTheSlopeOfLogTimeOnLogMessages() {
        double[] x = {Math.log(1000), Math.log(2000), Math.log(4000)};
        double[] linear = {Math.log(10), Math.log(20), Math.log(40)};
        double[] quadratic = {Math.log(10), Math.log(40), Math.log(160)};
        assertThat(ScaleScenario.slope(x, linear)).isCloseTo(1.0, within(1e-9));
        assertThat(ScaleScenario.slope(x, quadratic)).isCloseTo(2.0, within(1e-9));
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

    @Test
    void archivesHaveTheScenarioShapesAndShrinkWithTheScale() {
        assertThat(BenchArchives.full(1, 1).mailboxCount()).isEqualTo(20);
        assertThat(BenchArchives.full(1, 1).messagesPerView() * 2).isEqualTo(1000);
        assertThat(BenchArchives.full(1, 4).messagesPerView()).isEqualTo(2000);
        assertThat(BenchArchives.full(0.01, 1).messagesPerView()).isEqualTo(5);
        assertThat(BenchArchives.memory(1).hugeAttachmentBytes()).isEqualTo(500L << 20);
        assertThat(BenchArchives.memory(1).mailboxCount() * BenchArchives.memory(1).messagesPerView() * 2)
                .isEqualTo(5000);
    }
}
