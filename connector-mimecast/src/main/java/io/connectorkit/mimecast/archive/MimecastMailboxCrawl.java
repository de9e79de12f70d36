package io.connectorkit.mimecast.archive;

import static java.util.Objects.requireNonNull;

import io.connectorkit.api.ConnectorContext;
import io.connectorkit.api.ConnectorException;
import io.connectorkit.api.Emitter;
import io.connectorkit.mimecast.MimecastConfig;
import io.connectorkit.mimecast.client.MimecastClient;
import io.connectorkit.mimecast.client.MimecastListing;
import io.connectorkit.mimecast.client.MimecastMessage;
import io.connectorkit.mimecast.client.MimecastMessageQuery;
import io.connectorkit.mimecast.client.MimecastPage;
import io.connectorkit.mimecast.client.MimecastPager;
import io.connectorkit.mimecast.content.MimecastDocuments;
import io.connectorkit.mimecast.directory.MimecastScopeFilter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One crawl of one mailbox, made by {@link MimecastMessageReader#crawl}: its position so far, the
 * messages it has seen (a listing may start again from its first page) and the windows it lists,
 * page by page. Each {@code list...} method answers whether the crawl may go on: false once the
 * run was cancelled, after the checkpoint of the page in hand.
 */
public final class MimecastMailboxCrawl {
    private final MimecastMessageReader reader;
    private final MimecastClient client;
    private final MimecastPager pager;
    private final MimecastScopeFilter filter;
    private final MimecastConfig config;
    private final ConnectorContext context;
    private final String mailbox;
    private final Emitter emitter;
    private final Set<String> seen = new HashSet<>();
    private MimecastCheckpoint position;

    MimecastMailboxCrawl(MimecastMessageReader reader, MimecastClient client, MimecastPager pager,
            MimecastScopeFilter filter, MimecastConfig config, ConnectorContext context, String mailbox,
            MimecastCheckpoint position, Emitter emitter) {
        this.reader = requireNonNull(reader, "reader");
        this.client = requireNonNull(client, "client");
        this.pager = requireNonNull(pager, "pager");
        this.filter = requireNonNull(filter, "filter");
        this.config = requireNonNull(config, "config");
        this.context = requireNonNull(context, "context");
        this.mailbox = requireNonNull(mailbox, "mailbox");
        this.position = requireNonNull(position, "position");
        this.emitter = requireNonNull(emitter, "emitter");
    }

    /**
     * Lists every view, late-arrival parts first when {@code full} is false, and says that the
     * listing was complete when it started from the start date.
     *
     * @param full whether the crawl ignores the delta tokens
     * @param crawlStart the crawl's start, in whole seconds
     * @throws ConnectorException if a listing failed or a message failed fatally
     */
    void run(boolean full, Instant crawlStart) throws ConnectorException {
        boolean fromStart = true;
        for (String view : MimecastMessageReader.VIEWS) {
            MimecastCheckpoint.View saved = position.view(view).orElse(new MimecastCheckpoint.View(null, null));
            if (!full) {
                if (!listLateArrivals(view, saved, crawlStart)) {
                    return;
                }
                saved = position.view(view).orElse(saved);
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
            if (!listWindow(view, saved, window)) {
                return;
            }
            position = position.with(view, new MimecastCheckpoint.View(window.end(), null));
            emitter.checkpoint(position.toCheckpoint());
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
    private boolean listLateArrivals(String view, MimecastCheckpoint.View saved, Instant crawlStart)
            throws ConnectorException {
        MimecastCheckpoint.Window window = saved.window();
        if (window == null) {
            Duration late = config.messages().lateArrival();
            if (late.isZero() || saved.deltaToken() == null) {
                return true;
            }
            Instant start = crawlStart.minus(late);
            if (start.isBefore(config.messages().startDate())) {
                start = config.messages().startDate();
            }
            Instant end = MimecastMessageWindow.capped(deltaStart(saved), config.messages());
            if (!start.isBefore(end)) {
                return true; // the delta window already reaches back that far
            }
            window = new MimecastCheckpoint.Window(start, end, null, true);
        } else if (!window.late()) {
            return true; // a delta window in progress: this crawl's late part was listed before it
        }
        // Counted even when none is found, so that the crawl summary says the window was listed.
        context.metrics().add(MimecastMessageReader.LATE_ARRIVALS, 0);
        // The last page's checkpoint already says the late part is done (the delta token, no window).
        return listWindow(view, saved, window);
    }

    private boolean listWindow(String view, MimecastCheckpoint.View saved, MimecastCheckpoint.Window window)
            throws ConnectorException {
        if (!window.start().isBefore(window.end())) {
            return true;
        }
        MimecastMessageQuery query = new MimecastMessageQuery(mailbox, view, window.start(), window.end());
        String what = window.late() ? "late arrivals in " + view + " of mailbox " + mailbox
                : view + " of mailbox " + mailbox;
        // The listing may start the window again from its first page (a page token expired): seen skips what was done.
        MimecastListing<MimecastMessage> pages = pager.list(MimecastClient.LIST, what, window.next(),
                window.late() ? MimecastMessageWindow.LATE_PAGE_SIZE : 0,
                (size, token) -> client.messages(query, size, token, what));
        while (pages.hasNext()) {
            MimecastPage<MimecastMessage> page = pages.next();
            long found = processPage(view, page.items(), window.late());
            if (found < 0) {
                return false;
            }
            // After the last page the view is complete: saving the window without a page token would
            // make a crawl resumed from here list the whole window again. A late part ends where the
            // delta window begins, which the delta token already says.
            MimecastCheckpoint.View done = new MimecastCheckpoint.View(window.late() ? saved.deltaToken()
                    : window.end(), null);
            position = position.with(view, page.next() == null ? done : new MimecastCheckpoint.View(
                    saved.deltaToken(), new MimecastCheckpoint.Window(window.start(), window.end(), page.next(),
                            window.late()))).plusLateArrivals(found);
            emitter.checkpoint(position.toCheckpoint());
            if (context.cancelled()) {
                return false;
            }
        }
        return true;
    }

    /**
     * @return the late arrivals indexed (messages of a late part that the index did not hold), or
     *     -1 when the run was cancelled before the page was done
     */
    private long processPage(String view, List<MimecastMessage> messages, boolean late) throws ConnectorException {
        List<MimecastMessage> todo = new ArrayList<>();
        for (MimecastMessage m : messages) {
            if (m.id().isEmpty() || !seen.add(m.id())) {
                continue;
            }
            try {
                if (filter.subjectExcluded(m.subject() == null ? "" : m.subject())) {
                    context.metrics().add(MimecastMessageReader.EXCLUDED, 1);
                    continue;
                }
            } catch (ConnectorException e) {
                // The rule could not be applied: neither indexed (it may be excluded) nor silently skipped.
                emitter.failure(MimecastMessageReader.failure(mailbox, view, m, e));
                continue;
            }
            todo.add(m);
        }
        Map<String, String> known = known(todo);
        long found = 0;
        for (MimecastMessage m : todo) {
            if (context.cancelled()) {
                return -1;
            }
            String docId = MimecastDocuments.emailId(mailbox, m.id());
            if (known != null && MimecastDocuments.version(m, config).equals(known.get(docId))) {
                context.metrics().add(MimecastMessageReader.UNCHANGED, 1);
                // Not downloaded again; the host keeps the document and its attachments. The index holds an
                // email only once all its attachments are acknowledged, so they are all there.
                emitter.unchanged(docId);
                continue;
            }
            if (reader.fetch(mailbox, view, m, emitter) && late && known != null && !known.containsKey(docId)) {
                found++;
                context.metrics().add(MimecastMessageReader.LATE_ARRIVALS, 1);
            }
        }
        return found;
    }

    /** @return document id to indexed version, or null when the index could not say */
    private Map<String, String> known(List<MimecastMessage> messages) {
        List<String> ids = new ArrayList<>();
        messages.forEach(m -> ids.add(MimecastDocuments.emailId(mailbox, m.id())));
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
