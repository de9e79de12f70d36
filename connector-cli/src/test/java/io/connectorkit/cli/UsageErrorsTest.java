package io.connectorkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectorkit.cli.console.CommandContext;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Command lines picocli cannot parse are errors like every other: {@code error:} and one sentence
 * naming the option or argument, then the help to run, started the way the user started the
 * command. Exit 2, nothing on standard output.
 */
class UsageErrorsTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "nosuch                    | connector",
        "help nosuch               | connector",
        "--bogus                   | connector",
        "search                    | connector search",
        "search --size many -c x q | connector search",
        "status -c                 | connector status",
        "simulate                  | connector simulate",
        "demo --messages lots      | connector demo",
        "crawl --config x --fast   | connector crawl",
    })
    void aCommandLineThatDoesNotParseIsOneErrorSentenceAndTheHelpToRun(String line, String command) {
        CliRun run = CliRun.run(line.split(" "));
        assertThat(run.status).as(run.toString()).isEqualTo(2);
        assertThat(run.out).isEmpty();
        assertThat(run.err.lines().toList()).as(run.toString()).hasSize(2);
        String sentence = run.err.lines().findFirst().orElseThrow();
        assertThat(sentence).as("the error line").startsWith("error: ").doesNotContain("Error:").doesNotEndWith("..")
                .matches("error: \\S.*[^.][.?]");
        assertThat(run.err.lines().skip(1).findFirst().orElseThrow())
                .isEqualTo("Run '" + command + " --help' to see the options.");
    }

    @Test
    void aMisspelledCommandGetsASuggestion() {
        CliRun run = CliRun.run("stauts", "--config", "x.properties");
        assertThat(run.status).isEqualTo(2);
        assertThat(run.err.lines().findFirst().orElseThrow()).startsWith("error: ").endsWith("did you mean 'status'?");
    }

    @Test
    void theHelpToRunStartsAsTheLauncherWasStarted() {
        CliRun run = CliRun.run(Map.of(CommandContext.COMMAND_VARIABLE, "./connector"), "search", "--size", "many",
                "-c", "x", "q");
        assertThat(run.status).isEqualTo(2);
        assertThat(run.err).contains("error: Invalid value for option '--size': 'many' is not an int.\n")
                .endsWith("Run './connector search --help' to see the options.\n");
    }
}
