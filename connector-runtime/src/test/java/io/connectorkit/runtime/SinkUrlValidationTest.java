package io.connectorkit.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectorkit.api.config.ConfigProblem;
import io.connectorkit.api.config.InvalidConfigException;
import io.connectorkit.api.config.SourceConfig;
import io.connectorkit.runtime.config.RuntimeConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Validation of credentials inside sink.elasticsearch.url: accepted alone, refused next to the
 * credential keys or when the URLs disagree, and no problem ever quotes the password.
 */
class SinkUrlValidationTest {
    private static final String URL = "sink.elasticsearch.url";
    private static final String PASSWORD = "s3cret-Url-5521";
    private final ConnectorRegistry registry = ConnectorRegistry.load();

    private SourceConfig validate(Map<String, String> extra) throws InvalidConfigException {
        Map<String, String> values = new LinkedHashMap<>(Map.of("connector.type", "scripted", "connector.id", "x"));
        values.putAll(extra);
        return registry.validate(values);
    }

    private List<ConfigProblem> problems(Map<String, String> extra) {
        try {
            validate(extra);
        } catch (InvalidConfigException e) {
            assertThat(e.getMessage()).doesNotContain(PASSWORD);
            for (ConfigProblem p : e.problems()) {
                assertThat(p.toString()).doesNotContain(PASSWORD).doesNotContain("alice:s3cret");
            }
            return e.problems();
        }
        throw new AssertionError("expected the configuration to be refused: " + extra.keySet());
    }

    @Test
    void aUrlWithUserInformationIsAcceptedAndReadAsBasicAuth() throws Exception {
        SourceConfig config = validate(Map.of(URL, "https://alice:" + PASSWORD + "@search.example.com:9200"));
        RuntimeConfig runtime = RuntimeConfig.from(config);
        assertThat(runtime.sink().urls()).containsExactly("https://search.example.com:9200");
        assertThat(runtime.sink().username()).isEqualTo("alice");
        assertThat(runtime.sink().password()).isEqualTo(PASSWORD);
    }

    @Test
    void userInformationNextToTheCredentialKeysIsRefusedNamingBothKeysAndTheFix() {
        for (String key : List.of("sink.elasticsearch.username", "sink.elasticsearch.password", "sink.elasticsearch.api-key")) {
            List<ConfigProblem> problems = problems(Map.of(URL, "https://alice:" + PASSWORD + "@h:9200", key, "other-1"));
            assertThat(problems).hasSize(1);
            assertThat(problems.get(0).key()).isEqualTo(URL);
            assertThat(problems.get(0).value()).isEqualTo("https://alice:" + SourceConfig.MASK + "@h:9200");
            assertThat(problems.get(0).message()).contains(key).contains("remove the user:password@ from " + URL);
        }
    }

    @Test
    void urlsWithDifferentUserInformationAreRefused() {
        for (String urls : List.of("https://alice:" + PASSWORD + "@a,https://b", "https://alice:" + PASSWORD + "@a,https://alice:x" + PASSWORD + "@b")) {
            List<ConfigProblem> problems = problems(Map.of(URL, urls));
            assertThat(problems).extracting(ConfigProblem::key).containsExactly(URL);
            assertThat(problems.get(0).message()).contains("the same user:password@ in every URL or in none");
            assertThat(problems.get(0).value()).contains("https://alice:" + SourceConfig.MASK + "@a");
        }
    }

    @Test
    void aUrlThatFailsValidationIsQuotedWithItsPasswordMasked() {
        // A raw '@' in the password, a missing scheme, a wrong scheme: each fails the URL check that quotes the value.
        for (String url : List.of("https://alice:p@" + PASSWORD + "@h:9200", "alice:" + PASSWORD + "@h:9200",
                "ftp://alice:" + PASSWORD + "@h", "https://h:9200,https://alice:" + PASSWORD + "@bad host")) {
            List<ConfigProblem> problems = problems(Map.of(URL, url));
            assertThat(problems).extracting(ConfigProblem::key).as(url).containsExactly(URL);
            assertThat(problems.get(0).value()).contains("alice:" + SourceConfig.MASK + "@");
        }
    }
}
