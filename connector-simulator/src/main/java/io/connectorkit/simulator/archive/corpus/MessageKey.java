package io.connectorkit.simulator.archive.corpus;

/**
 * The position of a message in its mailbox view: received second, then index. Listings are
 * ordered by it and resume after it, so paging is stable while the archive changes.
 *
 * @param epochSecond the received time in epoch seconds
 * @param index the message index within the mailbox view
 */
public record MessageKey(long epochSecond, int index) implements Comparable<MessageKey> {
    @Override
    public int compareTo(MessageKey other) {
        int bySecond = Long.compare(epochSecond, other.epochSecond);
        return bySecond != 0 ? bySecond : Integer.compare(index, other.index);
    }
}
