package io.connectorkit.simulator.archive;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * Builds a deterministic {@link Archive}: the same seed and sizes always give the same domains,
 * users, ids, dates and bytes.
 *
 * <pre>{@code
 * Archive archive = ArchiveGenerator.seed(42).domains(2).localDomains(1).usersPerDomain(5)
 *         .messagesPerView(200).hugeAttachmentBytes(500L << 20).generate();
 * }</pre>
 */
public final class ArchiveGenerator {
    private final long seed;
    private int domains = 2;
    private int localDomains = 1;
    private int usersPerDomain = 5;
    private int aliasEvery = 3;
    private int messagesPerView = 50;
    private Instant start = Instant.parse("2019-01-01T00:00:00Z");
    private Instant end = Instant.parse("2025-01-01T00:00:00Z");
    private int shareEvery = 10;
    private long maxAttachmentBytes = 200_000;
    private long hugeAttachmentBytes;
    private double attachmentShare = 0.5;

    private ArchiveGenerator(long seed) {
        this.seed = seed;
    }

    /** Starts a generator with defaults: 2+1 domains, 5 users each, 50 messages per view, 2019-2024. */
    public static ArchiveGenerator seed(long seed) {
        return new ArchiveGenerator(seed);
    }

    /** Number of ordinary internal domains. */
    public ArchiveGenerator domains(int count) {
        this.domains = count;
        return this;
    }

    /** Number of extra domains flagged {@code local}. */
    public ArchiveGenerator localDomains(int count) {
        this.localDomains = count;
        return this;
    }

    /** Mailboxes per domain. */
    public ArchiveGenerator usersPerDomain(int count) {
        this.usersPerDomain = count;
        return this;
    }

    /** Every n-th mailbox of a domain gets an alias entry; 0 = none. */
    public ArchiveGenerator aliasEvery(int n) {
        this.aliasEvery = n;
        return this;
    }

    /** Messages in each view of each mailbox. */
    public ArchiveGenerator messagesPerView(int count) {
        this.messagesPerView = count;
        return this;
    }

    /** The received-date range [start, end) messages are spread over. */
    public ArchiveGenerator between(Instant from, Instant until) {
        this.start = requireNonNull(from, "from");
        this.end = requireNonNull(until, "until");
        return this;
    }

    /** Every n-th message also sits in a colleague's mailbox (same smash); 0 = none. */
    public ArchiveGenerator shareEvery(int n) {
        this.shareEvery = n;
        return this;
    }

    /** Upper bound of ordinary attachment sizes. */
    public ArchiveGenerator maxAttachmentBytes(long bytes) {
        this.maxAttachmentBytes = bytes;
        return this;
    }

    /** The share of messages (0..1) that have attachments (default 0.5). */
    public ArchiveGenerator attachmentShare(double share) {
        this.attachmentShare = share;
        return this;
    }

    /** One extra attachment of this size on the first INBOX message of the first mailbox; 0 = none. */
    public ArchiveGenerator hugeAttachmentBytes(long bytes) {
        this.hugeAttachmentBytes = bytes;
        return this;
    }

    /** The spec these settings describe. */
    public ArchiveSpec spec() {
        return new ArchiveSpec(seed, domains, localDomains, usersPerDomain, aliasEvery, messagesPerView, start, end,
                shareEvery, maxAttachmentBytes, hugeAttachmentBytes, attachmentShare);
    }

    /** Generates the archive (cheap: content is derived on demand). */
    public Archive generate() {
        return new Archive(spec());
    }

    /** Generates the archive of a spec. */
    public static Archive generate(ArchiveSpec spec) {
        return new Archive(spec);
    }
}
