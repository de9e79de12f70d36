package io.connectorkit.runtime.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectorkit.api.config.ConfigKey;
import io.connectorkit.api.config.ConfigProblem;
import io.connectorkit.api.config.ConfigSpec;
import io.connectorkit.api.config.ConfigType;
import io.connectorkit.api.config.InvalidConfigException;
import io.connectorkit.api.config.SourceConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExtractionConfigTest {
    @Test
    void declaresExactlyTheDocumentedKeysWithDefaultsAndDescriptions() {
        assertThat(ExtractionConfig.SPEC.keys()).extracting(ConfigKey::name)
                .containsExactly("extract.text", "extract.max-chars", "extract.timeout-seconds");
        assertThat(ExtractionConfig.SPEC.keys()).extracting(ConfigKey::type)
                .containsExactly(ConfigType.BOOLEAN, ConfigType.INTEGER, ConfigType.INTEGER);
        assertThat(ExtractionConfig.SPEC.keys()).extracting(ConfigKey::defaultValue)
                .containsExactly("true", "1000000", "60");
        assertThat(ExtractionConfig.SPEC.keys()).allSatisfy(k -> assertThat(k.description()).isNotBlank());
    }

    @Test
    void readsDefaultsFromAnEmptyConfiguration() throws InvalidConfigException {
        ExtractionConfig config = ExtractionConfig.from(ExtractionConfig.SPEC.parse(Map.of()));

        assertThat(config).isEqualTo(ExtractionConfig.defaults());
        assertThat(config.timeout()).hasSeconds(60);
    }

    @Test
    void readsValuesFromTheHostsUnionSpec() throws InvalidConfigException {
        ConfigSpec connector = ConfigSpec.of(ConfigKey.of("mimecast.page-size", ConfigType.INTEGER).defaultValue("100")
                .description("Results per request."));
        SourceConfig validated = connector.plus(ExtractionConfig.SPEC).parse(Map.of(
                "extract.text", "FALSE", "extract.max-chars", "5000", "extract.timeout-seconds", "5"));

        assertThat(ExtractionConfig.from(validated)).isEqualTo(new ExtractionConfig(false, 5_000, 5));
    }

    @Test
    void reportsEveryBadValueWithItsKey() {
        List<ConfigProblem> problems = ExtractionConfig.SPEC.validate(Map.of(
                "extract.text", "maybe", "extract.max-chars", "0", "extract.timeout-seconds", "86400"));

        assertThat(problems).extracting(ConfigProblem::key)
                .containsExactly("extract.max-chars", "extract.text", "extract.timeout-seconds");
    }

    @Test
    void rejectsOutOfRangeValuesBuiltInCode() {
        assertThatThrownBy(() -> new ExtractionConfig(true, 10, 60))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("extract.max-chars");
        assertThatThrownBy(() -> new ExtractionConfig(true, 1_000, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("extract.timeout-seconds");
    }

    @Test
    void refusesAConfigurationWhoseSpecLacksTheKeys() throws InvalidConfigException {
        SourceConfig other = ConfigSpec.of(ConfigKey.of("x", ConfigType.STRING).description("X.")).parse(Map.of());

        assertThatThrownBy(() -> ExtractionConfig.from(other)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("extract.text");
    }
}
