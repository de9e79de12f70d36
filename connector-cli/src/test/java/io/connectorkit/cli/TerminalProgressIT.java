package io.connectorkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectorkit.cli.bench.measure.ChildJvm;
import io.connectorkit.embedded.EmbeddedSearchNode;
import io.connectorkit.embedded.testing.SharedSearchNode;
import io.connectorkit.simulator.archive.ArchiveGenerator;
import io.connectorkit.simulator.mimecast.Endpoint;
import io.connectorkit.simulator.mimecast.FakeMimecastServer;
import io.connectorkit.simulator.mimecast.faults.Fault;
import io.connectorkit.simulator.mimecast.faults.FaultRule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code connector crawl} on a real terminal (a tmux pane): the screen, as tmux shows it, has the
 * progress line and the log lines each on lines of their own. Skipped where tmux is not installed.
 */
@ExtendWith(SharedSearchNode.class)
class TerminalProgressIT {
    private static final String SECRET = "tty-Secret-51190";
    private static final FakeTenant TENANT = new FakeTenant(TerminalProgressIT.class, "tty-client", SECRET);
    private static final Pattern LOG_LINE = Pattern.compile("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} (INFO|WARN|ERROR)");
    private EmbeddedSearchNode node;

    @TempDir
    Path dir;

    @BeforeEach
    void useIndex(EmbeddedSearchNode shared) {
        node = shared;
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static String tmux(String socket, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tmux", "-L", socket));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        return out;
    }

    private static boolean tmuxInstalled() {
        try {
            Process p = new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    @Test
    void theProgressLineIsEndedOrClearedBeforeALogLineIsWritten() throws Exception {
        Assumptions.assumeTrue(tmuxInstalled(), "tmux is not installed: the terminal test needs it");
        try (FakeMimecastServer server = TENANT.server(
                ArchiveGenerator.seed(37).domains(1).usersPerDomain(3).messagesPerView(8).generate())
                .fault(FaultRule.always(Endpoint.GET_FILE, Fault.slow(Duration.ofMillis(60)))).start()) {
            Path config = TENANT.config("tty", server, node.url()).write(dir);
            String java = ChildJvm.jar(List.of("-Xmx384m"), ConnectorProcess.jar(),
                    List.of("crawl", "--config", config.toString()))
                    .stream().map(TerminalProgressIT::quote).collect(Collectors.joining(" "));
            Path script = Files.writeString(dir.resolve("run.sh"), "export " + CrawlConfig.SECRET_VARIABLE + "="
                    + quote(SECRET) + "\n" + java + "\necho \"EXIT=$?\"\nsleep 600\n", StandardCharsets.UTF_8);
            String socket = "connector-tty-" + ProcessHandle.current().pid();
            tmux(socket, "new-session", "-d", "-s", "crawl", "-x", "220", "-y", "60", "bash " + quote(script.toString()));
            String screen = "";
            try {
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
                while (!screen.contains("EXIT=") && System.nanoTime() < deadline) {
                    Thread.sleep(250);
                    screen = tmux(socket, "capture-pane", "-p", "-J", "-S", "-500", "-t", "crawl");
                }
            } finally {
                tmux(socket, "kill-server");
            }
            assertThat(screen).as(screen).contains("EXIT=0").contains("Crawl finished in");
            List<String> lines = screen.lines().map(String::stripTrailing).toList();
            assertThat(lines).as("the screen:\n%s", screen)
                    .anySatisfy(l -> assertThat(l).startsWith("mailboxes ").contains("rate-limit waits"))
                    .anySatisfy(l -> assertThat(l).containsPattern(LOG_LINE).contains("CrawlPipeline - Crawl of"));
            assertThat(lines).as("lines where progress and a log line meet, on the screen:\n%s", screen)
                    .noneSatisfy(l -> assertThat(l).contains("rate-limit waits").containsPattern(LOG_LINE));
            assertThat(lines).as("log lines start their line:\n%s", screen)
                    .filteredOn(l -> LOG_LINE.matcher(l).find())
                    .allSatisfy(l -> assertThat(l).matches("^" + LOG_LINE.pattern() + ".*"));
        }
    }
}
