package io.connectorkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.connectorkit.cli.bench.measure.ChildJvm;
import io.connectorkit.embedded.EmbeddedSearchNode;
import io.connectorkit.embedded.testing.SharedSearchNode;
import io.connectorkit.simulator.archive.Archive;
import io.connectorkit.simulator.archive.ArchiveGenerator;
import io.connectorkit.simulator.archive.corpus.ArchivedMessage;
import io.connectorkit.simulator.mimecast.Endpoint;
import io.connectorkit.simulator.mimecast.FakeMimecastServer;
import io.connectorkit.simulator.mimecast.faults.Fault;
import io.connectorkit.simulator.mimecast.faults.FaultRule;
import io.connectorkit.simulator.mimecast.faults.Gate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * An email and its attachments are one unit for the index: the {@code connector crawl} process
 * stopped with SIGINT, or killed with SIGKILL, at every point between an email and its last
 * attachment, then run again, ends with every document of the archive (the email and each
 * attachment) in the index, and {@code status} shows no failures. The cut points are exact: a
 * download of the fake Mimecast server, or a bulk request to the index (through a proxy), waits at
 * a {@link Gate} while the test sends the signal. This JVM hosts the server and the index (the
 * shared one); the crawl runs from the shaded jar in a child JVM.
 */
@ExtendWith(SharedSearchNode.class)
class MessageCutIT {
    private static final String SECRET = "cut-Secret-9034";
    private static final FakeTenant TENANT = new FakeTenant(MessageCutIT.class, "cut-client", SECRET);
    private static final Duration WAIT = Duration.ofMinutes(2);

    private static EmbeddedSearchNode node;
    private static IndexQueries index;
    private static FakeMimecastServer server;
    private static IndexProxy proxy;
    /** What a crawl without cuts indexes, per content mode: the documents every cut crawl must end with. */
    private static Set<String> expectedParts;
    private static Set<String> expectedEml;
    /** The email with the most attachments: its document id, Mimecast message and attachment documents per mode. */
    private static String emailId;
    private static ArchivedMessage message;
    private static int attachmentsParts;
    private static int attachmentsEml;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start(EmbeddedSearchNode shared) throws Exception {
        node = shared;
        index = new IndexQueries(node.url());
        Archive archive = ArchiveGenerator.seed(20).domains(1).localDomains(1).usersPerDomain(1).messagesPerView(4)
                .attachmentShare(1.0).maxAttachmentBytes(20_000)
                .between(Instant.parse("2023-01-01T00:00:00Z"), Instant.parse("2024-01-01T00:00:00Z")).generate();
        server = TENANT.serve(archive);
        proxy = IndexProxy.start(node.url());
        CrawlConfig parts = config("reference-parts", true);
        CliRun run = crawl(parts.write(dir));
        assertThat(run.status).as("reference crawl in parts mode\n%s", run).isZero();
        expectedParts = ids(parts);
        Map<String, Integer> children = children(parts);
        emailId = children.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        attachmentsParts = children.get(emailId);
        assertThat(attachmentsParts).as("attachments of the email cut (choose another archive seed)")
                .isGreaterThanOrEqualTo(3);
        String mimecastId = documents(parts).stream().filter(d -> d.get("id").getAsString().equals(emailId))
                .findFirst().orElseThrow().getAsJsonObject("fields").get("mimecastId").getAsString();
        message = archive.message(mimecastId).orElseThrow();
        assertThat(message.attachments()).as("attachments of %s in the archive", mimecastId).hasSize(attachmentsParts);
        CrawlConfig eml = config("reference-eml", false);
        run = crawl(eml.write(dir));
        assertThat(run.status).as("reference crawl in eml mode\n%s", run).isZero();
        expectedEml = ids(eml);
        attachmentsEml = children(eml).getOrDefault(emailId, 0);
        assertThat(attachmentsEml).as("attachments of the email cut, eml mode").isGreaterThanOrEqualTo(2);
    }

    private static Map<String, Integer> children(CrawlConfig config) throws Exception {
        Map<String, Integer> children = new TreeMap<>();
        for (JsonObject d : documents(config)) {
            if (d.has("parent_id")) {
                children.merge(d.get("parent_id").getAsString(), 1, Integer::sum);
            }
        }
        return children;
    }

    @AfterAll
    static void stop() {
        if (proxy != null) {
            proxy.close();
        }
        if (server != null) {
            server.close();
        }
    }

    /** Ctrl-C while attachment k is downloading: the email and attachments before k were emitted, k is refused. */
    @Test
    void ctrlCBetweenAnEmailAndEachOfItsAttachmentsLosesNothing() throws Exception {
        assertThat(sigintIgnored()).as("SIGINT is ignored by this build's process (SigIgn in /proc/self/status), so"
                + " the crawl it starts inherits that and cannot be stopped with Ctrl-C; a background job of a"
                + " non-interactive shell starts that way: run the build in the foreground, or under 'set -m'").isFalse();
        for (int k = 1; k <= attachmentsParts; k++) {
            CrawlConfig config = config("sigint-" + k, true);
            Path file = config.write(dir);
            Gate gate = holdDownload(k);
            Path log = dir.resolve(config.id() + ".log");
            Process crawl = start(file, log);
            try {
                assertThat(gate.awaitArrival(WAIT)).as("download of attachment %d reached", k).isTrue();
                signal(crawl, "INT");
                awaitOutput(log, "Stopping:");
            } finally {
                gate.open();
                server.clearFaults();
                end(crawl);
            }
            assertThat(crawl.exitValue()).as("exit status of the interrupted crawl\n%s", read(log)).isNotZero();
            resumeAndCheck(config, file, expectedParts, "SIGINT before attachment " + k);
        }
    }

    /** SIGKILL while attachment k is downloading. */
    @Test
    void sigkillBetweenAnEmailAndEachOfItsAttachmentsLosesNothing() throws Exception {
        for (int k = 1; k <= attachmentsParts; k++) {
            CrawlConfig config = config("download-kill-" + k, true);
            Path file = config.write(dir);
            Gate gate = holdDownload(k);
            Process crawl = start(file, dir.resolve(config.id() + ".log"));
            try {
                assertThat(gate.awaitArrival(WAIT)).as("download of attachment %d reached", k).isTrue();
            } finally {
                crawl.destroyForcibly();
                end(crawl);
                gate.open();
                server.clearFaults();
            }
            resumeAndCheck(config, file, expectedParts, "SIGKILL before attachment " + k);
        }
    }

    /**
     * SIGKILL before the bulk request carrying each document of the email (one document per
     * request; the default content mode, where the message is one download): every boundary
     * between two requests of the message.
     */
    @Test
    void sigkillBetweenAnyTwoBulkRequestsOfAMessageLosesNothing() throws Exception {
        List<String> documents = new ArrayList<>();
        for (int k = 1; k <= attachmentsEml; k++) {
            documents.add(emailId + "-att-" + k);
        }
        documents.add(emailId);
        int n = 0;
        for (String held : documents) {
            CrawlConfig config = config("bulk-kill-" + ++n, false).with("sink.elasticsearch.url", proxy.url())
                    .with("sink.bulk.max-docs", "1");
            Path file = config.write(dir);
            Gate gate = new Gate();
            proxy.holdBulkWith(held, gate);
            Process crawl = start(file, dir.resolve(config.id() + ".log"));
            try {
                assertThat(gate.awaitArrival(WAIT)).as("bulk request with %s reached", held).isTrue();
            } finally {
                crawl.destroyForcibly();
                end(crawl);
                gate.open();
            }
            resumeAndCheck(config, file, expectedEml, "SIGKILL before the bulk request with " + held);
        }
    }

    private void resumeAndCheck(CrawlConfig config, Path file, Set<String> expected, String cut) throws Exception {
        CliRun resumed = crawl(file);
        assertThat(resumed.status).as("%s: the resumed crawl\n%s", cut, resumed).isZero();
        assertThat(ids(config)).as("%s: documents in the index after the resume", cut).isEqualTo(expected);
        CliRun status = TENANT.process(dir, "status", "--config", file.toString());
        assertThat(status.status).as("%s: status\n%s", cut, status).isZero();
        assertThat(status.out).as("%s: status", cut).contains(" 0 failures");
    }

    private static CrawlConfig config(String name, boolean parts) {
        CrawlConfig config = TENANT.config(name, server, node.url()).with("mimecast.attachments.extract", "true")
                .with("crawl.parallel.partitions", "1");
        // In parts mode each attachment is a download of its own: the cut points between them.
        return parts ? config.with("mimecast.content.mode", "parts") : config;
    }

    /** Holds the download of the email's attachment k (from 1). */
    private static Gate holdDownload(int k) {
        Gate gate = new Gate();
        server.fault(FaultRule.forId(Endpoint.GET_FILE, message.attachments().get(k - 1).id(), Fault.hold(gate)));
        return gate;
    }

    private static CliRun crawl(Path file) throws IOException, InterruptedException {
        return TENANT.process(dir, "crawl", "--config", file.toString());
    }

    private static Process start(Path file, Path log) throws IOException {
        return TENANT.start(dir, log, "-Xmx384m", "crawl", "--config", file.toString());
    }

    /** Whether this JVM's process ignores SIGINT, a disposition every child inherits (Linux; false elsewhere). */
    private static boolean sigintIgnored() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return false;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseUnsignedLong(line.substring("SigIgn:".length()).strip(), 16) & (1L << 1)) != 0;
            }
        }
        return false;
    }

    private static void signal(Process process, String name) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
        assertThat(kill.waitFor()).as("kill -%s %d", name, process.pid()).isZero();
    }

    private static void awaitOutput(Path log, String text) throws Exception {
        long end = System.nanoTime() + WAIT.toNanos();
        while (!read(log).contains(text)) {
            assertThat(System.nanoTime()).as("'%s' printed\n%s", text, read(log)).isLessThan(end);
            Thread.sleep(20);
        }
    }

    private static void end(Process process) throws InterruptedException {
        if (!process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static String read(Path log) throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    private static Set<String> ids(CrawlConfig config) throws Exception {
        Set<String> out = new TreeSet<>();
        documents(config).forEach(d -> out.add(d.get("id").getAsString()));
        return out;
    }

    private static List<JsonObject> documents(CrawlConfig config) throws Exception {
        index.refresh(config.index());
        return index.sources(config.index(),
                "{\"size\":10000,\"_source\":[\"id\",\"parent_id\",\"kind\",\"fields.mimecastId\"]}");
    }
}
