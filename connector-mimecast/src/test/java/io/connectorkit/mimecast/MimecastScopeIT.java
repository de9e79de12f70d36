package io.connectorkit.mimecast;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectorkit.api.ConnectorSession;
import io.connectorkit.api.Partition;
import io.connectorkit.api.check.ScopeDecision;
import io.connectorkit.simulator.archive.Archive;
import io.connectorkit.simulator.archive.ArchiveGenerator;
import io.connectorkit.simulator.archive.corpus.Domain;
import io.connectorkit.simulator.archive.corpus.User;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Domains and mailboxes in scope, and the preview, against the fake server. */
class MimecastScopeIT {
    @TempDir
    Path temp;

    private static Archive archive() {
        return ArchiveGenerator.seed(5).domains(2).localDomains(1).usersPerDomain(4).aliasEvery(2)
                .messagesPerView(1).generate();
    }

    private List<String> partitions(MimecastFixture f, String... overrides) throws Exception {
        try (ConnectorSession s = f.connector.open(f.parse(f.config(overrides)), f.context)) {
            return s.partitions().stream().map(Partition::id).toList();
        }
    }

    private static List<String> mailboxesOf(Archive a, boolean local) {
        return a.domains().stream().filter(d -> d.local() == local)
                .flatMap(d -> a.users(d.domain()).stream()).filter(u -> !u.alias()).map(User::emailAddress)
                .sorted().toList();
    }

    @Test
    void everyMailboxOfNonLocalDomainsByDefaultAliasesSkipped() throws Exception {
        try (MimecastFixture f = new MimecastFixture(temp, archive(), b -> b.pageSizes(3, 500))) {
            assertThat(partitions(f, MimecastKeys.PAGE_SIZE, "3")).isEqualTo(mailboxesOf(f.archive(), false))
                    .hasSize(8);
            assertThat(f.archive().users().stream().anyMatch(User::alias)).isTrue();
        }
    }

    @Test
    void includeLocalAddsLocalDomains() throws Exception {
        try (MimecastFixture f = new MimecastFixture(temp, archive(), b -> b)) {
            List<String> all = partitions(f, MimecastKeys.DOMAINS_INCLUDE_LOCAL, "true");
            assertThat(all).hasSize(12).containsAll(mailboxesOf(f.archive(), true));
        }
    }

    @Test
    void domainAndMailboxRulesNarrowTheScope() throws Exception {
        try (MimecastFixture f = new MimecastFixture(temp, archive(), b -> b)) {
            Domain second = f.archive().domains().stream().filter(d -> !d.local()).toList().get(1);
            List<String> ofSecond = f.archive().users(second.domain()).stream().filter(u -> !u.alias())
                    .map(User::emailAddress).sorted().toList();
            assertThat(partitions(f, MimecastKeys.DOMAINS_INCLUDE, "^" + second.domain().replace(".", "\\.") + "$"))
                    .isEqualTo(ofSecond);
            String excluded = ofSecond.get(0);
            String included = ofSecond.get(1);
            assertThat(partitions(f, MimecastKeys.MAILBOXES_INCLUDE, "^(" + excluded + "|" + included + ")$",
                    MimecastKeys.MAILBOXES_EXCLUDE, "^" + excluded + "$")).containsExactly(included);
        }
    }

    @Test
    void previewDecidesEveryDomainAndMailboxWithItsRule() throws Exception {
        try (MimecastFixture f = new MimecastFixture(temp, archive(), b -> b)) {
            Archive a = f.archive();
            String excluded = mailboxesOf(a, false).get(0);
            List<ScopeDecision> decisions;
            try (ConnectorSession s = f.connector.open(f.parse(f.config(MimecastKeys.MAILBOXES_EXCLUDE,
                    "^" + excluded + "$")), f.context)) {
                decisions = s.preview();
            }
            assertThat(decisions.stream().filter(d -> d.kind().equals("domain")).map(ScopeDecision::item))
                    .containsExactlyInAnyOrderElementsOf(a.domains().stream().map(Domain::domain).toList());
            Domain local = a.domains().stream().filter(Domain::local).findFirst().orElseThrow();
            assertThat(decisions).contains(ScopeDecision.excluded("domain", local.domain(),
                    "mimecast.domains.include-local = false (local domain)"));
            for (User u : a.users(local.domain())) {
                assertThat(decisions).contains(ScopeDecision.excluded("mailbox", u.emailAddress(), "domain "
                        + local.domain() + " is excluded by mimecast.domains.include-local = false (local domain)"));
            }
            assertThat(decisions).contains(ScopeDecision.excluded("mailbox", excluded,
                    "mimecast.mailboxes.exclude = ^" + excluded + "$"));
            Map<Boolean, List<User>> users = a.domains().stream().filter(d -> !d.local())
                    .flatMap(d -> a.users(d.domain()).stream())
                    .collect(java.util.stream.Collectors.partitioningBy(User::alias));
            for (User alias : users.get(true)) {
                assertThat(decisions).anySatisfy(d -> {
                    assertThat(d.item()).isEqualTo(alias.emailAddress());
                    assertThat(d.included()).isFalse();
                    assertThat(d.rule()).startsWith("alias");
                });
            }
            assertThat(decisions.stream().filter(d -> d.kind().equals("mailbox") && d.included()).count())
                    .isEqualTo(users.get(false).size() - 1);
        }
    }
}
