package io.connectorkit.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.connectorkit.cli.ConnectorCli;
import io.connectorkit.cli.console.CommandContext;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bench command's options and the scale scenario's arithmetic, without starting an index. */
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
        assertThat(out.toString()).contains("--scenario", "--json", "--scale", "--repeat", "--profile");
    }

    @Test
    void rejectsARepeatOutOfRange() {
        assertThat(run("bench", "--repeat", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--repeat 0", "from 1 to 100");
    }

    @Test
    void rejectsAnUnknownScenarioNamingTheKnownOnes() {
        assertThat(run("bench", "--scenario", "fastest")).isEqualTo(2);
        assertThat(err.toString()).contains("fastest", "raw, full, extract, index, calls, throttled, quota, delta, recrawl, memory, demo, scale");
    }

    @Test
    void rejectsAScaleOutOfRange() {
        assertThat(run("bench", "--scale", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--scale 0.0", "above 0");
    }

    @Test
    void theScaleExponentIsTheSlopeOfLogTimeOnLogMessages() {
        double[] x = {Math.log(1000), Math.log(2000), Math.log(4000)};
        double[] linear = {Math.log(10), Math.log(20), Math.log(40)};
        double[] quadratic = {Math.log(10), Math.log(40), Math.log(160)};
        assertThat(ScaleScenario.slope(x, linear)).isCloseTo(1.0, within(1e-9));
        assertThat(ScaleScenario.slope(x, quadratic)).isCloseTo(2.0, within(1e-9));
    }
}
