package io.connectorkit.simulator.archive.corpus;

import java.util.List;
import java.util.Optional;

/**
 * One page of a listing.
 *
 * @param items the rows of this page
 * @param resumeAfter the key of the last row, present only when more rows follow
 */
public record MessagePage(List<MessageHeader> items, Optional<MessageKey> resumeAfter) {
    public MessagePage {
        items = List.copyOf(items);
        resumeAfter = resumeAfter == null ? Optional.empty() : resumeAfter;
    }
}
