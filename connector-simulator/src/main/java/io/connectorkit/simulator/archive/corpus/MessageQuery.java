package io.connectorkit.simulator.archive.corpus;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One get-message-list query: a mailbox (or alias address), a view and a received window.
 *
 * @param mailbox the mailbox or alias address to list
 * @param view the view
 * @param from earliest received time, inclusive
 * @param to latest received time, exclusive
 * @param includeAliases whether messages that reached the mailbox through an alias are listed
 */
public record MessageQuery(String mailbox, View view, Instant from, Instant to, boolean includeAliases) {
    public MessageQuery {
        requireNonNull(mailbox, "mailbox");
        requireNonNull(view, "view");
        requireNonNull(from, "from");
        requireNonNull(to, "to");
    }
}
