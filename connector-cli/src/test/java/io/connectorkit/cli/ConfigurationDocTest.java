package io.connectorkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectorkit.api.SourceConnector;
import io.connectorkit.api.config.ConfigKey;
import io.connectorkit.api.config.ConfigSpec;
import io.connectorkit.api.config.ConfigType;
import io.connectorkit.runtime.config.RuntimeConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class ConfigurationDocTest {
    @Test
    void checkedInReferenceMatchesTheCode() throws IOException {
        Path file = RepoFiles.resolve("docs/configuration.md");
        String expected = ConfigDocGenerator.render(ConfigSections.all());
        if (Boolean.getBoolean("docs.regenerate")) {
            Files.writeString(file, expected, StandardCharsets.UTF_8);
        }
        String actual = Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        assertThat(actual)
                .as("docs/configuration.md is stale: a ConfigSpec changed. Regenerate it with"
                        + " 'mvn -q -DskipTests package' then '" + ConfigDocGenerator.REGENERATE + "'")
                .isEqualTo(expected);
    }

    @Test
    void everyKeyOfEverySectionIsDocumented() {
        String doc = ConfigDocGenerator.render(ConfigSections.all());
        for (ConfigDocGenerator.Section section : ConfigSections.all()) {
            for (ConfigKey key : section.spec().keys()) {
                assertThat(doc).contains("| `" + key.name() + "` |");
            }
        }
    }

    @Test
    void everyHostAndConnectorKeyIsInTheReference() {
        String doc = ConfigDocGenerator.render(ConfigSections.all());
        ConfigSpec all = RuntimeConfig.hostSpec();
        for (SourceConnector c : ServiceLoader.load(SourceConnector.class)) {
            all = all.plus(c.configSpec());
        }
        assertThat(all.keys()).extracting(ConfigKey::name).contains("connector.type", "mimecast.client-secret");
        for (ConfigKey key : all.keys()) {
            assertThat(doc).as("docs/configuration.md documents %s", key.name()).contains("| `" + key.name() + "` |");
        }
    }

    @Test
    void rendersTypeRangeSecretDefaultAndRequired() {
        ConfigSpec spec = ConfigSpec.of(
                ConfigKey.of("a.size", ConfigType.INTEGER).defaultValue("100").range(1, 500).description("Page size."),
                ConfigKey.of("a.secret", ConfigType.STRING).required().secret().description("The secret | pipe."),
                ConfigKey.of("a.mode", ConfigType.ENUM).allowedValues("eml", "parts").defaultValue("eml")
                        .description("Mode."),
                ConfigKey.of("a.rule", ConfigType.REGEX).defaultValue("").description("Rule."));
        String md = ConfigDocGenerator.render(List.of(new ConfigDocGenerator.Section("A", "Intro.", spec)));
        assertThat(md).contains("## A\n\nIntro.\n")
                .contains("| `a.size` | integer, 1..500 | `100` | Page size. |")
                .contains("| `a.secret` | string, secret | required | The secret \\| pipe. |")
                .contains("| `a.mode` | `eml` / `parts` | `eml` | Mode. |")
                .contains("| `a.rule` | regex | blank | Rule. |");
    }
}
