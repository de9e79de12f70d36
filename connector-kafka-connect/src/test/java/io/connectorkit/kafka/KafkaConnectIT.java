package io.connectorkit.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.connectorkit.embedded.EmbeddedSearchNode;
import io.connectorkit.runtime.CancellationSignal;
import io.connectorkit.runtime.ConnectorRegistry;
import io.connectorkit.runtime.CrawlReport;
import io.connectorkit.runtime.Host;
import io.connectorkit.embedded.testing.SharedSearchNode;
import io.connectorkit.simulator.archive.Archive;
import io.connectorkit.simulator.archive.ArchiveGenerator;
import io.connectorkit.simulator.archive.corpus.Domain;
import io.connectorkit.simulator.archive.corpus.MessageHeader;
import io.connectorkit.simulator.archive.corpus.User;
import io.connectorkit.simulator.archive.corpus.View;
import io.connectorkit.simulator.mimecast.Endpoint;
import io.connectorkit.simulator.mimecast.FakeMimecastServer;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import io.connectorkit.simulator.mimecast.faults.Fault;
import io.connectorkit.simulator.mimecast.faults.FaultRule;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.apache.kafka.connect.util.clusters.WorkerHandle;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fake Mimecast server, the source connector, Kafka, the sink connector and the embedded index,
 * on Kafka's own embedded Connect cluster (one KRaft broker, two workers in this JVM) that loads
 * the plugin from the folder the build made, through {@code plugin.path}.
 */
@ExtendWith(SharedSearchNode.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KafkaConnectIT {
    private static final String SECRET = "kc-Secret-90210-xyz";
    private static final String CLIENT = "kc-client";
    private static final Instant START = Instant.parse("2019-01-01T00:00:00Z");
    private static final String SOURCE_CLASS = "io.connectorkit.kafka.CrawlSourceConnector";
    private static final String SINK_CLASS = "io.connectorkit.kafka.IndexSinkConnector";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dir;

    private static EmbeddedConnectCluster connect;
    private static EmbeddedSearchNode node;
    private static FakeMimecastServer server;
    private static Archive archive;
    private static Path secretFile;

    @BeforeAll
    static void start(EmbeddedSearchNode shared) throws IOException {
        node = shared;
        archive = ArchiveGenerator.seed(23).domains(1).localDomains(1).usersPerDomain(4).messagesPerView(6)
                .between(Instant.parse("2023-01-01T00:00:00Z"), Instant.parse("2024-01-01T00:00:00Z")).generate();
        server = FakeMimecastServer.builder().archive(archive).clientCredentials(CLIENT, SECRET).start();
        secretFile = dir.resolve("mimecast.properties");
        Files.writeString(secretFile, "client-secret=" + SECRET + "\n", StandardCharsets.UTF_8);
        Map<String, String> worker = new HashMap<>();
        worker.put("plugin.path", System.getProperty("connect.plugin.path"));
        worker.put("plugin.discovery", "service_load");
        worker.put("config.providers", "file");
        worker.put("config.providers.file.class", "org.apache.kafka.common.config.provider.FileConfigProvider");
        worker.put("offset.flush.interval.ms", "1000");
        // A worker that leaves has its tasks given to the others after a second, not five minutes.
        worker.put("scheduled.rebalance.max.delay.ms", "1000");
        connect = new EmbeddedConnectCluster.Builder().name("connectorkit").numWorkers(2).numBrokers(1)
                .workerProps(worker).build();
        connect.start();
    }

    @AfterAll
    static void stop() {
        if (connect != null) {
            connect.stop();
        }
        if (server != null) {
            server.close();
        }
    }

    private static Map<String, String> source(String id, String topic) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("connector.class", SOURCE_CLASS);
        c.put("tasks.max", "2");
        c.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        c.put("value.converter", "org.apache.kafka.connect.storage.StringConverter");
        c.put("connector.type", "mimecast");
        c.put("connector.id", id);
        c.put("mimecast.api-endpoint", server.baseUrl());
        c.put("mimecast.auth-endpoint", server.baseUrl());
        c.put("mimecast.client-id", CLIENT);
        c.put("mimecast.client-secret", "${file:" + secretFile + ":client-secret}");
        c.put("mimecast.messages.start-date", "2019-01-01");
        c.put("mimecast.stats-interval-seconds", "0");
        c.put("mimecast.attachments.extract", "false");
        c.put("extract.text", "false");
        c.put("connect.topic", topic);
        c.put("connect.crawl.interval-seconds", "1");
        c.put("connect.crawl.full-every-passes", "0");
        // The task asks the index which documents it holds, so unchanged mail is not sent again.
        c.put("sink.elasticsearch.url", node.url());
        c.put("connect.partitions.monitor-seconds", "2");
        return c;
    }

    private static Map<String, String> sink(String id, String topic, String dlq) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("connector.class", SINK_CLASS);
        c.put("tasks.max", "2");
        c.put("topics", topic);
        c.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        c.put("value.converter", "org.apache.kafka.connect.storage.StringConverter");
        c.put("connector.id", id);
        c.put("sink.elasticsearch.url", node.url());
        c.put("sink.bulk.max-docs", "20");
        c.put("errors.tolerance", "all");
        c.put("errors.deadletterqueue.topic.name", dlq);
        c.put("errors.deadletterqueue.topic.replication.factor", "1");
        c.put("errors.deadletterqueue.context.headers.enable", "true");
        return c;
    }

    @Test
    @Order(1)
    void thePluginIsLoadedFromItsFolderNotFromTheTestClassPath() throws Exception {
        assertThatThrownBy(() -> Class.forName(SOURCE_CLASS)).isInstanceOf(ClassNotFoundException.class);
        assertThat(Path.of(System.getProperty("connect.plugin.dir")).resolve("connector-mimecast-0.1.0-SNAPSHOT.jar"))
                .exists();
        String plugins = get("connector-plugins?connectorsOnly=true");
        assertThat(plugins).contains(SOURCE_CLASS, SINK_CLASS);
        waitFor(() -> log().contains("Loading plugin from: " + System.getProperty("connect.plugin.dir")),
                "Connect's log names the plugin folder", Duration.ofSeconds(10));
    }

    @Test
    @Order(2)
    void validateShowsEveryProblemOnItsKeyAndNeverTheSecret() throws Exception {
        Map<String, String> bad = source("kc-validate", "kc-validate");
        bad.remove("mimecast.client-id");
        bad.put("mimecast.messages.start-date", "soon");
        bad.put("mimecast.client-secret", SECRET);
        bad.put("connect.crawl.interval-seconds", "-5");
        String answer = put("connector-plugins/CrawlSourceConnector/config/validate", json(bad));
        JsonObject o = JsonParser.parseString(answer).getAsJsonObject();
        assertThat(o.get("error_count").getAsInt()).as(answer).isGreaterThanOrEqualTo(3);
        Map<String, String> errors = new HashMap<>();
        for (JsonElement e : o.getAsJsonArray("configs")) {
            JsonElement v = e.getAsJsonObject().get("value");
            JsonObject value = v == null || v.isJsonNull() ? null : v.getAsJsonObject();
            if (value != null && value.getAsJsonArray("errors").size() > 0) {
                errors.put(value.get("name").getAsString(), value.getAsJsonArray("errors").toString());
            }
        }
        assertThat(errors).containsKeys("mimecast.client-id", "mimecast.messages.start-date",
                "connect.crawl.interval-seconds");
        assertThat(errors.get("mimecast.messages.start-date")).contains("soon");
        assertThat(answer).doesNotContain(SECRET);
        for (JsonElement e : o.getAsJsonArray("configs")) {
            JsonElement d = e.getAsJsonObject().get("definition");
            JsonObject def = d == null || d.isJsonNull() ? null : d.getAsJsonObject();
            if (def != null && def.get("name").getAsString().equals("mimecast.client-secret")) {
                assertThat(def.get("type").getAsString()).isEqualTo("PASSWORD");
            }
        }
    }

    @Test
    @Order(3)
    void theIndexFollowsTheArchiveThroughKafka() throws Exception {
        String id = "kc-pipeline";
        String topic = "kc-pipeline";
        String dlq = "kc-pipeline-dlq";
        String index = "connector-" + id;
        connect.kafka().createTopic(topic, 4);
        Set<String> expected = inScope(archive);
        long t0 = System.nanoTime();
        connect.configureConnector("kc-sink", sink(id, topic, dlq));
        connect.configureConnector("kc-source", source(id, topic));
        waitFor(() -> indexed(index).equals(expected), "the index holds the archive", Duration.ofSeconds(120));
        System.out.printf("Crawl through Connect: %d messages indexed in %d ms%n", expected.size(),
                (System.nanoTime() - t0) / 1_000_000);
        assertThat(countEmails(index)).as("each message once").isEqualTo(expected.size());
        JsonObject status = JsonParser.parseString(get("connectors/kc-source/status")).getAsJsonObject();
        assertThat(status.getAsJsonArray("tasks")).as("the mailboxes spread over two tasks").hasSize(2);

        // Incremental: new mail is indexed, and nothing else is written again.
        String mailbox = archive.mailboxes().stream().filter(m -> expected.stream().anyMatch(e -> e.startsWith(
                m.toLowerCase(Locale.ROOT) + " "))).findFirst().orElseThrow();
        Map<String, String> writtenBefore = writtenAt(index);
        MessageHeader fresh = archive.addMessage(mailbox, View.INBOX, Instant.now().minusSeconds(60), "fresh mail");
        Set<String> withFresh = new HashSet<>(expected);
        withFresh.add(mailbox.toLowerCase(Locale.ROOT) + " " + fresh.id());
        waitFor(() -> indexed(index).equals(withFresh), "the new message is indexed", Duration.ofSeconds(60));
        Map<String, String> writtenAfter = writtenAt(index);
        assertThat(writtenAfter.size()).isEqualTo(writtenBefore.size() + 1);
        assertThat(writtenAfter.entrySet()).as("documents written again by the incremental passes")
                .filteredOn(e -> writtenBefore.containsKey(e.getKey()))
                .allSatisfy(e -> assertThat(e.getValue()).isEqualTo(writtenBefore.get(e.getKey())));

        // FULL passes from now on, so that what the source no longer has is swept.
        Map<String, String> fullPasses = source(id, topic);
        fullPasses.put("connect.crawl.full-every-passes", "2");
        connect.configureConnector("kc-source", fullPasses);

        // A deleted message and a removed mailbox disappear.
        String gone = withFresh.stream().filter(e -> !e.startsWith(mailbox.toLowerCase(Locale.ROOT) + " "))
                .findFirst().orElseThrow();
        String goneMailbox = gone.substring(0, gone.indexOf(' '));
        String goneId = gone.substring(gone.indexOf(' ') + 1);
        assertThat(archive.deleteMessage(goneId)).isTrue();
        String removed = archive.mailboxes().stream().map(m -> m.toLowerCase(Locale.ROOT))
                .filter(m -> !m.equals(goneMailbox) && !m.equals(mailbox.toLowerCase(Locale.ROOT))
                        && withFresh.stream().anyMatch(e -> e.startsWith(m + " ")))
                .findFirst().orElseThrow();
        assertThat(archive.removeUser(removed)).isTrue();
        Set<String> after = withFresh.stream().filter(e -> !e.equals(gone) && !e.startsWith(removed + " "))
                .collect(Collectors.toSet());
        waitFor(() -> indexed(index).equals(after), "the deleted message and the removed mailbox are gone",
                Duration.ofSeconds(90));

        // A poison document goes to the dead-letter queue; the rest stays indexed.
        String poison = "{\"op\":\"upsert\",\"source\":\"" + id + "\",\"partition\":\"" + mailbox
                + "\",\"id\":\"poison-1\",\"document\":{\"id\":\"poison-1\",\"source\":\"" + id + "\",\"partition\":\""
                + mailbox + "\",\"kind\":\"email\",\"generation\":\"not a number\",\"indexed_at\":\"never\"}}";
        connect.kafka().produce(topic, mailbox, poison);
        ConsumerRecords<byte[], byte[]> dead = connect.kafka().consume(1, 60_000, dlq);
        assertThat(dead.count()).isEqualTo(1);
        ConsumerRecord<byte[], byte[]> deadRecord = dead.iterator().next();
        assertThat(new String(deadRecord.value(), StandardCharsets.UTF_8)).contains("poison-1");
        refresh(index);
        assertThat(indexed(index)).isEqualTo(after);

        // Rewinding one mailbox through Connect's offsets API reads it again: its documents, removed
        // from the index behind the connectors' back, are not brought back by incremental passes,
        // and are after the rewind.
        connect.configureConnector("kc-source", source(id, topic));
        // The tasks of the FULL passes are stopped before those of the new configuration start.
        waitFor(() -> get("connectors/kc-source/tasks").contains("\"connect.crawl.full-every-passes\":\"0\"")
                && tasksRunning("kc-source", 2),
                "the tasks of the new configuration run", Duration.ofSeconds(60));
        long listingsBefore = server.calls(Endpoint.GET_MESSAGE_LIST);
        waitFor(() -> server.calls(Endpoint.GET_MESSAGE_LIST) - listingsBefore >= 6, "passes of the new configuration",
                Duration.ofSeconds(30));
        // Not the mailbox of the new mail: the late-arrival window of every incremental pass lists it again.
        String rewound = after.stream().map(e -> e.substring(0, e.indexOf(' ')))
                .filter(m -> !m.equals(mailbox.toLowerCase(Locale.ROOT))).findFirst().orElseThrow();
        String partition = partitionOf(index, rewound);
        deletePartition(index, partition);
        Set<String> without = after.stream().filter(e -> !e.startsWith(rewound + " ")).collect(Collectors.toSet());
        assertThat(indexed(index)).isEqualTo(without);
        long passesBefore = server.calls(Endpoint.GET_MESSAGE_LIST);
        waitFor(() -> server.calls(Endpoint.GET_MESSAGE_LIST) - passesBefore >= 6, "more incremental passes",
                Duration.ofSeconds(30));
        assertThat(indexed(index)).as("after incremental passes").isEqualTo(without);
        connect.stopConnector("kc-source");
        waitFor(() -> get("connectors/kc-source/status").contains("STOPPED"), "the source stopped",
                Duration.ofSeconds(30));
        String patch = "{\"offsets\":[{\"partition\":{\"connector.id\":\"" + id + "\",\"partition\":\"" + partition
                + "\"},\"offset\":null}]}";
        // A stopping task's last offset commit can land after the PATCH (Connect does not wait for it
        // without exactly-once support): check the answer a moment later, as an operator would.
        String offsetOfPartition = "\"partition\":\"" + partition + "\"";
        for (int attempt = 0; attempt < 5; attempt++) {
            Response r = connect.requestPatch(connect.endpointForResource("connectors/kc-source/offsets"), patch);
            assertThat(r.getStatus()).as(body(r)).isEqualTo(200);
            Thread.sleep(1500);
            if (!get("connectors/kc-source/offsets").contains(offsetOfPartition)) {
                break;
            }
        }
        assertThat(get("connectors/kc-source/offsets")).as("offsets after the rewind").doesNotContain(offsetOfPartition);
        connect.resumeConnector("kc-source");
        waitFor(() -> indexed(index).equals(after), "the rewound mailbox is read again", Duration.ofSeconds(60));

        // No secret in Connect's answers or in the log.
        for (String path : List.of("connectors/kc-source", "connectors/kc-source/config", "connectors/kc-source/tasks",
                "connectors/kc-source/status", "connectors/kc-source/offsets", "connectors?expand=info&expand=status")) {
            assertThat(get(path)).as(path).doesNotContain(SECRET);
        }
        assertThat(log()).as("the log").contains("kc-source").doesNotContain(SECRET);
        connect.deleteConnector("kc-source");
        connect.deleteConnector("kc-sink");
    }

    @Test
    @Order(4)
    void aWorkerStoppedMidCrawlHandsItsTasksOverAndTheIndexIsExact() throws Exception {
        Archive big = ArchiveGenerator.seed(31).domains(1).localDomains(1).usersPerDomain(6).messagesPerView(10)
                .between(Instant.parse("2023-01-01T00:00:00Z"), Instant.parse("2024-01-01T00:00:00Z")).generate();
        Set<String> expected = inScope(big);
        // Slow downloads stretch the crawl over seconds, so the worker leaves in the middle of it.
        try (FakeMimecastServer slow = FakeMimecastServer.builder().archive(big).clientCredentials(CLIENT, SECRET)
                .fault(FaultRule.always(Endpoint.GET_FILE, Fault.slow(Duration.ofMillis(60)))).start()) {
            String id = "kc-failover";
            String index = "connector-" + id;
            connect.kafka().createTopic(id, 4);
            Map<String, String> source = source(id, id);
            source.put("mimecast.api-endpoint", slow.baseUrl());
            source.put("mimecast.auth-endpoint", slow.baseUrl());
            source.put("connect.crawl.interval-seconds", "2");
            connect.configureConnector("kc-failover-sink", sink(id, id, id + "-dlq"));
            connect.configureConnector("kc-failover-source", source);
            waitFor(() -> indexed(index).size() >= expected.size() / 5, "a fifth of the archive is indexed",
                    Duration.ofSeconds(60));
            int indexedWhenStopped = indexed(index).size();
            String busy = connect.connectorStatus("kc-failover-source").tasks().get(0).workerId();
            WorkerHandle leaving = connect.workers().stream()
                    .filter(w -> busy.endsWith(":" + w.url().getPort())).findFirst().orElseThrow();
            connect.removeWorker(leaving);
            waitFor(() -> indexed(index).equals(expected), "the index holds the archive after the worker left",
                    Duration.ofSeconds(120));
            assertThat(indexedWhenStopped).as("the worker left mid-crawl").isLessThan(expected.size());
            assertThat(countEmails(index)).as("each message once").isEqualTo(expected.size());
            String stayed = connect.connectorStatus("kc-failover-source").tasks().get(0).workerId();
            assertThat(stayed).as("task 0 moved").isNotEqualTo(busy);
            connect.deleteConnector("kc-failover-source");
            connect.deleteConnector("kc-failover-sink");
        } finally {
            connect.addWorker();
        }
    }

    /**
     * The crawl rate through Connect (source, Kafka, sink) against the CLI host's pipeline on the same
     * archive, both with two partitions at once: printed as a ratio, not asserted.
     */
    @Test
    @Order(5)
    void crawlRateThroughConnectAgainstTheCliHost() throws Exception {
        Archive same = ArchiveGenerator.seed(37).domains(1).localDomains(1).usersPerDomain(6).messagesPerView(25)
                .between(Instant.parse("2023-01-01T00:00:00Z"), Instant.parse("2024-01-01T00:00:00Z")).generate();
        Set<String> expected = inScope(same);
        try (FakeMimecastServer served = FakeMimecastServer.builder().archive(same).clientCredentials(CLIENT, SECRET)
                .start()) {
            Map<String, String> cli = new LinkedHashMap<>();
            cli.put("connector.type", "mimecast");
            cli.put("connector.id", "kc-rate-cli");
            cli.put("mimecast.api-endpoint", served.baseUrl());
            cli.put("mimecast.auth-endpoint", served.baseUrl());
            cli.put("mimecast.client-id", CLIENT);
            cli.put("mimecast.client-secret", SECRET);
            cli.put("mimecast.messages.start-date", "2019-01-01");
            cli.put("mimecast.stats-interval-seconds", "0");
            cli.put("mimecast.attachments.extract", "false");
            cli.put("extract.text", "false");
            cli.put("crawl.parallel.partitions", "2");
            cli.put("sink.elasticsearch.url", node.url());
            ConnectorRegistry registry = ConnectorRegistry.load();
            long cliNanos;
            try (Host host = Host.open(registry.validate(cli), registry)) {
                long t = System.nanoTime();
                CrawlReport report = host.crawl(false, progress -> { }, new CancellationSignal());
                cliNanos = System.nanoTime() - t;
                assertThat(report.partitionsFailed()).isZero();
            }
            assertThat(indexed("connector-kc-rate-cli")).isEqualTo(expected);

            String id = "kc-rate-connect";
            connect.kafka().createTopic(id, 4);
            Map<String, String> source = source(id, id);
            source.put("mimecast.api-endpoint", served.baseUrl());
            source.put("mimecast.auth-endpoint", served.baseUrl());
            connect.configureConnector("kc-rate-sink", sink(id, id, id + "-dlq"));
            long t = System.nanoTime();
            connect.configureConnector("kc-rate-source", source);
            waitFor(() -> indexed("connector-" + id).equals(expected), "the archive through Connect",
                    Duration.ofSeconds(120));
            long connectNanos = System.nanoTime() - t;
            System.out.printf(Locale.ROOT, "Crawl rate on %d messages: CLI host %.0f msg/s (%d ms), Connect %.0f msg/s"
                    + " (%d ms, from the connector's creation to the last document searchable); Connect/CLI = %.2f%n",
                    expected.size(), expected.size() * 1e9 / cliNanos, cliNanos / 1_000_000,
                    expected.size() * 1e9 / connectNanos, connectNanos / 1_000_000, (double) cliNanos / connectNanos);
            connect.deleteConnector("kc-rate-source");
            connect.deleteConnector("kc-rate-sink");
        }
    }

    // --- helpers ---

    private static boolean tasksRunning(String connector, int tasks) {
        JsonObject status = JsonParser.parseString(get("connectors/" + connector + "/status")).getAsJsonObject();
        JsonArray all = status.getAsJsonArray("tasks");
        if (all.size() != tasks) {
            return false;
        }
        for (JsonElement t : all) {
            if (!"RUNNING".equals(t.getAsJsonObject().get("state").getAsString())) {
                return false;
            }
        }
        return true;
    }

    private static String log() {
        try {
            return Files.readString(Path.of(System.getProperty("connect.it.log", "target/connect-it.log")),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static String get(String path) {
        Response r = connect.requestGet(connect.endpointForResource(path));
        String body = body(r);
        assertThat(r.getStatus()).as(path + ": " + body).isEqualTo(200);
        return body;
    }

    private static String put(String path, String json) {
        Response r = connect.requestPut(connect.endpointForResource(path), json);
        String body = body(r);
        assertThat(r.getStatus()).as(path + ": " + body).isEqualTo(200);
        return body;
    }

    /** The answer's body: the harness's responses are built from the answer it read. */
    private static String body(Response r) {
        Object entity = r.getEntity();
        return entity == null ? "" : entity.toString();
    }

    private static String json(Map<String, String> map) {
        JsonObject o = new JsonObject();
        map.forEach(o::addProperty);
        return o.toString();
    }

    private static void waitFor(BooleanSupplier condition, String what, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(250);
        }
        assertThat(condition.getAsBoolean()).as("within %s: %s", timeout, what).isTrue();
    }

    private static JsonObject post(String path, String body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(node.url() + path))
                    .header("Content-Type", "application/json")
                    .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                    .build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return null;
            }
            return JsonParser.parseString(response.body()).getAsJsonObject();
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Deletes a partition's documents behind the connectors' back (a search, then one _bulk). */
    private static void deletePartition(String index, String partition) {
        refresh(index);
        JsonObject r = post("/" + index + "/_search", "{\"size\":10000,\"_source\":false,"
                + "\"query\":{\"term\":{\"partition\":\"" + partition + "\"}}}");
        StringBuilder bulk = new StringBuilder();
        for (JsonElement h : r.getAsJsonObject("hits").getAsJsonArray("hits")) {
            JsonObject meta = new JsonObject();
            meta.addProperty("_index", index);
            meta.addProperty("_id", h.getAsJsonObject().get("_id").getAsString());
            JsonObject line = new JsonObject();
            line.add("delete", meta);
            bulk.append(line).append('\n');
        }
        assertThat(bulk).as("documents of partition %s", partition).isNotEmpty();
        assertThat(post("/_bulk?refresh=true", bulk.toString())).isNotNull();
    }

    private static void refresh(String index) {
        post("/" + index + "/_refresh", null);
    }

    /** {@code "<mailbox> <Mimecast id>"} of every email document, as the CLI's crawl tests compare them. */
    private static Set<String> indexed(String index) {
        refresh(index);
        JsonObject r = post("/" + index + "/_search",
                "{\"size\":10000,\"_source\":[\"kind\",\"fields.mailbox\",\"fields.mimecastId\"]}");
        Set<String> out = new HashSet<>();
        if (r == null) {
            return out;
        }
        JsonArray hits = r.getAsJsonObject("hits").getAsJsonArray("hits");
        for (JsonElement h : hits) {
            JsonObject src = h.getAsJsonObject().getAsJsonObject("_source");
            if (src.has("kind") && "email".equals(src.get("kind").getAsString())) {
                JsonObject f = src.getAsJsonObject("fields");
                out.add(f.get("mailbox").getAsString().toLowerCase(Locale.ROOT) + " "
                        + f.get("mimecastId").getAsString());
            }
        }
        return out;
    }

    /** The partition id the documents of a mailbox carry. */
    private static String partitionOf(String index, String mailbox) {
        refresh(index);
        JsonObject r = post("/" + index + "/_search",
                "{\"size\":10000,\"_source\":[\"partition\",\"fields.mailbox\"]}");
        for (JsonElement h : r.getAsJsonObject("hits").getAsJsonArray("hits")) {
            JsonObject src = h.getAsJsonObject().getAsJsonObject("_source");
            if (src.has("fields") && src.getAsJsonObject("fields").has("mailbox") && src.getAsJsonObject("fields")
                    .get("mailbox").getAsString().toLowerCase(Locale.ROOT).equals(mailbox)) {
                return src.get("partition").getAsString();
            }
        }
        throw new AssertionError("no document of mailbox " + mailbox + " in " + index);
    }

    /** Document id to when it was last written ({@code indexed_at}). */
    private static Map<String, String> writtenAt(String index) {
        refresh(index);
        JsonObject r = post("/" + index + "/_search", "{\"size\":10000,\"_source\":[\"id\",\"indexed_at\"]}");
        Map<String, String> out = new HashMap<>();
        for (JsonElement h : r.getAsJsonObject("hits").getAsJsonArray("hits")) {
            JsonObject src = h.getAsJsonObject().getAsJsonObject("_source");
            out.put(src.get("id").getAsString(), src.get("indexed_at").getAsString());
        }
        return out;
    }

    private static long countEmails(String index) {
        refresh(index);
        JsonObject r = post("/" + index + "/_count", "{\"query\":{\"term\":{\"kind\":\"email\"}}}");
        return r == null ? -1 : r.get("count").getAsLong();
    }

    /** Mailbox and Mimecast id of every message in scope: non-local domains, no aliases, both views. */
    private static Set<String> inScope(Archive archive) {
        Set<String> domains = archive.domains().stream().filter(d -> !d.local()).map(Domain::domain)
                .map(d -> d.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        Set<String> out = new HashSet<>();
        archive.users().stream().filter(u -> !u.alias() && domains.contains(u.domain().toLowerCase(Locale.ROOT)))
                .map(User::emailAddress).distinct().forEach(mailbox -> Stream.of(View.INBOX, View.SENT)
                        .flatMap(v -> archive.messages(mailbox, v, START, Instant.now()))
                        .map(MessageHeader::id)
                        .forEach(mid -> out.add(mailbox.toLowerCase(Locale.ROOT) + " " + mid)));
        return out;
    }
}
