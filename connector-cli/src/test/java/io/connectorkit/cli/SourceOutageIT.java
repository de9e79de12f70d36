package io.connectorkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import io.connectorkit.embedded.EmbeddedSearchNode;
import io.connectorkit.embedded.testing.SharedSearchNode;
import io.connectorkit.simulator.archive.Archive;
import io.connectorkit.simulator.archive.ArchiveGenerator;
import io.connectorkit.simulator.mimecast.Endpoint;
import io.connectorkit.simulator.mimecast.FakeMimecastServer;
import io.connectorkit.simulator.mimecast.faults.Fault;
import io.connectorkit.simulator.mimecast.faults.FaultRule;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code connector crawl} while Mimecast goes away mid-crawl for longer than
 * {@code mimecast.retry.max-wait-seconds}: the command says it waits and since when, stops the
 * mailboxes without recording a message as failed, and the next crawl completes the index.
 */
@ExtendWith(SharedSearchNode.class)
class SourceOutageIT {
    private static final String SECRET = "outage-Secret-2718";
    private static final FakeTenant TENANT = new FakeTenant(SourceOutageIT.class, "outage-client", SECRET);
    private EmbeddedSearchNode node;

    @TempDir
    Path dir;

    @BeforeEach
    void useIndex(EmbeddedSearchNode shared) {
        node = shared;
    }

    private static FakeMimecastServer serve(Archive archive, int port) {
        return TENANT.server(archive).port(port)
                .fault(FaultRule.always(Endpoint.GET_FILE, Fault.slow(Duration.ofMillis(50)))).start();
    }

    private static long total(Path file) {
        CliRun all = TENANT.run("search", "--json", "--size", "1", "--config", file.toString(), "*");
        return JsonParser.parseString(all.out).getAsJsonObject().get("total").getAsLong();
    }

    @Test
    void mimecastUnreachableStopsTheMailboxesWithoutItemFailuresAndTheNextCrawlCompletes() throws Exception {
        Archive archive = ArchiveGenerator.seed(61).domains(1).localDomains(1).usersPerDomain(4).messagesPerView(20)
                .generate();
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port;
        Path log = dir.resolve("crawl.log");
        Path logConfig = LogCapture.config(dir, log);
        Path reference = TENANT.config("reference", url, node.url())
                .write(dir);
        Path file = TENANT.config("outage", url, node.url())
                .with("mimecast.retry.max-wait-seconds", "3").write(dir);
        FakeMimecastServer first = serve(archive, port);
        long expected;
        try {
            assertThat(TENANT.run("crawl", "--config", reference.toString()).status).isZero();
            expected = total(reference);
            first.resetCounters();
            Thread stopper = new Thread(() -> {
                try {
                    while (first.calls(Endpoint.GET_FILE) < 20) {
                        Thread.sleep(5);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                first.close();
            }, "mimecast-outage");
            stopper.setDaemon(true);
            stopper.start();
            CliRun crawl = TENANT.run("--log-config", logConfig.toString(), "crawl", "--config", file.toString());
            stopper.join(60_000);
            assertThat(crawl.status).as(crawl.toString()).isEqualTo(1);
            assertThat(crawl.out).contains("failures     0 items");
            String logged = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(logged).contains("Waiting for Mimecast at " + url + ": unreachable since ",
                    "mimecast.retry.max-wait-seconds");
            CliRun status = TENANT.run("status", "--config", file.toString());
            assertThat(status.out).as(status.toString()).contains("unreachable since")
                    .doesNotContain("Message ");
        } finally {
            first.close();
        }
        try (FakeMimecastServer back = serve(archive, port)) {
            CliRun again = TENANT.run("crawl", "--config", file.toString());
            assertThat(again.status).as(again.toString()).isZero();
            assertThat(total(file)).isEqualTo(expected).isPositive();
            assertThat(back.calls(Endpoint.GET_MESSAGE_LIST)).as("the stopped mailboxes were listed again").isPositive();
        }
    }
}
