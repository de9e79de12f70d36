package io.connectorkit.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectorkit.api.config.SourceConfig;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Credentials written inside sink.elasticsearch.url: decoded, moved to basic auth, stripped and masked. */
class UrlCredentialsTest {
    private static final String MASK = SourceConfig.MASK;

    private static SinkConfig sink(Map<String, String> extra) throws Exception {
        Map<String, String> values = new java.util.HashMap<>(Map.of("connector.type", "x", "connector.id", "x"));
        values.putAll(extra);
        return SinkConfig.from(RuntimeConfig.SPEC.parse(values), "x");
    }

    @Test
    void userAndPasswordArePercentDecodedAndTheUrlLosesThem() {
        assertThat(UrlCredentials.of("https://alice:s3cret@search.example.com:9200"))
                .contains(new UrlCredentials("alice", "s3cret"));
        assertThat(UrlCredentials.of(" https://al%40ice:p%3Aw+d%2F%25@h/x ")).contains(new UrlCredentials("al@ice", "p:w+d/%"));
        assertThat(UrlCredentials.of("https://bob@h")).contains(new UrlCredentials("bob", ""));
        assertThat(UrlCredentials.of("https://h:9200/p@th")).isEmpty();
        assertThat(UrlCredentials.of("http://h?q=a@b")).isEmpty();
        assertThat(UrlCredentials.strip("https://alice:s3cret@search.example.com:9200/base"))
                .isEqualTo("https://search.example.com:9200/base");
        assertThat(UrlCredentials.strip("https://h:9200/p@th")).isEqualTo("https://h:9200/p@th");
    }

    @Test
    void theMaskHidesEveryPasswordInATextAndKeepsTheRest() {
        assertThat(UrlCredentials.mask("Waiting for the index at https://alice:s3cret@h:9200,http://alice:s3cret@g now"))
                .isEqualTo("Waiting for the index at https://alice:" + MASK + "@h:9200,http://alice:" + MASK + "@g now");
        assertThat(UrlCredentials.mask("raw @ in it: https://alice:p@ss@h/x")).isEqualTo("raw @ in it: https://alice:" + MASK + "@h/x");
        assertThat(UrlCredentials.mask("https://bob@h and mail bob@example.com")).isEqualTo("https://bob@h and mail bob@example.com");
        assertThat(UrlCredentials.maskList("alice:s3cret@h:9200, htps://alice:s3cret@g"))
                .isEqualTo("alice:" + MASK + "@h:9200, htps://alice:" + MASK + "@g");
        assertThat(UrlCredentials.secrets("https://alice:s%33cret@h,https://alice:s%33cret@g"))
                .containsExactlyInAnyOrder("alice:s%33cret", "s%33cret", "s3cret", "alice:s3cret");
        assertThat(UrlCredentials.secrets("https://bob@h")).isEmpty();
        assertThat(UrlCredentials.secrets(null)).isEmpty();
    }

    @Test
    void theSinkConfigSendsTheUrlCredentialsAsBasicAuthAndNeverShowsThem() throws Exception {
        SinkConfig sink = sink(Map.of(SinkConfig.URL, "https://alice:s%33cret@a.example.com:9200,https://alice:s%33cret@b.example.com"));
        assertThat(sink.urls()).containsExactly("https://a.example.com:9200", "https://b.example.com");
        assertThat(sink.username()).isEqualTo("alice");
        assertThat(sink.password()).isEqualTo("s3cret");
        assertThat(sink.toString()).doesNotContain("s3cret").doesNotContain("s%33cret").contains("password=" + MASK);

        SinkConfig keys = sink(Map.of(SinkConfig.URL, "https://a.example.com", SinkConfig.USERNAME, "bob",
                SinkConfig.PASSWORD, "pw"));
        assertThat(keys.urls()).containsExactly("https://a.example.com");
        assertThat(keys.username()).isEqualTo("bob");
        assertThat(keys.password()).isEqualTo("pw");
        assertThatThrownBy(() -> new SinkConfig(java.util.List.of("https://alice:s3cret@h"), "", "", "", "i", 1, 1,
                java.nio.file.Path.of(".")))
                .isInstanceOf(IllegalArgumentException.class).message().doesNotContain("s3cret");
    }

    @Test
    void theConfigurationShownAfterReadingHasNoUrlCredentials() throws Exception {
        var config = RuntimeConfig.SPEC.parse(Map.of("connector.type", "x", "connector.id", "x",
                SinkConfig.URL, "https://alice:s3cret@a.example.com,https://alice:s3cret@b.example.com"));
        var shown = SinkUrlCheck.withoutCredentials(config);
        assertThat(shown.getList(SinkConfig.URL)).containsExactly("https://a.example.com", "https://b.example.com");
        assertThat(shown.toString()).doesNotContain("s3cret");
        assertThat(shown.getString("connector.id")).isEqualTo("x");
        var plain = RuntimeConfig.SPEC.parse(Map.of("connector.type", "x", "connector.id", "x"));
        assertThat(SinkUrlCheck.withoutCredentials(plain)).isSameAs(plain);
    }

    @Test
    void conflictingCredentialsAreRefusedEvenWithoutTheRegistry() {
        assertThatThrownBy(() -> sink(Map.of(SinkConfig.URL, "https://alice:s3cret@h", SinkConfig.PASSWORD, "pw")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(SinkConfig.PASSWORD)
                .message().doesNotContain("s3cret");
    }

    @Test
    void retryMaxWaitIsAComponentReadFromItsKeyWithTheSameDefault() throws Exception {
        assertThat(sink(Map.of()).retryMaxWait()).isEqualTo(Duration.ofSeconds(300));
        assertThat(sink(Map.of(SinkConfig.RETRY_MAX_WAIT, "0")).retryMaxWait()).isEqualTo(Duration.ZERO);
        assertThat(sink(Map.of(SinkConfig.RETRY_MAX_WAIT, "42")).retryMaxWait()).isEqualTo(Duration.ofSeconds(42));
        assertThat(new SinkConfig(java.util.List.of(), "", "", "", "i", 1, 1, java.nio.file.Path.of(".")).retryMaxWait())
                .isEqualTo(Duration.ofSeconds(300));
        assertThat(RuntimeConfig.SPEC.key(SinkConfig.RETRY_MAX_WAIT).defaultValue()).isEqualTo("300");
    }
}
