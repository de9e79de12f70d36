package io.connectorkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectorkit.cli.console.CommandContext;
import io.connectorkit.embedded.testing.SharedSearchNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command, run as a user would: {@code ./connector demo} in a directory of its
 * own, with the default {@code --data-dir}. It ends by itself with a summary and hits, prints what
 * the README shows (the same lines and words; the numbers differ), and the commands it suggests
 * can be typed as they are. The demo starts an embedded node of its own, so the class runs in a
 * JVM without the shared one.
 */
@Tag(SharedSearchNode.OWN_NODE)
class DemoIT {
    /** The README's transcript of {@code ./connector demo}, from its prompt line to the fence. */
    private static final Pattern README_DEMO = Pattern.compile("```text\n\\$ \\./connector demo\n(.*?)```",
            Pattern.DOTALL);

    @TempDir
    Path dir;

    @Test
    void demoCrawlsTheSimulatorAndPrintsWhatTheReadmeShows() throws Exception {
        // As the launcher runs it: CONNECTOR_COMMAND says how the user started the command.
        CliRun run = ConnectorProcess.runMerged(dir, Map.of(CommandContext.COMMAND_VARIABLE, "./connector"),
                "demo", "--messages", "480");
        String out = run.out;
        // Every generated attachment is a real file of its type, so nothing may fail.
        assertThat(run.status).as(run.toString()).isZero();
        assertThat(out).contains("Starting the Mimecast simulator and the embedded index (data in ./data/demo)...",
                "mailboxes    24 crawled, 0 failed, 24 in scope", "mailboxes 24/24", "Sample search for 'invoice':",
                "Query the index yourself:",
                "  ./connector search --config ./data/demo/demo.properties invoice",
                "  ./connector status --config ./data/demo/demo.properties",
                "  (or run './connector demo --keep-running', which keeps the index up and prints its URL");
        assertThat(out).containsPattern("documents +[1-9][0-9,]* indexed")
                .containsPattern("indexed +[1-9][0-9,]* messages and [1-9][0-9,]* attachments")
                .doesNotContain("unexpected failure");
        // Commands meant for later never carry this run's ports: the next run listens on others.
        String port = portOf(out, "index at http://127.0.0.1:(\\d+)");
        assertThat(out.substring(out.indexOf("Query the index yourself:"))).doesNotContain(port);

        List<String> readme = readmeTranscript();
        assertThat(TranscriptShape.of(out.lines().toList()))
                .as("README.md's transcript of './connector demo' has the lines and words of a real run; paste"
                        + " this run's output into it (the numbers may differ):\n%s", out)
                .containsExactlyElementsOf(TranscriptShape.of(readme));
        assertThat(out.lines().filter(l -> l.matches(" ?\\d+\\. .*")).count()).as("hits shown")
                .isEqualTo(readme.stream().filter(l -> l.matches(" ?\\d+\\. .*")).count());

        // The demo's index stays on disk: its configuration answers status without the simulator.
        Path data = dir.resolve("data/demo");
        CliRun status = CliRun.run("status", "--config", data.resolve("demo.properties").toString());
        assertThat(status.out).contains("24 mailboxes");

        // Running it again starts from scratch in its own directory, and refuses a foreign one.
        Path foreign = Files.createDirectories(dir.resolve("mine"));
        Files.writeString(foreign.resolve("keep.txt"), "mine");
        CliRun refused = CliRun.run("demo", "--data-dir", foreign.toString());
        assertThat(refused.status).isEqualTo(2);
        assertThat(refused.err).contains(foreign.toAbsolutePath().toString(), "did not create");
        assertThat(foreign.resolve("keep.txt")).exists();
    }

    private static List<String> readmeTranscript() throws IOException {
        String readme = Files.readString(RepoFiles.resolve("README.md"), StandardCharsets.UTF_8);
        Matcher m = README_DEMO.matcher(readme);
        assertThat(m.find()).as("README.md has a ```text block starting with '$ ./connector demo'").isTrue();
        return m.group(1).lines().toList();
    }

    private static String portOf(String out, String regex) {
        Matcher m = Pattern.compile(regex).matcher(out);
        assertThat(m.find()).as("'%s' in\n%s", regex, out).isTrue();
        return m.group(1);
    }
}
