package io.connectorkit.cli.bench.archive;

import io.connectorkit.simulator.archive.ArchiveGenerator;
import io.connectorkit.simulator.archive.ArchiveSpec;

/**
 * The archives the scenarios crawl, shrunk by the run's scale. The full archive is 20 mailboxes
 * (4 domains of 5) of 1,000 messages each (500 per view), 30% of the messages with 1 to 3
 * attachments of up to 200 KB; the memory archive is 5 mailboxes of 1,000 messages plus one
 * 500 MB attachment. Same seed every run, so every run crawls the same bytes.
 */
public final class BenchArchives {
    static final long SEED = 42;
    static final int DOMAINS = 4;
    static final int USERS_PER_DOMAIN = 5;
    static final int MESSAGES_PER_VIEW = 500;
    static final double ATTACHMENT_SHARE = 0.3;
    static final long MAX_ATTACHMENT_BYTES = 200_000;
    static final long HUGE_ATTACHMENT_BYTES = 500L << 20;

    private BenchArchives() {
    }

    /** @return the mailboxes of the full archive */
    public static int mailboxes() {
        return DOMAINS * USERS_PER_DOMAIN;
    }

    /**
     * The full scenario's archive, with {@code multiplier} times the messages per mailbox.
     *
     * @param scale the run's scale (1 = the sizes above)
     * @param multiplier 1, 2 or 4 for the scale scenario
     * @return the spec
     */
    public static ArchiveSpec full(double scale, int multiplier) {
        return base(DOMAINS, scale * multiplier).spec();
    }

    /**
     * The memory scenario's archive: 5,000 messages and one 500 MB attachment (both scaled).
     *
     * @param scale the run's scale
     * @return the spec
     */
    public static ArchiveSpec memory(double scale) {
        long huge = Math.max(1 << 20, Math.round(HUGE_ATTACHMENT_BYTES * scale));
        return base(1, scale).hugeAttachmentBytes(huge).spec();
    }

    /**
     * The archive the parts-mode call count is taken on: one domain (5 mailboxes) of the full
     * archive's shape, since calls per message do not depend on the number of mailboxes.
     *
     * @param scale the run's scale
     * @return the spec
     */
    public static ArchiveSpec parts(double scale) {
        return base(1, scale).spec();
    }

    private static ArchiveGenerator base(int domains, double scale) {
        int perView = (int) Math.max(1, Math.round(MESSAGES_PER_VIEW * scale));
        return ArchiveGenerator.seed(SEED).domains(domains).localDomains(0).usersPerDomain(USERS_PER_DOMAIN)
                .aliasEvery(0).messagesPerView(perView).attachmentShare(ATTACHMENT_SHARE)
                .maxAttachmentBytes(MAX_ATTACHMENT_BYTES);
    }
}
