package io.connectorkit.api.check;

import io.connectorkit.api.ConnectorSession;
import java.util.Objects;

/**
 * Whether one candidate item (a domain, a mailbox) is in a crawl's scope, and the rule that
 * decided it. Returned by {@link ConnectorSession#preview()} so an administrator can see what a
 * crawl would cover before running it.
 *
 * <p><b>Building one.</b> Use {@link #included} and {@link #excluded}: components added later get
 * a default there, so such code keeps compiling. The canonical constructor is public only because
 * a record's must be.
 *
 * @param kind what sort of item this is, such as {@code domain} or {@code mailbox}
 * @param item the item, such as an address
 * @param included whether a crawl covers it
 * @param rule the configuration rule that decided, such as
 *     {@code mimecast.mailboxes.exclude = ^svc-}, or an explanation such as {@code alias of alice@example.com}
 */
public record ScopeDecision(String kind, String item, boolean included, String rule) {
    /**
     * Validates the components; build decisions with {@link #included} or {@link #excluded}. Each
     * component is described once, in the record's description.
     *
     * @param kind the {@linkplain #kind() kind}
     * @param item the {@linkplain #item() item}
     * @param included the {@linkplain #included() included}
     * @param rule the {@linkplain #rule() rule}
     * @throws NullPointerException if {@code kind}, {@code item} or {@code rule} is {@code null}
     */
    public ScopeDecision {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(rule, "rule");
    }

    /**
     * An item a crawl covers.
     *
     * @param kind what sort of item this is, such as {@code mailbox}
     * @param item the item
     * @param rule the rule that included it
     * @return the decision
     * @throws NullPointerException if an argument is {@code null}
     */
    public static ScopeDecision included(String kind, String item, String rule) {
        return new ScopeDecision(kind, item, true, rule);
    }

    /**
     * An item a crawl leaves out.
     *
     * @param kind what sort of item this is, such as {@code mailbox}
     * @param item the item
     * @param rule the rule that excluded it, or why it is left out
     * @return the decision
     * @throws NullPointerException if an argument is {@code null}
     */
    public static ScopeDecision excluded(String kind, String item, String rule) {
        return new ScopeDecision(kind, item, false, rule);
    }
}
