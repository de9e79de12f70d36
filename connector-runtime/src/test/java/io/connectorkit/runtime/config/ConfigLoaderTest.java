package io.connectorkit.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectorkit.api.ConfigProblem;
import io.connectorkit.api.InvalidConfigException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    private final ConfigLoader loader = new ConfigLoader(Map.of("CLIENT_SECRET", "s3cret", "HOST", "example.com")::get);

    @TempDir
    Path dir;

    @Test
    void replacesEnvironmentAndFileReferences() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "  from-file\n", StandardCharsets.UTF_8);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("a.secret", "${env:CLIENT_SECRET}");
        values.put("a.url", "https://${env:HOST}/api");
        values.put("a.file", "${file:" + secret + "}");
        values.put("a.plain", "no references");
        assertThat(loader.interpolate(values)).containsExactly(
                Map.entry("a.secret", "s3cret"),
                Map.entry("a.url", "https://example.com/api"),
                Map.entry("a.file", "from-file"),
                Map.entry("a.plain", "no references"));
    }

    @Test
    void namesEveryKeyWhoseReferenceCannotBeResolved() {
        Map<String, String> values = Map.of(
                "a.one", "${env:MISSING_VAR}",
                "a.two", "${file:" + dir.resolve("absent.txt") + "}",
                "a.fine", "${env:HOST}");
        assertThatThrownBy(() -> loader.interpolate(values))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> {
                    assertThat(e.problems()).extracting(ConfigProblem::key).containsExactlyInAnyOrder("a.one", "a.two");
                    assertThat(e.getMessage()).contains("MISSING_VAR").contains("absent.txt");
                });
    }

    @Test
    void loadsAPropertiesFile() throws Exception {
        Path file = Files.writeString(dir.resolve("source.properties"),
                "# a source\nconnector.type = scripted\nconnector.id=demo\nsink.elasticsearch.password=${env:CLIENT_SECRET}\n",
                StandardCharsets.UTF_8);
        assertThat(loader.load(file)).containsEntry("connector.type", "scripted").containsEntry("connector.id", "demo")
                .containsEntry("sink.elasticsearch.password", "s3cret");
    }

    @Test
    void aMissingFileIsAConfigurationProblem() {
        assertThatThrownBy(() -> loader.load(dir.resolve("nope.properties")))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("nope.properties");
    }
}
