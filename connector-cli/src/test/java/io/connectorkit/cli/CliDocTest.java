package io.connectorkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectorkit.cli.console.CommandContext;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/cli.md shows each command's --help as the command prints it: a block marked
 * {@code help=NAME} must equal {@code connector NAME --help}, and every command has one.
 */
class CliDocTest {
    private static final Pattern BLOCK = Pattern.compile("```text help=(\\S+)\n(.*?)```", Pattern.DOTALL);

    @Test
    void everyCommandsHelpIsInTheDocAsItIsPrinted() throws IOException {
        String doc = Files.readString(RepoFiles.resolve("docs/cli.md"), StandardCharsets.UTF_8);
        Map<String, String> blocks = new LinkedHashMap<>();
        Matcher m = BLOCK.matcher(doc);
        while (m.find()) {
            blocks.put(m.group(1), m.group(2));
        }
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("connector", CliRun.run("--help").out);
        for (String name : ConnectorCli.create(new CommandContext(new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), false, Map.of())).getSubcommands().keySet()) {
            expected.put(name, CliRun.run(name, "--help").out);
        }
        assertThat(blocks.keySet()).as("commands with a help block in docs/cli.md").containsExactlyInAnyOrderElementsOf(
                expected.keySet());
        expected.forEach((name, help) -> assertThat(blocks.get(name))
                .as("docs/cli.md shows the help of '%s'; paste the output of 'connector %s --help' into its block", name,
                        name.equals("connector") ? "" : name)
                .isEqualTo(help));
    }
}
