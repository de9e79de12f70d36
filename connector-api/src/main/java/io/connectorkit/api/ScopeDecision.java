package io.connectorkit.api;

import java.util.Objects;

/**
 * Whether one candidate item (a domain, a mailbox) is in a crawl's scope, and the rule that
 * decided it. Returned by {@link ConnectorSession#preview()} so an administrator can see what a
 * crawl would cover before running it.
 *
 * @param kind what sort of item this is, such as {@code domain} or {@code mailbox}
 * @param item the item, such as an address
 * @param included whether a crawl covers it
 * @param rule the configuration rule that decided, such as
 *     {@code mimecast.mailboxes.exclude = ^svc-}, or an explanation such as {@code alias of alice@example.com}
 */
public record ScopeDecision(String kind, String item, boolean included, String rule) {
    /**
     * Validates and copies the components.
     *
     * @param kind what sort of item this is, such as {@code domain} or {@code mailbox}
     * @param item the item, such as an address
     * @param included whether a crawl covers it
     * @param rule the configuration rule that decided, such as {@code mimecast.mailboxes.exclude = ^svc-}, or an explanation such as {@code alias of alice@example.com} 
     */
    public ScopeDecision {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(rule, "rule");
    }
}
