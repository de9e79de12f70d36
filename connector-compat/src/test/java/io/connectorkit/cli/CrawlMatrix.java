package io.connectorkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import io.connectorkit.simulator.archive.Archive;
import io.connectorkit.simulator.archive.ArchiveGenerator;
import io.connectorkit.simulator.archive.corpus.MessageHeader;
import io.connectorkit.simulator.archive.corpus.User;
import io.connectorkit.simulator.archive.corpus.View;
import io.connectorkit.simulator.mimecast.Endpoint;
import io.connectorkit.simulator.mimecast.FakeMimecastServer;
import io.connectorkit.simulator.mimecast.faults.Fault;
import io.connectorkit.simulator.mimecast.faults.FaultRule;
import io.connectorkit.simulator.tls.TestCa;
import io.connectorkit.simulator.tls.TlsProxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The end-to-end crawl matrix through the packaged command ({@code java -jar connector.jar}), from
 * the fake Mimecast server into whichever index a subclass runs: a first crawl, an incremental
 * crawl after new mail, {@code crawl --full} after a deleted message, a removed mailbox, a
 * recorded failure, {@code status}, {@code search --as}, a crawl that waits while the index
 * is down, and an API key over HTTPS with a private CA (through a TLS proxy and a proxy that
 * checks the key, in front of the index). Its tests are public so that a subclass in another package runs them.
 */
public abstract class CrawlMatrix {
    private static final String SECRET = "compat-Secret-51873";
    private static final Instant FROM = Instant.parse("2019-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2100-01-01T00:00:00Z");

    private final FakeTenant tenant;

    @TempDir
    Path dir;

    /** @param test the concrete test class, whose name makes the indices its own */
    protected CrawlMatrix(Class<?> test) {
        this.tenant = new FakeTenant(test, "compat-client", SECRET);
    }

    /** @return the index's base URL */
    protected abstract String indexUrl();

    /** Stops the index, keeping its data and address. */
    protected abstract void stopIndex() throws Exception;

    /** Starts the index stopped by {@link #stopIndex} again, on the same address and data. */
    protected abstract void startIndex() throws Exception;

    @Test
    public void firstIncrementalFullRemovedMailboxStatusAndSearch() throws Exception {
        Archive archive = ArchiveGenerator.seed(5).domains(1).localDomains(1).usersPerDomain(3).messagesPerView(3)
                .generate();
        String kept = crawled(archive).get(0);
        String removed = crawled(archive).get(1);
        IndexQueries index = new IndexQueries(indexUrl());
        try (FakeMimecastServer server = tenant.serve(archive)) {
            CrawlConfig config = tenant.config("lifecycle", server, indexUrl());
            String file = config.write(dir).toString();

            expect(0, tenant.process(dir, "crawl", "--config", file));
            index.refresh(config.index());
            assertThat(index.indexedEmails(config.index())).as("the first crawl").isEqualTo(expected(archive));

            // The delta token is the crawl's start to the second: the next crawl begins in a later second.
            nextSecond();
            MessageHeader late = archive.addMessage(kept, View.INBOX, Instant.now().minusSeconds(1), "compat new mail");
            expect(0, tenant.process(dir, "crawl", "--config", file));
            index.refresh(config.index());
            assertThat(index.indexedEmails(config.index())).as("after new mail").containsKey(key(late))
                    .isEqualTo(expected(archive));

            MessageHeader gone = archive.messages(kept, View.INBOX, FROM, TO).filter(m -> !m.id().equals(late.id()))
                    .findFirst().orElseThrow();
            assertThat(archive.deleteMessage(gone.id())).isTrue();
            expect(0, tenant.process(dir, "crawl", "--full", "--config", file));
            index.refresh(config.index());
            assertThat(index.indexedEmails(config.index())).as("the full crawl swept the deleted message")
                    .doesNotContainKey(key(gone)).isEqualTo(expected(archive));

            assertThat(archive.removeUser(removed)).isTrue();
            nextSecond();
            expect(0, tenant.process(dir, "crawl", "--config", file));
            index.refresh(config.index());
            assertThat(index.indexedEmails(config.index()).keySet()).as("the removed mailbox's documents are gone")
                    .noneMatch(k -> k.startsWith(removed.toLowerCase(Locale.ROOT) + " "));
            assertThat(index.indexedEmails(config.index())).isEqualTo(expected(archive));

            CliRun status = expect(0, tenant.process(dir, "status", "--config", file));
            assertThat(status.out).contains(kept, "last success").doesNotContain(removed);

            CliRun mine = expect(0, tenant.process(dir, "search", "--json", "--as", kept, "--size", "100", "--config",
                    file, "*"));
            JsonArray hits = JsonParser.parseString(mine.out).getAsJsonObject().getAsJsonArray("hits");
            assertThat(hits).isNotEmpty();
            for (JsonElement hit : hits) {
                assertThat(hit.getAsJsonObject().getAsJsonArray("acl").toString()).contains(kept);
            }
        }
    }

    @Test
    public void aFailedMessageIsRecordedAndStatusNamesIt() throws Exception {
        Archive archive = ArchiveGenerator.seed(6).domains(1).localDomains(1).usersPerDomain(2).messagesPerView(2)
                .generate();
        String mailbox = crawled(archive).get(0);
        MessageHeader failing = archive.messages(mailbox, View.INBOX, FROM, TO).findFirst().orElseThrow();
        try (FakeMimecastServer server = tenant.server(archive).failingMessage(failing.id()).start()) {
            String file = tenant.config("failure", server, indexUrl()).write(dir).toString();
            CliRun crawl = expect(1, tenant.process(dir, "crawl", "--config", file));
            assertThat(crawl.err).contains("1 items failed", "connector status --config");
            CliRun status = expect(1, tenant.process(dir, "status", "--config", file));
            assertThat(status.out).contains(mailbox).containsPattern("failures +1");
        }
    }

    @Test
    public void aCrawlWaitsWhileTheIndexIsDownAndCompletes() throws Exception {
        Archive archive = ArchiveGenerator.seed(7).domains(1).localDomains(1).usersPerDomain(2).messagesPerView(6)
                .generate();
        IndexQueries index = new IndexQueries(indexUrl());
        // The first 30 downloads take 300 ms each: the crawl is still running when the index goes away.
        try (FakeMimecastServer server = tenant.server(archive)
                .fault(FaultRule.onCalls(Endpoint.GET_FILE, 1, 30, Fault.slow(Duration.ofMillis(300)))).start()) {
            CrawlConfig config = tenant.config("outage", server, indexUrl());
            String file = config.write(dir).toString();
            Path log = dir.resolve("outage.log");
            Process crawl = tenant.start(dir, log, "-Xmx384m", "crawl", "--config", file);
            try {
                while (server.calls(Endpoint.GET_FILE) < 3) {
                    assertThat(crawl.isAlive()).as("the crawl runs\n%s", Files.readString(log)).isTrue();
                    Thread.sleep(50);
                }
                stopIndex();
                assertThat(crawl.isAlive()).as("the index went down while the crawl ran\n%s", Files.readString(log))
                        .isTrue();
                // Some downloads while the index is down: the crawl's writes now fail and wait.
                long atStop = server.calls(Endpoint.GET_FILE);
                while (server.calls(Endpoint.GET_FILE) < atStop + 3 && crawl.isAlive()) {
                    Thread.sleep(50);
                }
                startIndex();
                assertThat(crawl.waitFor(5, TimeUnit.MINUTES)).as("the crawl ended\n%s", Files.readString(log)).isTrue();
                assertThat(crawl.exitValue()).as(Files.readString(log)).isZero();
            } finally {
                crawl.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
            index.refresh(config.index());
            assertThat(index.indexedEmails(config.index())).as("every message once").isEqualTo(expected(archive));
        }
    }

    @Test
    public void anApiKeyOverHttpsWithAPrivateCaCrawlsAndAWrongKeyIsRefused() throws Exception {
        Archive archive = ArchiveGenerator.seed(8).domains(1).localDomains(1).usersPerDomain(2).messagesPerView(2)
                .generate();
        TestCa ca = TestCa.create(dir.resolve("ca"));
        String apiKey = Base64.getEncoder().encodeToString("compat-id:compat-Key-88120".getBytes(StandardCharsets.UTF_8));
        String wrongKey = Base64.getEncoder().encodeToString("compat-id:wrong-Key-11".getBytes(StandardCharsets.UTF_8));
        IndexQueries index = new IndexQueries(indexUrl());
        // HTTPS with the test CA's certificate, then a proxy that accepts only this API key, then the index.
        try (IndexProxy secured = IndexProxy.start(indexUrl());
                TlsProxy tls = TlsProxy.start(ca.issueForLoopback().sslContext(), "127.0.0.1",
                        URI.create(secured.url()).getPort());
                FakeMimecastServer server = tenant.serve(archive)) {
            secured.requireAuthorization("ApiKey " + apiKey);
            CrawlConfig config = tenant.config("apikey", server, tls.url())
                    .with(Map.of("sink.elasticsearch.api-key", apiKey, "sink.elasticsearch.ca-bundle", ca.pem().toString(),
                            "sink.retry.max-wait-seconds", "0"));
            String file = config.write(dir).toString();
            expect(0, tenant.process(dir, "crawl", "--config", file));
            index.refresh(config.index());
            assertThat(index.indexedEmails(config.index())).isEqualTo(expected(archive));
            assertThat(expect(0, tenant.process(dir, "status", "--config", file)).out).contains("last success");

            String wrong = tenant.config("apikey-wrong", server, tls.url())
                    .with(Map.of("sink.elasticsearch.api-key", wrongKey, "sink.elasticsearch.ca-bundle",
                            ca.pem().toString(), "sink.retry.max-wait-seconds", "0"))
                    .write(dir).toString();
            CliRun refused = expect(3, tenant.process(dir, "crawl", "--config", wrong));
            assertThat(refused.err).contains("The index at " + tls.url() + " rejected the credentials",
                    "sink.elasticsearch").doesNotContain(wrongKey);
            assertThat(secured.authorizations()).contains("ApiKey " + apiKey, "ApiKey " + wrongKey);
        }
    }

    private static Map<String, Integer> expected(Archive archive) {
        Map<String, Integer> out = new HashMap<>();
        for (String mailbox : crawled(archive)) {
            Stream.of(View.values()).flatMap(v -> archive.messages(mailbox, v, FROM, TO))
                    .forEach(m -> out.merge(key(m), 1, Integer::sum));
        }
        return out;
    }

    /** @return the mailboxes a crawl visits: the users (not aliases) of the domains that are not local-only */
    private static List<String> crawled(Archive archive) {
        return archive.domains().stream().filter(d -> !d.local())
                .flatMap(d -> archive.users(d.domain()).stream().filter(u -> !u.alias()).map(User::emailAddress))
                .toList();
    }

    private static String key(MessageHeader m) {
        return m.mailbox().toLowerCase(Locale.ROOT) + " " + m.id();
    }

    private static void nextSecond() throws InterruptedException {
        Thread.sleep(1000 - System.currentTimeMillis() % 1000 + 10);
    }

    private static CliRun expect(int status, CliRun run) {
        assertThat(run.status).as(run.toString()).isEqualTo(status);
        return run;
    }
}
