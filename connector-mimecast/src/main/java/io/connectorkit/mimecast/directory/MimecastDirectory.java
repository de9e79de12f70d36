package io.connectorkit.mimecast.directory;

import static java.util.Objects.requireNonNull;

import io.connectorkit.api.ConnectorException;
import io.connectorkit.api.Partition;
import io.connectorkit.api.check.ScopeDecision;
import io.connectorkit.mimecast.client.MimecastClient;
import io.connectorkit.mimecast.client.MimecastDomain;
import io.connectorkit.mimecast.client.MimecastListing;
import io.connectorkit.mimecast.client.MimecastPager;
import io.connectorkit.mimecast.client.MimecastUser;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Enumerates the scope: internal domains ({@code get-internal-domain}), then the mailboxes of
 * each domain in scope ({@code get-internal-users}, paged; aliases are not mailboxes of their
 * own, since the message list includes aliases), each decided by {@link MimecastScopeFilter}.
 */
public final class MimecastDirectory {
    private final MimecastClient client;
    private final MimecastPager pager;
    private final MimecastScopeFilter filter;

    @Inject
    MimecastDirectory(MimecastClient client, MimecastPager pager, MimecastScopeFilter filter) {
        this.client = requireNonNull(client, "client");
        this.pager = requireNonNull(pager, "pager");
        this.filter = requireNonNull(filter, "filter");
    }

    /**
     * Decides every domain and every mailbox, those of excluded domains included (for previews).
     *
     * @return the decisions, each domain followed by its mailboxes
     * @throws ConnectorException if a listing failed; never a partial result
     */
    public List<ScopeDecision> decisions() throws ConnectorException {
        return decisions(true);
    }

    private List<ScopeDecision> decisions(boolean everyMailbox) throws ConnectorException {
        List<ScopeDecision> out = new ArrayList<>();
        for (MimecastDomain d : client.domains()) {
            String domain = d.name().toLowerCase(Locale.ROOT);
            if (domain.isEmpty()) {
                continue;
            }
            ScopeDecision decision = filter.domain(domain, d.local());
            out.add(decision);
            if (decision.included()) {
                mailboxes(domain, null, out);
            } else if (everyMailbox) {
                mailboxes(domain, "domain " + domain + " is excluded by " + decision.rule(), out);
            }
        }
        return out;
    }

    /**
     * The mailboxes in scope, one partition each.
     *
     * @return the partitions, sorted by address
     * @throws ConnectorException if a listing failed
     */
    public List<Partition> partitions() throws ConnectorException {
        Set<String> seen = new LinkedHashSet<>();
        List<Partition> out = new ArrayList<>();
        for (ScopeDecision d : decisions(false)) {
            if (d.kind().equals("mailbox") && d.included() && seen.add(d.item())) {
                String domain = d.item().substring(d.item().indexOf('@') + 1);
                out.add(new Partition(d.item(), d.item(), Map.of("domain", domain)));
            }
        }
        out.sort((a, b) -> a.id().compareTo(b.id()));
        return out;
    }

    private void mailboxes(String domain, String excludedBy, List<ScopeDecision> out) throws ConnectorException {
        // The listing may start again from the first page (an expired page token): each address counts once.
        Set<String> seen = new HashSet<>();
        MimecastListing<MimecastUser> users = pager.list(MimecastClient.USERS, "the users of domain " + domain, null,
                0, (size, token) -> client.users(domain, size, token));
        while (users.hasNext()) {
            for (MimecastUser u : users.next().items()) {
                String address = u.emailAddress().trim().toLowerCase(Locale.ROOT);
                if (address.isEmpty() || !address.contains("@") || !seen.add(address)) {
                    continue;
                }
                if (excludedBy != null) {
                    out.add(ScopeDecision.excluded("mailbox", address, excludedBy));
                } else if (u.alias()) {
                    out.add(ScopeDecision.excluded("mailbox", address,
                            "alias: covered by its primary mailbox (the message list includes aliases)"));
                } else {
                    out.add(filter.mailbox(address));
                }
            }
        }
    }
}
