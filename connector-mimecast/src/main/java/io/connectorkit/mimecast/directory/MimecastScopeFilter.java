package io.connectorkit.mimecast.directory;

import static java.util.Objects.requireNonNull;

import io.connectorkit.api.ConnectorException;
import io.connectorkit.api.check.ScopeDecision;
import io.connectorkit.mimecast.MimecastBoundedMatch;
import io.connectorkit.mimecast.MimecastConfig;
import io.connectorkit.mimecast.MimecastKeys;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The compiled scope rules: which internal domains and mailboxes are crawled and which message
 * subjects are skipped. Regexes match anywhere in the value unless anchored ({@code ^}, {@code $}).
 * Every decision names the rule that made it, for previews.
 */
public final class MimecastScopeFilter {
    private final MimecastConfig.Scope scope;
    private final Optional<Pattern> excludeSubjects;

    @Inject
    MimecastScopeFilter(MimecastConfig config) {
        this.scope = requireNonNull(config, "config").scope();
        this.excludeSubjects = config.messages().excludeSubjects();
    }

    /**
     * Decides a domain.
     *
     * @param domain the domain name
     * @param local whether Mimecast flags it {@code local}
     * @return the decision
     */
    public ScopeDecision domain(String domain, boolean local) {
        if (local && !scope.includeLocal()) {
            return ScopeDecision.excluded("domain", domain, MimecastKeys.DOMAINS_INCLUDE_LOCAL + " = false (local domain)");
        }
        if (scope.domainsInclude().isPresent()) {
            Pattern p = scope.domainsInclude().get();
            String rule = MimecastKeys.DOMAINS_INCLUDE + " = " + p.pattern();
            return p.matcher(domain).find() ? ScopeDecision.included("domain", domain, rule)
                    : ScopeDecision.excluded("domain", domain, rule);
        }
        return ScopeDecision.included("domain", domain, MimecastKeys.DOMAINS_INCLUDE + " is blank (all domains)");
    }

    /**
     * Decides a mailbox; exclude wins over include.
     *
     * @param address the mailbox address
     * @return the decision
     */
    public ScopeDecision mailbox(String address) {
        if (scope.mailboxesExclude().isPresent() && scope.mailboxesExclude().get().matcher(address).find()) {
            return ScopeDecision.excluded("mailbox", address,
                    MimecastKeys.MAILBOXES_EXCLUDE + " = " + scope.mailboxesExclude().get().pattern());
        }
        if (scope.mailboxesInclude().isPresent()) {
            Pattern p = scope.mailboxesInclude().get();
            String rule = MimecastKeys.MAILBOXES_INCLUDE + " = " + p.pattern();
            return p.matcher(address).find() ? ScopeDecision.included("mailbox", address, rule)
                    : ScopeDecision.excluded("mailbox", address, rule);
        }
        return ScopeDecision.included("mailbox", address, MimecastKeys.MAILBOXES_INCLUDE + " is blank (all mailboxes)");
    }

    /**
     * Whether a message is skipped for its subject.
     *
     * @param subject the subject as listed, possibly empty
     * @return true when {@code mimecast.messages.exclude-subjects} matches
     * @throws ConnectorException PERMANENT when the match runs past its time bound (the sender
     *     chose the subject: it becomes an item failure, never a stalled crawl)
     */
    public boolean subjectExcluded(String subject) throws ConnectorException {
        return excludeSubjects.isPresent() && MimecastBoundedMatch.find(excludeSubjects.get(),
                subject == null ? "" : subject, MimecastKeys.EXCLUDE_SUBJECTS, "the subject");
    }
}
