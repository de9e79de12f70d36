package io.connectorkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectorkit.cli.bench.measure.ChildJvm;
import io.connectorkit.cli.command.SimulatorOptions;
import io.connectorkit.embedded.EmbeddedSearchNode;
import io.connectorkit.embedded.testing.SharedSearchNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code connector simulate} as a user runs it: in a process of its own, then crawled with the
 * configuration and the secret its banner prints. What the banner says it serves is what a
 * {@code preview} of it finds.
 */
@ExtendWith(SharedSearchNode.class)
class SimulateCommandIT {
    private static final Pattern SERVES = Pattern.compile(
            "Simulated Mimecast API 2\\.0 at (\\S+): (\\d+) mailboxes in (\\d+) domains, plus (\\d+) in 1 local domain"
                    + " that a crawl leaves out by default \\(seed 1\\)\\.");
    private static final Pattern SECRET = Pattern.compile(
            "Crawl it with this configuration \\(export MIMECAST_CLIENT_SECRET=(\\S+) first: the simulator's test"
                    + " secret, the --client-secret default\\):");

    @TempDir
    Path dir;

    @Test
    void theBannerSaysWhatIsServedAndTheSecretThatCrawlsIt(EmbeddedSearchNode node) throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        // 5 mailboxes over 2 domains: rounded up to 3 in each, as --mailboxes says.
        ProcessBuilder pb = new ProcessBuilder(ChildJvm.jar(List.of("-Xmx256m"), ConnectorProcess.jar(),
                List.of("simulate", "--port", String.valueOf(port), "--mailboxes", "5", "--messages", "40",
                        "--stop-after", "120")))
                .directory(dir.toFile()).redirectError(dir.resolve("err.txt").toFile());
        Process simulator = pb.start();
        try {
            List<String> banner = readUntil(simulator, "Press Ctrl-C to stop.");
            String first = banner.get(0);
            Matcher serves = SERVES.matcher(first);
            assertThat(serves.matches()).as("the first line: %s", first).isTrue();
            assertThat(serves.group(1)).isEqualTo("http://127.0.0.1:" + port);
            assertThat(serves.group(2)).isEqualTo("6");
            assertThat(serves.group(3)).isEqualTo("2");
            assertThat(serves.group(4)).isEqualTo("3");
            Matcher secret = SECRET.matcher(banner.get(1));
            assertThat(secret.matches()).as("the second line: %s", banner.get(1)).isTrue();
            assertThat(secret.group(1)).isEqualTo(SimulatorOptions.DEFAULT_CLIENT_SECRET);

            // The printed configuration, as a user pastes it, with the shared index as the sink.
            List<String> config = new ArrayList<>(banner.subList(banner.indexOf("") + 1, banner.lastIndexOf("")));
            config.replaceAll(l -> l.equals("connector.id=simulator") ? "connector.id=simulatecommandit-banner" : l);
            config.add("sink.elasticsearch.url=" + node.url());
            Path file = dir.resolve("simulator.properties");
            Files.write(file, config, StandardCharsets.UTF_8);
            CliRun preview = CliRun.run(Map.of("MIMECAST_CLIENT_SECRET", secret.group(1)), "preview", "--config",
                    file.toString());
            assertThat(preview.status).as(preview.toString()).isZero();
            assertThat(preview.out).containsPattern("In scope: 2 domains \\(1 excluded\\), 6 mailboxes \\(");
        } finally {
            // Ctrl-C, as the banner says.
            simulator.destroy();
            assertThat(simulator.waitFor(60, TimeUnit.SECONDS)).as("the simulator stopped").isTrue();
        }
    }

    private static List<String> readUntil(Process process, String last) throws IOException {
        List<String> lines = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lines.add(line);
            if (line.equals(last)) {
                return lines;
            }
        }
        throw new AssertionError("the simulator ended before printing '" + last + "':\n" + String.join("\n", lines));
    }
}
