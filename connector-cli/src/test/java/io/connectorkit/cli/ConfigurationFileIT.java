package io.connectorkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.connectorkit.embedded.EmbeddedSearchNode;
import io.connectorkit.embedded.testing.SharedSearchNode;
import io.connectorkit.simulator.archive.Archive;
import io.connectorkit.simulator.archive.ArchiveGenerator;
import io.connectorkit.simulator.mimecast.FakeMimecastServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a configuration file says is what the command does: the packaged {@code connector}
 * command run in a process of its own (in a chosen working directory, as a cron job runs it)
 * against the fake Mimecast server and the embedded index shared by the integration tests.
 * Backslashes, keys given twice, relative paths, index names, unknown keys and the files given
 * to {@code --config} and {@code --log-config}.
 */
@ExtendWith(SharedSearchNode.class)
class ConfigurationFileIT {
    private static final String SECRET = "cfg-Secret-5521";
    private static final FakeTenant TENANT = new FakeTenant(ConfigurationFileIT.class, "cfg-client", SECRET);
    private EmbeddedSearchNode node;

    @TempDir
    Path dir;

    @BeforeEach
    void useIndex(EmbeddedSearchNode shared) {
        node = shared;
    }

    private static Archive archive() {
        return ArchiveGenerator.seed(11).domains(2).localDomains(0).usersPerDomain(3).aliasEvery(0).shareEvery(0)
                .messagesPerView(2).attachmentShare(0).generate();
    }

    private CrawlConfig config(FakeMimecastServer server, String name) {
        return TENANT.config(name, server, node.url());
    }

    private CliRun connector(String... args) throws IOException, InterruptedException {
        return TENANT.process(dir, args);
    }

    /** Appends lines as written, backslashes and all, to a configuration file. */
    private static Path append(Path file, String... lines) throws IOException {
        Files.writeString(file, "\n" + String.join("\n", lines) + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        return file;
    }

    @Test
    void singleBackslashesOfARegexKeepTheirMeaning() throws Exception {
        Archive archive = archive();
        String target = archive.mailboxes().get(0);
        assertThat(target).as("a mailbox address with a dot").contains(".");
        // As an administrator writes it, such as ^alice\.smith\x40example\.com$ (\x40 is '@'): without
        // its backslashes it would match no address at all.
        String single = "^" + target.replace(".", "\\.").replace("@", "\\x40") + "$";
        String doubled = single.replace("\\", "\\\\");
        try (FakeMimecastServer server = TENANT.serve(archive)) {
            for (String written : List.of(single, doubled)) {
                Path file = append(config(server, written.equals(single) ? "single" : "doubled")
                        .with("mimecast.mailboxes.include", null).write(dir), "mimecast.mailboxes.include=" + written);
                CliRun run = connector("preview", "--json", "--config", file.toString());
                assertThat(run.status).as(run.toString()).isZero();
                List<String> included = new ArrayList<>();
                for (JsonElement e : JsonParser.parseString(run.out).getAsJsonArray()) {
                    JsonObject d = e.getAsJsonObject();
                    if (d.get("kind").getAsString().equals("mailbox") && d.get("included").getAsBoolean()) {
                        included.add(d.get("item").getAsString());
                    }
                }
                assertThat(included).as("mailboxes in scope for %s", written).containsExactly(target);
            }
        }
    }

    @Test
    void aSingleBackslashOutsideARegexIsRefusedShowingTheDoubledForm() throws Exception {
        try (FakeMimecastServer server = TENANT.serve(archive())) {
            Path file = append(config(server, "backslash").with("mimecast.client-secret", null).write(dir),
                    "mimecast.client-secret=cfg-Secret\\#5521", "sink.embedded.data-dir=C:\\connector\\data");
            CliRun run = connector("crawl", "--config", file.toString());
            assertThat(run.status).as(run.toString()).isEqualTo(2);
            assertThat(run.err).contains("mimecast.client-secret = '********': line ", "backslash", "twice (\\\\)")
                    .contains("sink.embedded.data-dir = 'C:\\connector\\data'", "it would read 'C:connectordata'",
                            "write 'C:\\\\connector\\\\data'")
                    .doesNotContain("cfg-Secret#5521").doesNotContain("cfg-Secret\\#5521");
            assertThat(run.err.lines()).allMatch(l -> l.startsWith("error: "));
            assertThat(server.requests()).as("no call before the configuration is valid").isEmpty();
        }
    }

    @Test
    void aKeyGivenTwiceIsRefusedNamingBothLines() throws Exception {
        try (FakeMimecastServer server = TENANT.serve(archive())) {
            Path file = config(server, "twice").write(dir);
            long lines = Files.readAllLines(file).size();
            append(file, "connector.id=other");
            CliRun run = connector("crawl", "--config", file.toString());
            assertThat(run.status).as(run.toString()).isEqualTo(2);
            assertThat(run.err).contains("connector.id: given twice, on lines 2 and " + (lines + 1));
            assertThat(server.requests()).isEmpty();
            assertThat(status("/connector-other")).as("no index for the second id").isEqualTo(404);
        }
    }

    @Test
    void relativePathsAreUnderTheConfigurationFilesFolder() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("etc/x"));
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Path cron = Files.createDirectories(dir.resolve("cron"));
        Files.writeString(folder.resolve("client-secret.txt"), SECRET + "\n", StandardCharsets.UTF_8);
        try (FakeMimecastServer server = TENANT.serve(archive())) {
            // The embedded index under the default ./data/opensearch, the secret from a relative file.
            Path file = config(server, "relative").with("sink.elasticsearch.url", null)
                    .with("mimecast.client-secret", "${file:client-secret.txt}").write(folder);
            CliRun crawl = ConnectorProcess.run(elsewhere, Map.of(), "crawl", "--config", file.toString());
            assertThat(crawl.status).as(crawl.toString()).isZero();
            assertThat(crawl.out).contains("6 crawled");
            CliRun status = ConnectorProcess.run(cron, Map.of(), "status", "--config", "../etc/x/" + file.getFileName());
            assertThat(status.status).as(status.toString()).isZero();
            assertThat(status.out).doesNotContain("Nothing crawled yet").contains(archive().mailboxes().get(0));
            assertThat(folder.resolve("data/opensearch")).isDirectory();
            assertThat(elsewhere.resolve("data")).doesNotExist();
            assertThat(cron.resolve("data")).doesNotExist();
        }
    }

    @Test
    void aContentIndexNamedLikeAStateIndexIsRefused() throws Exception {
        try (FakeMimecastServer server = TENANT.serve(archive())) {
            Path file = config(server, "collide").with("sink.elasticsearch.index", "connector-configurationfile-state")
                    .write(dir);
            CliRun run = connector("crawl", "--config", file.toString());
            assertThat(run.status).as(run.toString()).isEqualTo(2);
            assertThat(run.err).contains("sink.elasticsearch.index = 'connector-configurationfile-state'",
                    "state index of the source whose content index is 'connector-configurationfile'");
            Path byId = config(server, "collide-state").write(dir);
            CliRun id = connector("check", "--config", byId.toString());
            assertThat(id.status).as(id.toString()).isEqualTo(2);
            assertThat(id.err).contains("connector.id = 'configurationfile-collide-state'", "sink.elasticsearch.index");
            assertThat(server.requests()).isEmpty();
            assertThat(status("/connector-configurationfile-state")).isEqualTo(404);
        }
    }

    @Test
    void theValueOfAnUnknownKeyIsNeverPrintedAndRequiredKeysKeepTheirCapitals() throws Exception {
        try (FakeMimecastServer server = TENANT.serve(archive())) {
            Path file = config(server, "unknown").with("mimecast.client-secret", null)
                    .with("mimecast.client-secrt", "${env:" + CrawlConfig.SECRET_VARIABLE + "}")
                    .with("mimecast.client-id", null).write(dir);
            CliRun run = connector("check", "--config", file.toString());
            assertThat(run.status).as(run.toString()).isEqualTo(2);
            assertThat(run.err).contains("mimecast.client-secrt: unknown key", "did you mean 'mimecast.client-secret'")
                    .contains("mimecast.client-id: required but not set; OAuth2 client id")
                    .doesNotContain(SECRET);
        }
    }

    @Test
    void aDirectoryGivenAsTheConfigurationIsCalledADirectory() throws Exception {
        CliRun run = connector("status", "--config", dir.toString());
        assertThat(run.status).as(run.toString()).isEqualTo(2);
        assertThat(run.err).contains("--config " + dir, "is a directory").doesNotContain("does not exist");
    }

    @Test
    void aLogConfigurationLog4jCannotReadIsOneSentence() throws Exception {
        Path garbage = Files.writeString(dir.resolve("log4j2.xml"), "this is <not xml", StandardCharsets.UTF_8);
        CliRun run = connector("--log-config", garbage.toString(), "status", "--config", dir.resolve("x.properties").toString());
        assertThat(run.status).as(run.toString()).isEqualTo(2);
        assertThat(run.err.lines().toList()).as(run.toString()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("error: The log configuration file " + garbage).contains("line 1", "--log-config"));
        assertThat(run.err).doesNotContain("Exception", "\tat ", "[Fatal Error]");
    }

    private int status(String path) throws IOException, InterruptedException {
        return new IndexQueries(node.url()).get(path).statusCode();
    }
}
