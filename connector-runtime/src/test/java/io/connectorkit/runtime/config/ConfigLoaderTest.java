package io.connectorkit.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectorkit.api.config.ConfigKey;
import io.connectorkit.api.config.ConfigProblem;
import io.connectorkit.api.config.ConfigSpec;
import io.connectorkit.api.config.ConfigType;
import io.connectorkit.api.config.InvalidConfigException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
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

    private static final ConfigSpec SPEC = ConfigSpec.of(
            ConfigKey.of("a.include", ConfigType.REGEX).defaultValue(""),
            ConfigKey.of("a.secret", ConfigType.STRING).secret(),
            ConfigKey.of("a.name", ConfigType.STRING),
            ConfigKey.of("a.dir", ConfigType.STRING).defaultValue("./data/here").path(),
            ConfigKey.of("a.bundle", ConfigType.STRING).defaultValue("").path());

    private Map<String, String> read(String text) throws Exception {
        Path file = Files.writeString(dir.resolve("source.properties"), text, StandardCharsets.UTF_8);
        return loader.load(file, type -> SPEC);
    }

    private List<ConfigProblem> problems(String text) {
        try {
            read(text);
            throw new AssertionError("the file was accepted: " + text);
        } catch (InvalidConfigException e) {
            return e.problems();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aRegexKeepsItsSingleBackslashesAndADoubledOneIsOne() throws Exception {
        assertThat(read("a.include=^carol\\.smith@corp\\d\\.\n")).containsEntry("a.include", "^carol\\.smith@corp\\d\\.");
        assertThat(read("a.include=^carol\\\\.smith@corp\\\\d\\\\.\n")).containsEntry("a.include", "^carol\\.smith@corp\\d\\.");
        assertThat(read("a.include = \\s+\\t\\u0041 \\\n    (x|y)\n")).containsEntry("a.include", "\\s+\\t\\u0041 (x|y)");
    }

    @Test
    void aSingleBackslashElsewhereIsRefusedWithTheDoubledFormOrForASecretItsLineAlone() {
        List<ConfigProblem> problems = problems("# header\na.name=C:\\data\\x\n\na.secret=ab\\#cd\n");
        assertThat(problems).extracting(ConfigProblem::key).containsExactly("a.name", "a.secret");
        assertThat(problems.get(0).toString()).contains("a.name = 'C:\\data\\x'", "line 2", "it would read 'C:datax'",
                "write 'C:\\\\data\\\\x'");
        assertThat(problems.get(1).toString()).contains("a.secret = '********'", "line 4", "twice")
                .doesNotContain("ab#cd").doesNotContain("ab\\#cd");
    }

    @Test
    void doubledBackslashesUnicodeEscapesAndContinuationsReadAsThePropertiesFormatSays() throws Exception {
        Map<String, String> values = read("a.name=C:\\\\data \\u00e9t\\u00E9\na.secret : one\\\n   two\n");
        assertThat(values).containsEntry("a.name", "C:\\data \u00e9t\u00e9").containsEntry("a.secret", "onetwo");
        // Without backslashes the file reads exactly as java.util.Properties reads it.
        String plain = "! comment\n  a.name   =  spaced value  \na.secret:colon\na.include  blank\n";
        java.util.Properties properties = new java.util.Properties();
        properties.load(new java.io.StringReader(plain));
        Map<String, String> read = read(plain);
        for (String key : properties.stringPropertyNames()) {
            assertThat(read).containsEntry(key, properties.getProperty(key));
        }
    }

    @Test
    void aKeyGivenTwiceIsRefusedNamingEveryLine() {
        assertThat(problems("a.name=one\nconnector.id=x\na.name=two\n\na.name=three\n")).singleElement()
                .satisfies(p -> {
                    assertThat(p.key()).isEqualTo("a.name");
                    assertThat(p.toString()).contains("given 3 times, on lines 1, 3 and 5").doesNotContain("two");
                });
    }

    @Test
    void relativePathsAndTheirDefaultsAreUnderTheFilesFolder() throws Exception {
        Files.writeString(dir.resolve("secret.txt"), "from-the-folder\n", StandardCharsets.UTF_8);
        Map<String, String> values = read("a.bundle=certs/ca.pem\na.secret=${file:secret.txt}\na.name=relative/not-a-path\n");
        assertThat(values).containsEntry("a.bundle", dir.resolve("certs/ca.pem").toString())
                .containsEntry("a.dir", dir.resolve("data/here").toString())
                .containsEntry("a.secret", "from-the-folder")
                .containsEntry("a.name", "relative/not-a-path");
        assertThat(read("a.dir=/var/lib/x\n")).containsEntry("a.dir", "/var/lib/x").doesNotContainKey("a.bundle");
    }
}
