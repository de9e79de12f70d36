package io.connectorkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.connectorkit.embedded.EmbeddedSearchNode;
import io.connectorkit.embedded.testing.SharedSearchNode;
import io.connectorkit.simulator.archive.Archive;
import io.connectorkit.simulator.archive.ArchiveGenerator;
import io.connectorkit.simulator.archive.corpus.MessageHeader;
import io.connectorkit.simulator.archive.corpus.View;
import io.connectorkit.simulator.mimecast.Endpoint;
import io.connectorkit.simulator.mimecast.FakeMimecastServer;
import io.connectorkit.simulator.mimecast.FakeMimecastServerBuilder;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20, item 1: items that failed are fetched again by the next normal (incremental) crawl.
 * A crawl where some messages cannot be fetched exits 1; the next crawl, the faults gone, fetches
 * exactly those again first, indexes them, exits 0 and leaves no failure in {@code status}. A
 * message that keeps failing is tried five times, then {@code status} shows it as permanent and
 * crawls stop fetching it.
 */
@ExtendWith(SharedSearchNode.class)
class FailedItemsRetryIT {
    private static final String SECRET = "retry-Secret-3141";
    private static final FakeTenant TENANT = new FakeTenant(FailedItemsRetryIT.class, "retry-client", SECRET);
    private static final Pattern FAILURES = Pattern.compile("failures +(\\d+) items");

    private EmbeddedSearchNode node;

    @TempDir
    Path dir;

    @BeforeEach
    void useIndex(EmbeddedSearchNode shared) {
        node = shared;
    }

    private static FakeMimecastServerBuilder server(Archive archive, int port) {
        return TENANT.server(archive).port(port);
    }

    private static long total(Path file) {
        CliRun all = TENANT.run("search", "--json", "--size", "1", "--config", file.toString(), "*");
        return JsonParser.parseString(all.out).getAsJsonObject().get("total").getAsLong();
    }

    private static int freePort() throws Exception {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }

    /** The first INBOX message of each of the first {@code count} mailboxes. */
    private static List<String> oneMessagePerMailbox(Archive archive, int count) {
        return archive.mailboxes().stream().limit(count)
                .map(m -> archive.messages(m, View.INBOX, Instant.parse("2000-01-01T00:00:00Z"),
                        Instant.parse("2100-01-01T00:00:00Z")).findFirst().orElseThrow())
                .map(MessageHeader::id).toList();
    }

    private static long failuresOf(CliRun crawl) {
        Matcher m = FAILURES.matcher(crawl.out);
        assertThat(m.find()).as(crawl.toString()).isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void itemsThatFailedAreFetchedAgainByTheNextCrawlAndStatusShowsNoneRemaining() throws Exception {
        Archive archive = ArchiveGenerator.seed(71).domains(1).localDomains(1).usersPerDomain(4).messagesPerView(15)
                .generate();
        List<String> failing = oneMessagePerMailbox(archive, 3);
        int port = freePort();
        String url = "http://127.0.0.1:" + port;
        Path reference = TENANT.config("reference", url, node.url())
                .write(dir);
        Path file = TENANT.config("again", url, node.url())
                .write(dir);
        FakeMimecastServerBuilder faulty = server(archive, port);
        failing.forEach(faulty::failingMessage);
        long failed;
        try (FakeMimecastServer first = faulty.start()) {
            CliRun crawl = TENANT.run("crawl", "--config", file.toString());
            assertThat(first.calls(Endpoint.GET_MESSAGE_LIST)).isPositive();
            assertThat(crawl.status).as(crawl.toString()).isEqualTo(1);
            failed = failuresOf(crawl);
            assertThat(failed).as("each failing message, in each mailbox that holds it").isGreaterThanOrEqualTo(3);
            CliRun status = TENANT.run("status", "--config", file.toString());
            assertThat(status.status).as(status.toString()).isEqualTo(1);
            assertThat(status.out).contains(failed + " failures (" + failed + " retried by the next crawl, 0 permanent)");
        }
        try (FakeMimecastServer back = server(archive, port).start()) {
            assertThat(TENANT.run("crawl", "--config", reference.toString()).status).isZero();
            back.resetCounters();
            CliRun again = TENANT.run("crawl", "--config", file.toString());
            assertThat(again.status).as(again.toString()).isZero();
            assertThat(again.out).doesNotContain("0 indexed").contains("failures     0 items");
            assertThat(back.calls(Endpoint.GET_MESSAGE_DETAIL)).as("one detail per failed message")
                    .isEqualTo(failed);
            assertThat(total(file)).as("the index is complete").isEqualTo(total(reference)).isPositive();
            for (String id : failing) {
                CliRun found = TENANT.run("search", "--json", "--config", file.toString(), "mimecastId:\"" + id + "\"");
                JsonObject result = JsonParser.parseString(found.out).getAsJsonObject();
                assertThat(result.get("total").getAsLong()).as(found.toString()).isPositive();
            }
            CliRun status = TENANT.run("status", "--config", file.toString());
            assertThat(status.status).as(status.toString()).isZero();
            assertThat(status.out).contains(" documents, 0 failures").doesNotContain("retrying");
            back.resetCounters();
            CliRun third = TENANT.run("crawl", "--config", file.toString());
            assertThat(third.status).as(third.toString()).isZero();
            assertThat(back.calls(Endpoint.GET_MESSAGE_DETAIL)).as("nothing left to fetch again").isZero();
        }
    }

    @Test
    void aMessageThatKeepsFailingIsTriedFiveTimesThenShownAsPermanentAndNoLongerFetched() throws Exception {
        Archive archive = ArchiveGenerator.seed(72).domains(1).localDomains(1).usersPerDomain(2).messagesPerView(5)
                .generate();
        String failing = oneMessagePerMailbox(archive, 1).get(0);
        int port = freePort();
        String url = "http://127.0.0.1:" + port;
        Path file = TENANT.config("permanent", url, node.url())
                .write(dir);
        try (FakeMimecastServer server = server(archive, port).failingMessage(failing).start()) {
            CliRun first = TENANT.run("crawl", "--config", file.toString());
            assertThat(first.status).as(first.toString()).isEqualTo(1);
            long failed = failuresOf(first);
            for (int tries = 2; tries <= 5; tries++) {
                server.resetCounters();
                CliRun crawl = TENANT.run("crawl", "--config", file.toString());
                assertThat(crawl.status).as("try %d: %s", tries, crawl).isEqualTo(1);
                assertThat(failuresOf(crawl)).as("try %d", tries).isEqualTo(failed);
                assertThat(server.calls(Endpoint.GET_MESSAGE_DETAIL)).as("try %d", tries).isEqualTo(failed);
                CliRun status = TENANT.run("status", "--config", file.toString());
                assertThat(status.out).as("try %d", tries).contains(tries < 5
                        ? failed + " failures (" + failed + " retried by the next crawl, 0 permanent)"
                        : failed + " failures (0 retried by the next crawl, " + failed + " permanent)");
            }
            server.resetCounters();
            CliRun sixth = TENANT.run("crawl", "--config", file.toString());
            assertThat(sixth.status).as("nothing failed in this run: " + sixth).isZero();
            assertThat(server.calls(Endpoint.GET_MESSAGE_DETAIL)).as("a permanent message is not fetched again")
                    .isZero();
            CliRun status = TENANT.run("status", "--config", file.toString());
            assertThat(status.status).as("a permanent failure is still a failure").isEqualTo(1);
            assertThat(status.out).containsPattern("failures +" + failed + " \\(retrying 0, permanent " + failed + "\\)")
                    .contains("permanent after 5 tries", failing);
        }
    }
}
