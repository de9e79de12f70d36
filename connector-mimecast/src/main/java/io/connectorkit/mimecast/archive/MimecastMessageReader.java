package io.connectorkit.mimecast.archive;

import static java.util.Objects.requireNonNull;

import io.connectorkit.api.CancelledException;
import io.connectorkit.api.Checkpoint;
import io.connectorkit.api.ConnectorContext;
import io.connectorkit.api.ConnectorException;
import io.connectorkit.api.CrawlMode;
import io.connectorkit.api.Document;
import io.connectorkit.api.Emitter;
import io.connectorkit.api.ErrorKind;
import io.connectorkit.api.ItemFailure;
import io.connectorkit.api.Partition;
import io.connectorkit.mimecast.MimecastConfig;
import io.connectorkit.mimecast.client.MimecastClient;
import io.connectorkit.mimecast.client.MimecastMessage;
import io.connectorkit.mimecast.client.MimecastMessageDetail;
import io.connectorkit.mimecast.client.MimecastPager;
import io.connectorkit.mimecast.content.MimecastAttachments;
import io.connectorkit.mimecast.content.MimecastContentReader;
import io.connectorkit.mimecast.content.MimecastDocuments;
import io.connectorkit.mimecast.content.MimecastMessageContent;
import io.connectorkit.mimecast.directory.MimecastScopeFilter;
import io.connectorkit.mimecast.http.MimecastUnreachableException;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Crawls one mailbox. For each view ({@code INBOX}, {@code SENT}) it lists the messages of the
 * window {@code [delta token + offset, crawl start)} (from {@code mimecast.messages.start-date}
 * on a first crawl, with {@code ignore-delta-tokens} or in {@link CrawlMode#FULL}), never past
 * {@code mimecast.messages.end-date}, skips excluded subjects, asks
 * {@link io.connectorkit.api.KnownDocuments} which messages are already indexed with the same
 * version (their content is not downloaded again), emits the email and its attachments, and
 * checkpoints after every page.
 *
 * <p>Mail reaches the archive late (held mail up to 14 days after receipt), after a crawl has
 * listed its received time. So an incremental crawl first lists each view again from
 * {@code mimecast.messages.late-arrival-days} before its start up to where the delta window
 * begins, {@value MimecastMessageWindow#LATE_PAGE_SIZE} messages a page: the index holds nearly
 * all of them, and those it lacks are the late arrivals. That part is checkpointed as a window of
 * its own, marked late, so a resumed crawl goes on from its page, and it never moves the delta
 * token. Each crawl is one {@link MimecastMailboxCrawl}; this class fetches and emits single messages.
 */
public final class MimecastMessageReader {
    static final List<String> VIEWS = List.of("INBOX", "SENT");
    /** Counter of messages skipped by subject. */
    public static final String EXCLUDED = "messages_excluded";
    /** Counter of messages whose content was not downloaded because the index has them. */
    public static final String UNCHANGED = "messages_unchanged";
    /** Counter of messages the late-arrival window found and indexed. */
    public static final String LATE_ARRIVALS = "late_arrivals";

    private final MimecastClient client;
    private final MimecastPager pager;
    private final MimecastContentReader content;
    private final MimecastAttachments attachments;
    private final MimecastScopeFilter filter;
    private final MimecastConfig config;
    private final ConnectorContext context;

    @Inject
    MimecastMessageReader(MimecastClient client, MimecastPager pager, MimecastContentReader content,
            MimecastAttachments attachments, MimecastScopeFilter filter, MimecastConfig config,
            ConnectorContext context) {
        this.client = requireNonNull(client, "client");
        this.pager = requireNonNull(pager, "pager");
        this.content = requireNonNull(content, "content");
        this.attachments = requireNonNull(attachments, "attachments");
        this.filter = requireNonNull(filter, "filter");
        this.config = requireNonNull(config, "config");
        this.context = requireNonNull(context, "context");
    }

    public void crawl(Partition partition, Checkpoint checkpoint, CrawlMode mode, Emitter emitter)
            throws ConnectorException {
        // Whole seconds: the window end sent to Mimecast and the delta token saved must be the same instant.
        Instant crawlStart = context.clock().instant().truncatedTo(ChronoUnit.SECONDS);
        boolean full = mode == CrawlMode.FULL || config.messages().ignoreDeltaTokens();
        MimecastCheckpoint position = full ? MimecastCheckpoint.empty() : MimecastCheckpoint.parse(checkpoint);
        new MimecastMailboxCrawl(this, client, pager, filter, config, context, partition.id(), position, emitter)
                .run(full, crawlStart);
    }

    /**
     * Downloads one listed message and emits the email and its attachments, or its failure.
     *
     * @return whether the message was emitted (false: recorded as failed)
     */
    boolean fetch(String mailbox, String view, MimecastMessage m, Emitter emitter) throws ConnectorException {
        try (MimecastMessageContent c = content.read(mailbox, m.id())) {
            Document email = MimecastDocuments.email(mailbox, view, m, c, attachments.names(c), config);
            emitter.upsert(email);
            attachments.emit(mailbox, email, c, emitter);
            return true;
        } catch (ConnectorException e) {
            // An unreachable Mimecast is an outage: it stops the mailbox instead of failing every message.
            if (e.kind().isFatal() || e.kind() == ErrorKind.RATE_LIMITED
                    || e instanceof MimecastUnreachableException) {
                throw e;
            }
            emitter.failure(failure(mailbox, view, m, e));
            return false;
        }
    }

    /**
     * Fetches failed messages again by their {@link MimecastDocuments#ref references}: reads each
     * message's detail (get-message-detail) in place of its listing, then emits it as a crawl does,
     * without the "unchanged" skip (something of it is missing from the index). A message Mimecast no
     * longer has ({@link MimecastClient#findMessage} finds none) is emitted as a delete.
     *
     * @param partition the mailbox
     * @param refs references made by {@link MimecastDocuments#ref}
     * @param emitter where documents go
     * @throws ConnectorException on an outage, a rate limit that cannot be waited out or a fatal error
     */
    public void refetch(Partition partition, List<String> refs, Emitter emitter) throws ConnectorException {
        String mailbox = partition.id();
        for (String ref : refs) {
            if (context.cancelled()) {
                throw new CancelledException("The crawl of mailbox " + mailbox + " was cancelled");
            }
            int colon = ref.indexOf(':');
            String view = colon < 0 ? "" : ref.substring(0, colon);
            String messageId = ref.substring(colon + 1);
            MimecastMessage listed = MimecastMessage.ofId(messageId);
            if (!VIEWS.contains(view) || messageId.isBlank()) {
                emitter.failure(failure(mailbox, VIEWS.contains(view) ? view : "INBOX", listed,
                        new ConnectorException(ErrorKind.PERMANENT, "'" + ref + "' is not a reference this connector"
                                + " made (VIEW:messageId); a FULL crawl lists the message again")));
                continue;
            }
            Optional<MimecastMessageDetail> detail;
            try {
                detail = client.findMessage(messageId);
            } catch (ConnectorException e) {
                if (e.kind().isFatal() || e.kind() == ErrorKind.RATE_LIMITED
                        || e instanceof MimecastUnreachableException) {
                    throw e;
                }
                emitter.failure(failure(mailbox, view, listed, e));
                continue;
            }
            if (detail.isEmpty()) {
                emitter.delete(MimecastDocuments.emailId(mailbox, messageId));
            } else {
                fetch(mailbox, view, detail.get().message(), emitter);
            }
        }
    }

    static ItemFailure failure(String mailbox, String view, MimecastMessage m, ConnectorException e) {
        // A subject can be 100,000 characters; the failure record needs only enough to recognise it.
        String subject = MimecastDocuments.cut(m.subject() == null ? "" : m.subject(), 200);
        return ItemFailure.of(MimecastDocuments.emailId(mailbox, m.id()), e.kind(), "Message "
                + m.id() + " (" + subject + ") in " + view + " of " + mailbox + ": " + e.getMessage())
                .withSourceRef(MimecastDocuments.ref(view, m.id()));
    }
}
