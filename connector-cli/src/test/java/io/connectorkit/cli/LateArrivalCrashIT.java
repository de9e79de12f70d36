package io.connectorkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import io.connectorkit.cli.bench.measure.ChildJvm;
import io.connectorkit.embedded.EmbeddedSearchNode;
import io.connectorkit.embedded.testing.SharedSearchNode;
import io.connectorkit.simulator.archive.Archive;
import io.connectorkit.simulator.archive.ArchiveGenerator;
import io.connectorkit.simulator.archive.corpus.MessageHeader;
import io.connectorkit.simulator.archive.corpus.View;
import io.connectorkit.simulator.mimecast.Endpoint;
import io.connectorkit.simulator.mimecast.FakeMimecastServer;
import io.connectorkit.simulator.mimecast.faults.Fault;
import io.connectorkit.simulator.mimecast.faults.FaultRule;
import io.connectorkit.simulator.mimecast.RecordedRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Late arrivals (mail that reaches the archive days after its received time) are indexed by the
 * next plain {@code connector crawl}, also when that crawl is killed with SIGKILL midway and run
 * again: each late message lands once, and no message indexed before is downloaded again. This
 * JVM hosts the fake Mimecast server and the index; the crawls run from the shaded jar in a child
 * JVM.
 */
@ExtendWith(SharedSearchNode.class)
class LateArrivalCrashIT {
    private static final String SECRET = "late-Secret-5123";
    private static final FakeTenant TENANT = new FakeTenant(LateArrivalCrashIT.class, "late-client", SECRET);
    /** The ages the issue names, then more, so that the crawl lasts long enough to be killed midway. */
    private static final List<Duration> AGES = List.of(Duration.ofDays(13), Duration.ofDays(3), Duration.ofHours(6));

    @TempDir
    Path dir;

    @Test
    void lateArrivalsAreIndexedOnceByTheCrawlAfterAKillWithoutDownloadingIndexedMail(EmbeddedSearchNode node)
            throws Exception {
        Archive archive = ArchiveGenerator.seed(43).domains(1).localDomains(0).usersPerDomain(3).messagesPerView(6)
                .between(Instant.parse("2023-01-01T00:00:00Z"), Instant.parse("2024-01-01T00:00:00Z"))
                .generate();
        IndexQueries index = new IndexQueries(node.url());
        try (FakeMimecastServer server = TENANT.serve(archive)) {
            CrawlConfig crawlConfig = TENANT.config("kill", server, node.url())
                    .with("mimecast.attachments.extract", "false").with("crawl.parallel.partitions", "1").with("sink.bulk.max-docs", "5");
            String id = crawlConfig.id();
            Path config = crawlConfig.write(dir);
            Path log = dir.resolve(id + ".log");

            Process first = crawl(config, log);
            assertThat(first.waitFor(5, TimeUnit.MINUTES)).as("the first crawl ended").isTrue();
            assertThat(first.exitValue()).as(Files.readString(log, StandardCharsets.UTF_8)).isZero();
            index.refresh(crawlConfig.index() + "*");
            Map<String, Integer> before = index.indexedEmails(crawlConfig.index());
            assertThat(before).isNotEmpty();

            // The three ages of the issue in every mailbox and view, and more, so the crawl takes seconds.
            List<MessageHeader> late = new ArrayList<>();
            for (String mailbox : archive.mailboxes()) {
                for (View view : View.values()) {
                    for (Duration age : AGES) {
                        late.add(server.addLateArrival(mailbox, view, age));
                    }
                    for (int i = 1; i <= 4; i++) {
                        late.add(server.addLateArrival(mailbox, view, Duration.ofDays(i * 3L).plusHours(i)));
                    }
                }
            }
            Set<String> lateKeys = late.stream().map(h -> h.mailbox().toLowerCase(Locale.ROOT) + " " + h.id())
                    .collect(Collectors.toSet());
            // Slow downloads stretch the crawl, so that the kill lands mid-crawl.
            server.fault(FaultRule.always(Endpoint.GET_FILE, Fault.slow(Duration.ofMillis(150))));
            server.resetCounters();

            Process killed = crawl(config, log);
            try {
                while (killed.isAlive() && server.calls(Endpoint.GET_FILE) < late.size() / 3) {
                    Thread.sleep(5);
                }
            } finally {
                killed.destroyForcibly();
                killed.waitFor(30, TimeUnit.SECONDS);
            }
            long atKill = server.calls(Endpoint.GET_FILE);
            assertThat(atKill).as("the kill came mid-crawl").isPositive().isLessThan(late.size());

            Process last = crawl(config, log);
            boolean ended = last.waitFor(5, TimeUnit.MINUTES);
            if (!ended) {
                last.destroyForcibly();
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(ended).as("the crawl after the kill ended\n%s", output).isTrue();
            assertThat(last.exitValue()).as("exit status\n%s", output).isZero();

            index.refresh(crawlConfig.index() + "*");
            Map<String, Integer> after = index.indexedEmails(crawlConfig.index());
            assertThat(after.entrySet()).as("messages indexed more than once").filteredOn(e -> e.getValue() > 1)
                    .isEmpty();
            assertThat(after.keySet()).as("every late arrival indexed").containsAll(lateKeys)
                    .containsAll(before.keySet()).hasSize(before.size() + lateKeys.size());
            Set<String> downloaded = server.requests(Endpoint.GET_FILE).stream().map(LateArrivalCrashIT::idOf)
                    .collect(Collectors.toSet());
            Set<String> lateIds = late.stream().map(MessageHeader::id).collect(Collectors.toSet());
            assertThat(downloaded).as("content calls of the killed crawl and the one after it: late arrivals only")
                    .isSubsetOf(lateIds).hasSameSizeAs(lateIds);
            assertThat(output).contains("late arrivals indexed");
        }
    }

    private static String idOf(RecordedRequest r) {
        return JsonParser.parseString(r.body()).getAsJsonObject().getAsJsonArray("data").get(0).getAsJsonObject()
                .get("id").getAsString();
    }

    private Process crawl(Path config, Path log) throws IOException {
        return TENANT.start(dir, log, "-Xmx384m", "crawl", "--config", config.toString());
    }
}
