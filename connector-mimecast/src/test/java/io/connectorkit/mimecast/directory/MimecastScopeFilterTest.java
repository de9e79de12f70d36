package io.connectorkit.mimecast.directory;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectorkit.api.check.ScopeDecision;
import io.connectorkit.mimecast.MimecastConfig;
import io.connectorkit.mimecast.MimecastConfigTest;
import io.connectorkit.mimecast.MimecastKeys;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MimecastScopeFilterTest {
    private static MimecastScopeFilter filter(Map<String, String> extra) throws Exception {
        Map<String, String> m = MimecastConfigTest.minimal();
        m.putAll(extra);
        return new MimecastScopeFilter(MimecastConfig.from(MimecastKeys.spec().parse(m)));
    }

    @Test
    void blankRulesIncludeEverythingButLocalDomains() throws Exception {
        MimecastScopeFilter f = filter(Map.of());
        assertThat(f.domain("example.com", false).included()).isTrue();
        ScopeDecision local = f.domain("example.org", true);
        assertThat(local.included()).isFalse();
        assertThat(local.rule()).contains("mimecast.domains.include-local");
        assertThat(f.mailbox("alice@example.com").included()).isTrue();
        assertThat(f.subjectExcluded("anything")).isFalse();
    }

    @Test
    void includeLocalLetsLocalDomainsThroughTheIncludeRule() throws Exception {
        MimecastScopeFilter f = filter(Map.of("mimecast.domains.include-local", "true",
                "mimecast.domains.include", "\\.org$"));
        assertThat(f.domain("example.org", true).included()).isTrue();
        ScopeDecision other = f.domain("example.com", false);
        assertThat(other.included()).isFalse();
        assertThat(other.rule()).isEqualTo("mimecast.domains.include = \\.org$");
    }

    @Test
    void mailboxExcludeWinsOverInclude() throws Exception {
        MimecastScopeFilter f = filter(Map.of("mimecast.mailboxes.include", "@example\\.com$",
                "mimecast.mailboxes.exclude", "^svc-"));
        assertThat(f.mailbox("alice@example.com").included()).isTrue();
        ScopeDecision svc = f.mailbox("svc-backup@example.com");
        assertThat(svc.included()).isFalse();
        assertThat(svc.rule()).isEqualTo("mimecast.mailboxes.exclude = ^svc-");
        assertThat(f.mailbox("bob@example.org").rule()).startsWith("mimecast.mailboxes.include");
        assertThat(f.mailbox("bob@example.org").included()).isFalse();
    }

    @Test
    void subjectsAreExcludedByRegex() throws Exception {
        MimecastScopeFilter f = filter(Map.of("mimecast.messages.exclude-subjects", "(?i)^out of office"));
        assertThat(f.subjectExcluded("Out of Office: back Monday")).isTrue();
        assertThat(f.subjectExcluded("Re: out of office")).isFalse();
        assertThat(f.subjectExcluded(null)).isFalse();
    }
}
