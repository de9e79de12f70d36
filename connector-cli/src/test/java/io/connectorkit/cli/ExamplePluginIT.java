package io.connectorkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.connectorkit.embedded.EmbeddedSearchNode;
import io.connectorkit.embedded.testing.SharedSearchNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A third party's connector, the example project's jar, installed as a plugin folder with its own
 * older Gson next to it (the command ships a newer one), and run through {@code java -jar
 * connector.jar}: check, crawl, status and search against the index, and {@code plugins} lists it.
 */
@ExtendWith(SharedSearchNode.class)
class ExamplePluginIT {
    private static final String TOKEN = "plugin-token-51e7";
    /** Words of the Mimecast connector that no output of another connector may hold. */
    private static final List<String> MIMECAST_WORDS = List.of("mailbox", "mimecast", "delta token", "messages",
            "e-mail", "email");

    @TempDir
    Path dir;

    private EmbeddedSearchNode node;
    private Path pluginJar;

    @BeforeEach
    void useIndex(EmbeddedSearchNode shared) {
        node = shared;
    }

    /** {@code plugins/connector-example/}: the example's jar and its libraries, as its build left them. */
    private Path installPlugin(Path pluginsDir) throws IOException {
        Path jar = Path.of(System.getProperty("example.connector.jar"));
        Path lib = Path.of(System.getProperty("example.connector.lib"));
        assertThat(jar).as("the example connector's jar (built by the examples module)").isRegularFile();
        Path plugin = Files.createDirectories(pluginsDir.resolve("connector-example"));
        pluginJar = Files.copy(jar, plugin.resolve(jar.getFileName()));
        try (Stream<Path> libs = Files.list(lib)) {
            for (Path l : libs.toList()) {
                Files.copy(l, plugin.resolve(l.getFileName()));
            }
        }
        return plugin;
    }

    private Path source() throws IOException {
        Path root = Files.createDirectories(dir.resolve("shared-drive"));
        Files.writeString(root.resolve(".token"), TOKEN);
        Files.createDirectories(root.resolve("finance"));
        Files.createDirectories(root.resolve("legal"));
        Files.writeString(root.resolve("finance/invoice-2026.txt"), "Invoice 2026 for the plugin crawl");
        Files.writeString(root.resolve("finance/report.json"), "{\"title\": \"Quarterly invoice summary\", \"total\": 3}");
        Files.writeString(root.resolve("legal/contract.txt"), "A contract without the other word");
        return root;
    }

    private Path config(Path root, String id) throws IOException {
        Path etc = Files.createDirectories(dir.resolve("etc"));
        Path file = etc.resolve(id + ".properties");
        Files.writeString(file, String.join("\n",
                "connector.type=example-files",
                "connector.id=" + id,
                // Relative to this file's folder: dir/plugins.
                "connector.plugin-path=../plugins",
                "example.root=" + root,
                "example.token=${env:EXAMPLE_TOKEN}",
                "extract.text=false",
                "sink.elasticsearch.url=" + node.url()) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    private CliRun run(Path work, String... args) throws IOException, InterruptedException {
        return ConnectorProcess.run(work, Map.of("EXAMPLE_TOKEN", TOKEN), args);
    }

    private static void assertNoMimecastWord(CliRun run) {
        String all = (run.out + run.err).toLowerCase(Locale.ROOT);
        for (String word : MIMECAST_WORDS) {
            assertThat(all).as("output of another connector holds '%s':%n%s", word, run).doesNotContain(word);
        }
    }

    @Test
    void thePluginWithItsOwnOlderGsonChecksCrawlsAndSearchesThroughTheShippedJar() throws Exception {
        Path plugin = installPlugin(Files.createDirectories(dir.resolve("plugins")));
        // The conflict is real: the plugin carries an older Gson than the one connector.jar ships.
        assertThat(plugin.resolve("gson-2.8.9.jar")).isRegularFile();
        try (JarFile shipped = new JarFile(ConnectorProcess.jar().toFile())) {
            assertThat(shipped.getEntry("com/google/gson/Gson.class")).isNotNull();
            assertThat(shipped.getEntry("META-INF/maven/com.google.code.gson/gson/pom.properties")).isNotNull();
            String props = new String(shipped.getInputStream(
                    shipped.getEntry("META-INF/maven/com.google.code.gson/gson/pom.properties")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertThat(props).contains("version=").doesNotContain("version=2.8.9");
        }
        Path file = config(source(), "exampleplugin-files");
        // Elsewhere than the plugins folder's parent: the file's key finds the plugin, not the default.
        Path work = Files.createDirectories(dir.resolve("work"));

        CliRun check = run(work, "check", "--config", file.toString());
        assertThat(check.status).as(check.toString()).isZero();
        assertThat(check.out).contains("Check passed", "2 top-level folders to crawl");
        assertNoMimecastWord(check);

        CliRun crawl = run(work, "crawl", "--config", file.toString());
        assertThat(crawl.status).as(crawl.toString()).isZero();
        assertThat(crawl.out).contains("Crawl finished in", "  folders      2 crawled, 0 failed, 2 in scope",
                "  documents    3 indexed");
        assertThat(crawl.err).contains("folders 2/2");
        assertNoMimecastWord(crawl);

        IndexQueries index = new IndexQueries(node.url());
        index.refresh("connector-exampleplugin-files");
        assertThat(index.count("connector-exampleplugin-files")).isEqualTo(3);
        assertThat(index.sources("connector-exampleplugin-files", "{\"size\":10}"))
                .extracting(s -> s.get("title").getAsString())
                // The JSON file's title was read with the plugin's own Gson.
                .containsExactlyInAnyOrder("invoice-2026.txt", "Quarterly invoice summary", "contract.txt");

        CliRun status = run(work, "status", "--config", file.toString());
        assertThat(status.status).as(status.toString()).isZero();
        assertThat(status.out).contains("finance\n", "legal\n", "  documents     2\n", "  documents     1\n",
                "2 folders, 3 documents, 0 failures", "  folders       2 crawled, 0 failed, 2 in scope");
        assertNoMimecastWord(status);

        CliRun search = run(work, "search", "--config", file.toString(), "invoice");
        assertThat(search.status).as(search.toString()).isZero();
        assertThat(search.out).contains("2 matching documents", "Quarterly invoice summary", "invoice-2026.txt",
                "    folder finance  id finance/").doesNotContain("contract.txt");
        assertNoMimecastWord(search);

        CliRun reset = run(work, "reset", "--config", file.toString(), "--partition", "legal", "--to", "2020-01-01");
        assertThat(reset.status).as(reset.toString()).isZero();
        assertThat(reset.out).contains("Rewound 1 folder to 2020-01-01T00:00:00Z");
        assertNoMimecastWord(reset);
    }

    @Test
    void pluginsListsTheExampleWithItsVersionAndJarBesideTheBuiltInConnector() throws Exception {
        installPlugin(Files.createDirectories(dir.resolve("plugins")));

        // The default plugin path: plugins in the working directory.
        CliRun list = run(dir, "plugins");
        assertThat(list.status).as(list.toString()).isZero();
        assertThat(list.out).containsPattern("example-files +Example files +1\\.0\\.0 +" + java.util.regex.Pattern.quote(
                pluginJar.toString()));
        assertThat(list.out).containsPattern("mimecast +Mimecast archive \\(API 2\\.0\\) +\\S+ +built-in");

        CliRun json = run(dir.resolve(".."), "plugins", "--plugin-path", dir.resolve("plugins").toString(), "--json");
        assertThat(json.status).as(json.toString()).isZero();
        JsonArray rows = JsonParser.parseString(json.out).getAsJsonArray();
        JsonObject example = null;
        for (JsonElement row : rows) {
            if (row.getAsJsonObject().get("type").getAsString().equals("example-files")) {
                example = row.getAsJsonObject();
            }
        }
        assertThat(example).as(json.out).isNotNull();
        assertThat(example.get("version").getAsString()).isEqualTo("1.0.0");
        assertThat(example.get("from").getAsString()).isEqualTo(pluginJar.toString());
        assertThat(example.get("builtIn").getAsBoolean()).isFalse();
        assertThat(example.get("partition").getAsString()).isEqualTo("folder");

        // Without the plugin path the built-in connector still runs, and the plugin's type is unknown.
        CliRun without = run(dir.resolve("plugins"), "plugins");
        assertThat(without.status).as(without.toString()).isZero();
        assertThat(without.out).contains("mimecast").doesNotContain("example-files");
    }

    @Test
    void aMissingPluginFolderNamedInTheFileIsAConfigurationErrorNamingKeyValueAndFix() throws Exception {
        Path file = config(source(), "exampleplugin-missing");
        CliRun check = run(dir, "check", "--config", file.toString());
        assertThat(check.status).as(check.toString()).isEqualTo(2);
        assertThat(check.err).contains("connector.plugin-path", "'../plugins'", dir.resolve("plugins").toString(),
                "does not exist; create it");
    }

    @Test
    void theSamePluginInTwoFoldersIsRefusedNamingBothJars() throws Exception {
        installPlugin(Files.createDirectories(dir.resolve("plugins")));
        Path again = installPlugin(Files.createDirectories(dir.resolve("more")));
        CliRun list = run(dir, "plugins", "--plugin-path", "plugins,more");
        assertThat(list.status).as(list.toString()).isEqualTo(2);
        assertThat(list.err).contains("--plugin-path", "'example-files' is found twice",
                dir.resolve("plugins/connector-example").toString(), again.toString());
    }
}
