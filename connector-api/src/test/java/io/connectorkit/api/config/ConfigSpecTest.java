package io.connectorkit.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import io.connectorkit.api.ErrorKind;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigSpecTest {
    private final ConfigSpec spec = ConfigSpec.of(
            ConfigKey.of("source.url", ConfigType.URL).required().description("Base URL of the source."),
            ConfigKey.of("source.secret", ConfigType.STRING).required().secret().description("The client secret."),
            ConfigKey.of("source.page-size", ConfigType.INTEGER).defaultValue("100").range(1, 500)
                    .description("Results per request."),
            ConfigKey.of("source.share", ConfigType.DECIMAL).defaultValue("0.5").range(0, 1).description("A share."),
            ConfigKey.of("source.include", ConfigType.REGEX).defaultValue("").description("Items to include."),
            ConfigKey.of("source.enabled", ConfigType.BOOLEAN).defaultValue("false").description("A switch."),
            ConfigKey.of("source.start", ConfigType.INSTANT).description("Earliest date."),
            ConfigKey.of("source.mode", ConfigType.ENUM).allowedValues("eml", "parts").defaultValue("eml")
                    .description("Content mode."),
            ConfigKey.of("source.urls", ConfigType.URL_LIST).description("Cluster URLs."));

    private Map<String, String> valid() {
        Map<String, String> m = new HashMap<>();
        m.put("source.url", "https://api.example.com");
        m.put("source.secret", "s3cr3t-value");
        return m;
    }

    @Test
    void reportsEveryProblemAtOnceNamingKeyValueAndExpectation() {
        Map<String, String> m = valid();
        m.put("source.page-size", "abc");
        m.put("source.include", "([a-z]+");
        m.put("source.pagesize", "10");
        m.remove("source.url");

        assertThatThrownBy(() -> spec.parse(m))
                .isInstanceOf(InvalidConfigException.class)
                .satisfies(e -> {
                    InvalidConfigException ice = (InvalidConfigException) e;
                    assertThat(ice.kind()).isEqualTo(ErrorKind.CONFIGURATION);
                    assertThat(ice.problems()).extracting(ConfigProblem::key).containsExactly(
                            "source.include", "source.page-size", "source.pagesize", "source.url");
                    assertThat(ice.getMessage())
                            .contains("4 problems")
                            .contains("source.page-size = 'abc': expected a whole number from 1 to 500")
                            .contains("position 7")
                            .contains("did you mean 'source.page-size'")
                            .contains("source.url: required but not set; base URL of the source.");
                });
    }

    @Test
    void masksSecretsInProblemsAndToString() throws Exception {
        Map<String, String> m = valid();
        SourceConfig config = spec.parse(m);
        assertThat(config.toString()).doesNotContain("s3cr3t-value").contains(SourceConfig.MASK);
        assertThat(config.secretValues()).containsExactly("s3cr3t-value");

        m.put("unknown.client-secret", "leaked?");
        List<ConfigProblem> problems = spec.validate(m);
        assertThat(problems).singleElement().satisfies(p -> assertThat(p.toString()).doesNotContain("leaked?"));
    }

    @Test
    void theValueOfAnUnknownKeyIsNeverShownWhateverItsName() {
        Map<String, String> m = valid();
        m.put("notes.api-tokn", "good-token-1234");
        m.put("source.colour", "plain-looking");
        List<ConfigProblem> problems = spec.validate(m);
        assertThat(problems).extracting(ConfigProblem::key).containsExactly("notes.api-tokn", "source.colour");
        assertThat(problems).allSatisfy(p -> {
            assertThat(p.value()).isNull();
            assertThat(p.toString()).contains("unknown key").doesNotContain("good-token").doesNotContain("plain-looking");
        });
    }

    @Test
    void theRequiredKeyMessageKeepsTheCapitalsOfAnAcronym() {
        ConfigSpec acronyms = ConfigSpec.of(
                ConfigKey.of("notes.api-token", ConfigType.STRING).required().secret()
                        .description("API token sent as a bearer token."),
                ConfigKey.of("notes.url", ConfigType.URL).required().description("Base URL of the notes server."));
        assertThat(acronyms.validate(Map.of())).extracting(ConfigProblem::toString).containsExactly(
                "notes.api-token: required but not set; API token sent as a bearer token.",
                "notes.url: required but not set; base URL of the notes server.");
    }

    @Test
    void appliesDefaultsAndParsesTypes() throws Exception {
        Map<String, String> m = valid();
        m.put("source.start", "2020-01-01");
        m.put("source.mode", "PARTS");
        m.put("source.urls", "http://a:9200, http://b:9200");
        m.put("source.enabled", " TRUE ");
        SourceConfig c = spec.parse(m);
        assertThat(c.getInt("source.page-size")).isEqualTo(100);
        assertThat(c.getDouble("source.share")).isEqualTo(0.5);
        assertThat(c.getPattern("source.include")).isEmpty();
        assertThat(c.getBoolean("source.enabled")).isTrue();
        assertThat(c.getInstant("source.start")).contains(Instant.parse("2020-01-01T00:00:00Z"));
        assertThat(c.getList("source.urls")).containsExactly("http://a:9200", "http://b:9200");
        enum Mode { EML, PARTS }
        assertThat(c.getEnum("source.mode", Mode.class)).isEqualTo(Mode.PARTS);
    }

    @Test
    void acceptsIsoInstantsAndRejectsOtherDates() {
        Map<String, String> m = valid();
        m.put("source.start", "2020-01-01T10:00:00+02:00");
        assertThat(spec.validate(m)).isEmpty();
        m.put("source.start", "01/02/2020");
        assertThat(spec.validate(m)).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("2020-01-01"));
    }

    @Test
    void rejectsOutOfRangeNumbersAndNonHttpUrls() {
        Map<String, String> m = valid();
        m.put("source.share", "1.5");
        m.put("source.url", "ftp://example.com");
        m.put("source.urls", "http://ok:9200,not a url");
        assertThat(spec.validate(m)).extracting(ConfigProblem::key)
                .containsExactly("source.share", "source.url", "source.urls");
    }

    @Test
    void unionRejectsTheSameKeyTwice() {
        assertThatThrownBy(() -> spec.plus(ConfigSpec.of(ConfigKey.of("source.url", ConfigType.URL))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("source.url");
    }

    @Test
    void readingAnUndeclaredKeyIsAProgrammingError() throws Exception {
        SourceConfig c = spec.parse(valid());
        assertThatThrownBy(() -> c.getString("nope")).isInstanceOf(IllegalArgumentException.class);
    }
}
