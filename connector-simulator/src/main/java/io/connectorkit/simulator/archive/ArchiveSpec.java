package io.connectorkit.simulator.archive;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * The sizes and seed an archive is generated from; the same spec always yields the same archive.
 *
 * @param seed the seed every name, date and byte derives from
 * @param domains number of internal domains that are not local
 * @param localDomains number of extra internal domains flagged {@code local}
 * @param usersPerDomain mailboxes per domain
 * @param aliasEvery every n-th mailbox (0, n, 2n, ...) has one alias entry; 0 = no aliases
 * @param messagesPerView messages in each view (INBOX, SENT) of each mailbox
 * @param start earliest received date (inclusive)
 * @param end latest received date (exclusive)
 * @param shareEvery every n-th message of a SENT view is also in the recipient colleague's INBOX
 *     (same smash, same content, another id); 0 = no shared messages
 * @param maxAttachmentBytes upper bound of ordinary attachment sizes
 * @param hugeAttachmentBytes size of one extra attachment on the first message of the first
 *     mailbox's INBOX; 0 = none
 * @param attachmentShare the share of messages (0..1) that have attachments
 */
public record ArchiveSpec(long seed, int domains, int localDomains, int usersPerDomain, int aliasEvery,
                          int messagesPerView, Instant start, Instant end, int shareEvery,
                          long maxAttachmentBytes, long hugeAttachmentBytes, double attachmentShare) {
    public ArchiveSpec {
        requireNonNull(start, "start");
        requireNonNull(end, "end");
        positive("domains", domains, 0);
        positive("localDomains", localDomains, 0);
        positive("usersPerDomain", usersPerDomain, 1);
        positive("aliasEvery", aliasEvery, 0);
        positive("messagesPerView", messagesPerView, 0);
        positive("shareEvery", shareEvery, 0);
        if (domains + localDomains < 1) {
            throw new IllegalArgumentException("an archive needs at least one domain; set domains >= 1");
        }
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("end " + end + " must be after start " + start);
        }
        if (attachmentShare < 0 || attachmentShare > 1) {
            throw new IllegalArgumentException("attachmentShare must be between 0 and 1, got " + attachmentShare);
        }
        if (maxAttachmentBytes < 1 || hugeAttachmentBytes < 0) {
            throw new IllegalArgumentException("maxAttachmentBytes must be >= 1 and hugeAttachmentBytes >= 0, got "
                    + maxAttachmentBytes + " and " + hugeAttachmentBytes);
        }
    }

    /** All internal domains, local ones included. */
    public int totalDomains() {
        return domains + localDomains;
    }

    /** All mailboxes (alias entries not counted). */
    public int mailboxCount() {
        return totalDomains() * usersPerDomain;
    }

    private static void positive(String name, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be >= " + min + ", got " + value);
        }
    }
}
