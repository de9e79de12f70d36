package io.connectorkit.mimecast;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectorkit.api.config.ConfigKey;
import io.connectorkit.api.config.ConfigProblem;
import io.connectorkit.api.config.SourceConfig;
import io.connectorkit.mimecast.archive.MimecastMessageWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

public class MimecastConfigTest {
    /** The public configuration reference: key to default ("" = blank, null = required). */
    private static Map<String, String> reference() {
        Map<String, String> reference = new LinkedHashMap<>();
        reference.put("mimecast.api-endpoint", "https://api.services.mimecast.com");
        reference.put("mimecast.auth-endpoint", "https://api.services.mimecast.com");
        reference.put("mimecast.client-id", null);
        reference.put("mimecast.client-secret", null);
        reference.put("mimecast.tls.ca-bundle", "");
        reference.put("mimecast.domains.include", "");
        reference.put("mimecast.domains.include-local", "false");
        reference.put("mimecast.mailboxes.include", "");
        reference.put("mimecast.mailboxes.exclude", "");
        reference.put("mimecast.messages.start-date", null);
        reference.put("mimecast.messages.end-date", "");
        reference.put("mimecast.messages.late-arrival-days", "14");
        reference.put("mimecast.messages.ignore-delta-tokens", "false");
        reference.put("mimecast.messages.exclude-subjects", "");
        reference.put("mimecast.messages.blank-subject", "(no subject)");
        reference.put("mimecast.attachments.extract", "false");
        reference.put("mimecast.attachments.exclude-names", "");
        reference.put("mimecast.attachments.blank-name", "attachment");
        reference.put("mimecast.attachments.max-bytes", "104857600");
        reference.put("mimecast.content.mode", "eml");
        reference.put("mimecast.trace-level", "NONE");
        reference.put("mimecast.stats-interval-seconds", "60");
        reference.put("mimecast.page-size", "100");
        reference.put("mimecast.retry-after-multiplier", "1000");
        reference.put("mimecast.delta-token-offset-minutes", "-15");
        reference.put("mimecast.auth-token-offset-seconds", "-60");
        reference.put("mimecast.http.connect-timeout-seconds", "30");
        reference.put("mimecast.http.read-timeout-seconds", "300");
        reference.put("mimecast.retry.max-wait-seconds", "300");
        return reference;
    }

    public static Map<String, String> minimal() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("mimecast.client-id", "fake-client");
        m.put("mimecast.client-secret", "fake-secret");
        m.put("mimecast.messages.start-date", "2024-01-01");
        return m;
    }

    @Test
    void declaresExactlyTheReferenceKeysWithTheirDefaults() {
        List<ConfigKey> keys = MimecastKeys.spec().keys();
        Map<String, String> reference = reference();
        assertThat(keys).extracting(ConfigKey::name).containsExactlyElementsOf(reference.keySet());
        for (ConfigKey key : keys) {
            String expected = reference.get(key.name());
            if (expected == null) {
                assertThat(key.isRequired()).as(key.name()).isTrue();
            } else {
                assertThat(key.defaultValue()).as(key.name()).isEqualTo(expected);
            }
            assertThat(key.description()).as(key.name()).isNotBlank();
        }
        assertThat(MimecastKeys.spec().key("mimecast.client-secret").isSecret()).isTrue();
    }

    @Test
    void readsEveryConcernFromAValidatedConfiguration() throws Exception {
        Map<String, String> m = minimal();
        m.put("mimecast.auth-endpoint", "https://uk-api.services.mimecast.com/");
        m.put("mimecast.content.mode", "parts");
        m.put("mimecast.trace-level", "calls");
        SourceConfig sc = MimecastKeys.spec().parse(m);
        MimecastConfig c = MimecastConfig.from(sc);
        assertThat(c.connection().tokenUrl()).isEqualTo("https://uk-api.services.mimecast.com/oauth/token");
        assertThat(c.connection().apiEndpoint()).isEqualTo("https://api.services.mimecast.com");
        assertThat(c.connection().toString()).doesNotContain("fake-secret");
        assertThat(c.messages().startDate()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(c.messages().contentMode()).isEqualTo(MimecastConfig.ContentMode.PARTS);
        assertThat(c.logging().traceLevel()).isEqualTo(MimecastConfig.TraceLevel.CALLS);
        assertThat(c.performance().deltaTokenOffset()).isEqualTo(Duration.ofMinutes(-15));
        assertThat(c.performance().authTokenOffset()).isEqualTo(Duration.ofSeconds(-60));
        assertThat(c.attachments().maxBytes()).isEqualTo(104_857_600L);
        assertThat(c.scope().domainsInclude()).isEmpty();
        assertThat(c.timeouts()).isEqualTo(new MimecastConfig.Timeouts(Duration.ofSeconds(30), Duration.ofMinutes(5)));
    }

    @Test
    void httpTimeoutsAreReadAndMustBePositive() throws Exception {
        Map<String, String> m = minimal();
        m.put("mimecast.http.connect-timeout-seconds", "5");
        m.put("mimecast.http.read-timeout-seconds", "42");
        MimecastConfig c = MimecastConfig.from(MimecastKeys.spec().parse(m));
        assertThat(c.timeouts()).isEqualTo(new MimecastConfig.Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(42)));
        m.put("mimecast.http.connect-timeout-seconds", "0");
        m.put("mimecast.http.read-timeout-seconds", "-1");
        assertThat(MimecastKeys.spec().validate(m)).extracting(ConfigProblem::key).containsExactlyInAnyOrder(
                "mimecast.http.connect-timeout-seconds", "mimecast.http.read-timeout-seconds");
    }

    @Test
    void aFullTokenUrlIsKept() {
        assertThat(MimecastConfig.tokenUrl("https://auth.example.com/custom/token"))
                .isEqualTo("https://auth.example.com/custom/token");
        assertThat(MimecastConfig.tokenUrl("https://api.services.mimecast.com"))
                .isEqualTo("https://api.services.mimecast.com/oauth/token");
    }

    @Test
    void reportsEveryProblemAtOnce() {
        Map<String, String> m = minimal();
        m.put("mimecast.page-size", "501");
        m.put("mimecast.mailboxes.exclude", "([a-z");
        m.put("mimecast.content.mode", "mime");
        m.remove("mimecast.client-secret");
        List<ConfigProblem> problems = MimecastKeys.spec().validate(m);
        assertThat(problems).extracting(ConfigProblem::key).containsExactlyInAnyOrder("mimecast.page-size",
                "mimecast.mailboxes.exclude", "mimecast.content.mode", "mimecast.client-secret");
    }

    @Test
    void productsAndRolesAreNamedPerEndpoint() {
        assertThat(MimecastConfig.productFor("/api/archive/get-file")).isEqualTo("Data Retention / Archive");
        assertThat(MimecastConfig.productFor("/api/domain/get-internal-domain")).isEqualTo("Domain Management");
        assertThat(MimecastConfig.productFor("/api/user/get-internal-users")).isEqualTo("User and Group Management");
        assertThat(MimecastConfig.roleFor("/api/archive/get-message-list"))
                .isEqualTo("Archive - Search - Read & Search Content View");
        assertThat(MimecastConfig.roleFor("/api/user/get-internal-users")).isEqualTo("Directories > Internal > Read");
    }

    @Test
    void aStartDateAfterNowIsRefusedNamingTheKeyAndTheFix() {
        Map<String, String> m = minimal();
        m.put("mimecast.messages.start-date", "2099-01-01");
        List<ConfigProblem> problems = MimecastKeys.spec().validate(m);
        assertThat(problems).extracting(ConfigProblem::key).containsExactly("mimecast.messages.start-date");
        assertThat(problems.get(0).toString()).contains("2099-01-01", "after now", "such as 2020-01-01");
        java.time.Clock clock = java.time.Clock.fixed(Instant.parse("2024-05-01T12:00:00Z"), java.time.ZoneOffset.UTC);
        assertThat(MimecastStartDate.problem("2024-05-01T12:00:01Z", clock)).contains("after now");
        assertThat(MimecastStartDate.problem("2024-05-01T12:00:00Z", clock)).isNull();
        assertThat(MimecastStartDate.problem("2024-05-01", clock)).isNull();
    }

    @Test
    void theEndDateAndTheLateArrivalWindowAreRead() throws Exception {
        MimecastConfig defaults = MimecastConfig.from(MimecastKeys.spec().parse(minimal()));
        assertThat(defaults.messages().endDate()).isEmpty();
        assertThat(defaults.messages().lateArrival()).isEqualTo(Duration.ofDays(14));
        Map<String, String> m = minimal();
        m.put("mimecast.messages.end-date", "2024-06-30T12:00:00Z");
        m.put("mimecast.messages.late-arrival-days", "0");
        MimecastConfig c = MimecastConfig.from(MimecastKeys.spec().parse(m));
        assertThat(c.messages().endDate()).contains(Instant.parse("2024-06-30T12:00:00Z"));
        assertThat(c.messages().lateArrival()).isZero();
        assertThat(MimecastMessageWindow.bound(c.messages())).contains(Instant.parse("2024-06-30T12:00:01Z"));
        assertThat(MimecastMessageWindow.problems(MimecastKeys.spec().parse(m))).isEmpty();
    }

    @Test
    void aNegativeLateArrivalWindowIsRefusedNamingTheKeyAndTheFix() {
        Map<String, String> m = minimal();
        m.put("mimecast.messages.late-arrival-days", "-1");
        List<ConfigProblem> problems = MimecastKeys.spec().validate(m);
        assertThat(problems).extracting(ConfigProblem::key).containsExactly("mimecast.messages.late-arrival-days");
        assertThat(problems.get(0).toString()).contains("'-1'", "set 0", "such as 14");
    }

    @Test
    void anEndDateBeforeTheStartDateIsRefusedNamingBothKeys() throws Exception {
        Map<String, String> m = minimal();
        m.put("mimecast.messages.end-date", "2023-12-31");
        List<ConfigProblem> problems = MimecastMessageWindow.problems(MimecastKeys.spec().parse(m));
        assertThat(problems).extracting(ConfigProblem::key).containsExactly("mimecast.messages.end-date");
        assertThat(problems.get(0).toString()).contains("mimecast.messages.start-date", "2023-12-31", "2024-01-01",
                "leave it blank");
        m.put("mimecast.messages.end-date", "2024-01-01");
        assertThat(MimecastMessageWindow.problems(MimecastKeys.spec().parse(m))).as("an end equal to the start")
                .isEmpty();
    }
}
