package io.connectorkit.mimecast;

import static java.util.Objects.requireNonNull;

import com.google.gson.JsonObject;
import io.connectorkit.api.Checkpoint;
import io.connectorkit.api.ConnectorContext;
import io.connectorkit.api.ConnectorException;
import io.connectorkit.api.CrawlMode;
import io.connectorkit.api.Document;
import io.connectorkit.api.Emitter;
import io.connectorkit.api.ErrorKind;
import io.connectorkit.api.ItemFailure;
import io.connectorkit.api.Partition;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * token.
 */
final class MimecastMessageReader {
    static final List<String> VIEWS = List.of("INBOX", "SENT");
    static final String LIST = "/api/archive/get-message-list";
    /** Counter of messages skipped by subject. */
    static final String EXCLUDED = "messages_excluded";
    /** Counter of messages whose content was not downloaded because the index has them. */
    static final String UNCHANGED = "messages_unchanged";
    /** Counter of messages the late-arrival window found and indexed. */
    static final String LATE_ARRIVALS = "late_arrivals";

    private final MimecastPager pager;
    private final MimecastContentReader content;
    private final MimecastAttachments attachments;
    private final MimecastScopeFilter filter;
    private final MimecastConfig config;
    private final ConnectorContext context;

    @Inject
    MimecastMessageReader(MimecastPager pager, MimecastContentReader content, MimecastAttachments attachments,
            MimecastScopeFilter filter, MimecastConfig config, ConnectorContext context) {
        this.pager = requireNonNull(pager, "pager");
        this.content = requireNonNull(content, "content");
        this.attachments = requireNonNull(attachments, "attachments");
        this.filter = requireNonNull(filter, "filter");
        this.config = requireNonNull(config, "config");
        this.context = requireNonNull(context, "context");
    }

    /** Thrown inside page handling to stop promptly after a checkpoint when the run is cancelled. */
    private static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stop() {
            super("cancelled", null, false, false);
        }
    }

    void crawl(Partition partition, Checkpoint checkpoint, CrawlMode mode, Emitter emitter)
            throws ConnectorException {
        String mailbox = partition.id();
        // Whole seconds: the window end sent to Mimecast and the delta token saved must be the same instant.
        Instant crawlStart = context.clock().instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        boolean full = mode == CrawlMode.FULL || config.messages().ignoreDeltaTokens();
        MimecastCheckpoint[] position = {full ? MimecastCheckpoint.empty() : MimecastCheckpoint.parse(checkpoint)};
        boolean fromStart = true;
        Set<String> seen = new HashSet<>();
        try {
            for (String view : VIEWS) {
                MimecastCheckpoint.View saved = position[0].view(view).orElse(new MimecastCheckpoint.View(null, null));
                if (!full) {
                    listLateArrivals(mailbox, view, saved, crawlStart, seen, position, emitter);
                    saved = position[0].view(view).orElse(saved);
                }
                MimecastCheckpoint.Window window = window(saved, crawlStart);
                if (window == null) {
                    // Nothing before now to list (a start date or a token after the clock): the view keeps
                    // its position, since a token saved now would claim a window that was never listed, and
                    // the listing is not complete enough to remove anything.
                    fromStart = false;
                    continue;
                }
                if (saved.deltaToken() != null || saved.window() != null
                        || !window.start().equals(config.messages().startDate())) {
                    fromStart = false;
                }
                listWindow(mailbox, view, saved, window, seen, position, emitter);
                position[0] = position[0].with(view, new MimecastCheckpoint.View(window.end(), null));
                emitter.checkpoint(position[0].toCheckpoint());
            }
        } catch (Stop stop) {
            return;
        }
        if (fromStart) {
            emitter.partitionComplete();
        }
    }

    /**
     * The window a view lists in this crawl: the saved one being listed, else from the delta token
     * (with its offset) or the start date up to the crawl's start.
     *
     * @return the window, or null when it would lie wholly after {@code crawlStart}
     */
    private MimecastCheckpoint.Window window(MimecastCheckpoint.View saved, Instant now) {
        // Messages received after the end date are never listed, so no content is fetched for them.
        Instant crawlStart = MimecastMessageWindow.capped(now, config.messages());
        MimecastCheckpoint.Window window = saved.window();
        if (window != null) {
            if (!window.end().isAfter(crawlStart)) {
                return window;
            }
            // Saved by a clock that was ahead: its end would claim time not yet archived, so it is listed
            // again up to now, from its first page (a page token belongs to the query that made it).
            return window.start().isBefore(crawlStart) ? new MimecastCheckpoint.Window(window.start(), crawlStart,
                    null) : null;
        }
        Instant start = deltaStart(saved);
        return start.isBefore(crawlStart) ? new MimecastCheckpoint.Window(start, crawlStart, null) : null;
    }

    /** Where a view's delta window starts: the delta token with its offset, never before the start date. */
    private Instant deltaStart(MimecastCheckpoint.View saved) {
        Instant start = config.messages().startDate();
        if (saved.deltaToken() != null) {
            Instant offset = saved.deltaToken().plus(config.performance().deltaTokenOffset());
            start = offset.isAfter(start) ? offset : start;
        }
        return start;
    }

    /**
     * Lists a view's late-arrival part, {@code [crawl start - late-arrival-days, delta window
     * start)}, or goes on with the one a stopped crawl saved. Only once the view has a delta
     * token: a first crawl lists everything from the start date anyway.
     */
    private void listLateArrivals(String mailbox, String view, MimecastCheckpoint.View saved, Instant crawlStart,
            Set<String> seen, MimecastCheckpoint[] position, Emitter emitter) throws ConnectorException {
        MimecastCheckpoint.Window window = saved.window();
        if (window == null) {
            Duration late = config.messages().lateArrival();
            if (late.isZero() || saved.deltaToken() == null) {
                return;
            }
            Instant start = crawlStart.minus(late);
            if (start.isBefore(config.messages().startDate())) {
                start = config.messages().startDate();
            }
            Instant end = MimecastMessageWindow.capped(deltaStart(saved), config.messages());
            if (!start.isBefore(end)) {
                return; // the delta window already reaches back that far
            }
            window = new MimecastCheckpoint.Window(start, end, null, true);
        } else if (!window.late()) {
            return; // a delta window in progress: this crawl's late part was listed before it
        }
        // Counted even when none is found, so that the crawl summary says the window was listed.
        context.metrics().add(LATE_ARRIVALS, 0);
        // The last page's checkpoint already says the late part is done (the delta token, no window).
        listWindow(mailbox, view, saved, window, seen, position, emitter);
    }

    private void listWindow(String mailbox, String view, MimecastCheckpoint.View saved,
            MimecastCheckpoint.Window window, Set<String> seen, MimecastCheckpoint[] position, Emitter emitter)
            throws ConnectorException {
        if (!window.start().isBefore(window.end())) {
            return;
        }
        JsonObject item = new JsonObject();
        item.addProperty("mailbox", mailbox);
        item.addProperty("view", view);
        item.addProperty("start", MimecastDates.format(window.start()));
        item.addProperty("end", MimecastDates.format(window.end()));
        item.addProperty("includeAliases", true);
        item.addProperty("includeDelegates", false);
        String what = view + " of mailbox " + mailbox;
        // The pager may list the window again from its first page (a page token expired): seen skips what was done.
        MimecastPager.PageHandler handler = (messages, next) -> {
            long found = processPage(mailbox, view, messages, seen, emitter, window.late());
            // After the last page the view is complete: saving the window without a page token would
            // make a crawl resumed from here list the whole window again. A late part ends where the
            // delta window begins, which the delta token already says.
            MimecastCheckpoint.View done = new MimecastCheckpoint.View(window.late() ? saved.deltaToken()
                    : window.end(), null);
            position[0] = position[0].with(view, next == null ? done : new MimecastCheckpoint.View(saved.deltaToken(),
                    new MimecastCheckpoint.Window(window.start(), window.end(), next, window.late())))
                    .plusLateArrivals(found);
            emitter.checkpoint(position[0].toCheckpoint());
            if (context.cancelled()) {
                throw new Stop();
            }
        };
        pager.forEachPage(LIST, item, window.next(), window.late() ? MimecastMessageWindow.LATE_PAGE_SIZE : 0,
                window.late() ? "late arrivals in " + what : what, handler);
    }

    /** @return the late arrivals indexed: messages of a late part that the index did not hold */
    private long processPage(String mailbox, String view, List<JsonObject> messages, Set<String> seen,
            Emitter emitter, boolean late) throws ConnectorException {
        List<JsonObject> todo = new ArrayList<>();
        for (JsonObject m : messages) {
            String id = MimecastJson.string(m, "id").orElse("");
            if (id.isEmpty() || !seen.add(id)) {
                continue;
            }
            try {
                if (filter.subjectExcluded(MimecastJson.string(m, "subject").orElse(""))) {
                    context.metrics().add(EXCLUDED, 1);
                    continue;
                }
            } catch (ConnectorException e) {
                // The rule could not be applied: neither indexed (it may be excluded) nor silently skipped.
                emitter.failure(failure(mailbox, view, m, e));
                continue;
            }
            todo.add(m);
        }
        Map<String, String> known = known(mailbox, todo);
        long found = 0;
        for (JsonObject m : todo) {
            if (context.cancelled()) {
                throw new Stop();
            }
            String messageId = MimecastJson.string(m, "id").orElseThrow();
            String docId = MimecastDocuments.emailId(mailbox, messageId);
            if (known != null && MimecastDocuments.version(m, config).equals(known.get(docId))) {
                context.metrics().add(UNCHANGED, 1);
                // Not downloaded again; the host keeps the document and its attachments. The index holds an
                // email only once all its attachments are acknowledged, so they are all there.
                emitter.unchanged(docId);
                continue;
            }
            if (fetch(mailbox, view, m, emitter) && late && known != null && !known.containsKey(docId)) {
                found++;
                context.metrics().add(LATE_ARRIVALS, 1);
            }
        }
        return found;
    }

    /**
     * Downloads one listed message and emits the email and its attachments, or its failure.
     *
     * @return whether the message was emitted (false: recorded as failed)
     */
    private boolean fetch(String mailbox, String view, JsonObject m, Emitter emitter) throws ConnectorException {
        String messageId = MimecastJson.string(m, "id").orElseThrow();
        try (MimecastMessageContent c = content.read(mailbox, messageId)) {
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
     * longer has is emitted as a delete.
     *
     * @param partition the mailbox
     * @param refs references made by {@link MimecastDocuments#ref}
     * @param emitter where documents go
     * @throws ConnectorException on an outage, a rate limit that cannot be waited out or a fatal error
     */
    void refetch(Partition partition, List<String> refs, Emitter emitter) throws ConnectorException {
        String mailbox = partition.id();
        for (String ref : refs) {
            if (context.cancelled()) {
                throw new io.connectorkit.api.CancelledException("The crawl of mailbox " + mailbox + " was cancelled");
            }
            int colon = ref.indexOf(':');
            String view = colon < 0 ? "" : ref.substring(0, colon);
            String messageId = ref.substring(colon + 1);
            JsonObject listed = new JsonObject();
            listed.addProperty("id", messageId);
            if (!VIEWS.contains(view) || messageId.isBlank()) {
                emitter.failure(failure(mailbox, VIEWS.contains(view) ? view : "INBOX", listed,
                        new ConnectorException(ErrorKind.PERMANENT, "'" + ref + "' is not a reference this connector"
                                + " made (VIEW:messageId); a FULL crawl lists the message again")));
                continue;
            }
            JsonObject detail;
            try {
                detail = MimecastJson.objects(this.content.detail(messageId), "data").stream().findFirst()
                        .orElseThrow(() -> new ConnectorException(ErrorKind.PERMANENT, MimecastContentReader.DETAIL
                                + " returned no detail for message " + messageId));
            } catch (ConnectorException e) {
                if (e.kind().isFatal() || e.kind() == ErrorKind.RATE_LIMITED
                        || e instanceof MimecastUnreachableException) {
                    throw e;
                }
                if (String.valueOf(e.getMessage()).contains("code " + NOT_FOUND)) {
                    emitter.delete(MimecastDocuments.emailId(mailbox, messageId));
                } else {
                    emitter.failure(failure(mailbox, view, listed, e));
                }
                continue;
            }
            fetch(mailbox, view, asListed(detail), emitter);
        }
    }

    /** The code Mimecast answers for a message id it does not have. */
    static final String NOT_FOUND = "err_message_not_found";

    /** A message's detail in the shape of its listing: the detail has no attachment count, but its attachments. */
    private static JsonObject asListed(JsonObject detail) {
        JsonObject listed = detail.deepCopy();
        if (!listed.has("attachmentCount") && listed.has("attachments") && listed.get("attachments").isJsonArray()) {
            listed.addProperty("attachmentCount", listed.getAsJsonArray("attachments").size());
        }
        return listed;
    }

    private static ItemFailure failure(String mailbox, String view, JsonObject m, ConnectorException e) {
        String messageId = MimecastJson.string(m, "id").orElseThrow();
        // A subject can be 100,000 characters; the failure record needs only enough to recognise it.
        String subject = MimecastDocuments.cut(MimecastJson.string(m, "subject").orElse(""), 200);
        return ItemFailure.of(MimecastDocuments.emailId(mailbox, messageId), e.kind(), "Message "
                + messageId + " (" + subject + ") in " + view + " of " + mailbox + ": " + e.getMessage())
                .withSourceRef(MimecastDocuments.ref(view, messageId));
    }

    /** @return document id to indexed version, or null when the index could not say */
    private Map<String, String> known(String mailbox, List<JsonObject> messages) {
        List<String> ids = new ArrayList<>();
        messages.forEach(m -> ids.add(MimecastDocuments.emailId(mailbox, MimecastJson.string(m, "id").orElseThrow())));
        if (ids.isEmpty()) {
            return Map.of();
        }
        try {
            return context.knownDocuments().versions(ids);
        } catch (ConnectorException e) {
            // The index could not say: download everything rather than miss content.
            return null;
        }
    }
}
