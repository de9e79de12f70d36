package io.connectorkit.simulator.mimecast.routes;

import static java.util.Objects.requireNonNull;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.connectorkit.simulator.archive.Archive;
import io.connectorkit.simulator.archive.ArchiveIds;
import io.connectorkit.simulator.archive.corpus.Address;
import io.connectorkit.simulator.archive.corpus.MessageHeader;
import io.connectorkit.simulator.archive.corpus.MessageKey;
import io.connectorkit.simulator.archive.corpus.MessagePage;
import io.connectorkit.simulator.archive.corpus.MessageQuery;
import io.connectorkit.simulator.archive.corpus.View;
import io.connectorkit.simulator.mimecast.LastPageStyle;
import io.connectorkit.simulator.mimecast.ServerOptions;
import io.connectorkit.simulator.mimecast.wire.Call;
import io.connectorkit.simulator.mimecast.wire.Envelope;
import io.connectorkit.simulator.mimecast.wire.LenientDates;
import io.connectorkit.simulator.mimecast.wire.Reply;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * get-message-list: one mailbox, one view, a received window, paged by keyset so pages stay
 * consistent while the archive changes. Cursors: {@code n:<second>:<index>} resumes after a
 * row, {@code p:<second>:<index>} goes back before one.
 */
public final class ListFunction {
    private final Archive archive;
    private final ServerOptions options;
    private final Paging paging;

    public ListFunction(Archive archive, ServerOptions options, Paging paging) {
        this.archive = requireNonNull(archive, "archive");
        this.options = requireNonNull(options, "options");
        this.paging = requireNonNull(paging, "paging");
    }

    public Reply list(Call call) {
        JsonArray items = call.data();
        JsonObject item = call.item();
        if (items != null && items.size() > 1) {
            return Envelope.functionFailure(null, "err_validation_too_many_items",
                    "data must hold exactly 1 item, got " + items.size(), false, "data");
        }
        JsonObject fromData = null;
        if (item != null) {
            String mailbox = Call.string(item, "mailbox");
            if (mailbox == null || mailbox.isBlank()) {
                return Envelope.functionFailure(item, "err_validation_blank", "mailbox must not be blank", false,
                        "mailbox");
            }
            String view = Call.string(item, "view");
            if (view != null && !view.equals("INBOX") && !view.equals("SENT")) {
                return Envelope.functionFailure(item, "err_validation_value_not_allowed",
                        "Field must be one of [INBOX,SENT]", false, "view");
            }
            fromData = new JsonObject();
            fromData.addProperty("mailbox", mailbox.toLowerCase(Locale.ROOT));
            fromData.addProperty("view", view == null ? "INBOX" : view);
            for (String field : List.of("start", "end")) {
                String text = Call.string(item, field);
                if (text != null) {
                    try {
                        fromData.addProperty(field, LenientDates.parse(text).getEpochSecond());
                    } catch (DateTimeParseException e) {
                        return Envelope.functionFailure(item, "err_validation_invalid_date",
                                "Field must be a date like 2015-11-16T14:49:18+0000, got " + text, false, field);
                    }
                }
            }
            JsonElement aliases = item.get("includeAliases");
            fromData.addProperty("includeAliases", aliases == null || aliases.isJsonNull() || aliases.getAsBoolean());
        } else if (call.pageToken().isEmpty()) {
            return Envelope.functionFailure(null, "err_validation_null", "data must hold exactly 1 item", false, "data");
        }
        Paging.Resolved resolved = paging.resolve(call, fromData);
        if (resolved.error() != null) {
            return resolved.error();
        }
        return page(call, resolved.query(), resolved.cursor());
    }

    private Reply page(Call call, JsonObject q, String cursor) {
        Instant now = call.now();
        Instant start = q.has("start") ? Instant.ofEpochSecond(q.get("start").getAsLong())
                : now.atOffset(ZoneOffset.UTC).minusMonths(1).toInstant();
        Instant end = q.has("end") ? Instant.ofEpochSecond(q.get("end").getAsLong())
                : LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        MessageQuery query = new MessageQuery(q.get("mailbox").getAsString(), View.valueOf(q.get("view").getAsString()),
                start, end.isAfter(start) ? end : start, q.get("includeAliases").getAsBoolean());
        int pageSize = call.pageSize(options.defaultPageSize(), options.maxPageSize());
        boolean backwards = cursor != null && cursor.startsWith("p:");
        MessageKey key = cursor == null ? null : parse(cursor);
        List<MessageHeader> rows;
        boolean more;
        boolean earlier;
        if (backwards) {
            MessagePage page = archive.page(query, key, pageSize, !options.newestFirst());
            rows = new ArrayList<>(page.items());
            Collections.reverse(rows);
            more = true;
            earlier = page.resumeAfter().isPresent();
        } else {
            MessagePage page = archive.page(query, key, pageSize, options.newestFirst());
            rows = page.items();
            more = page.resumeAfter().isPresent();
            earlier = key != null;
        }
        JsonArray data = new JsonArray();
        rows.forEach(r -> data.add(json(r)));
        String next = null;
        if (more || options.lastPage() == LastPageStyle.DUMMY_NEXT) {
            next = rows.isEmpty() ? call.pageToken().orElse(null)
                    : paging.token(call.endpoint(), q, "n:" + keyText(rows.get(rows.size() - 1)), now);
            if (next == null) {
                // Past the end in the listing order, so following it yields an empty page again.
                next = paging.token(call.endpoint(), q, options.newestFirst()
                        ? "n:" + Long.MIN_VALUE + ":" + Integer.MIN_VALUE
                        : "n:" + Long.MAX_VALUE + ":" + Integer.MAX_VALUE, now);
            }
        }
        String previous = earlier && !rows.isEmpty()
                ? paging.token(call.endpoint(), q, "p:" + keyText(rows.get(0)), now) : null;
        return Reply.json(200, Envelope.ok(data, paging.pagination(pageSize, next, previous)));
    }

    private static MessageKey parse(String cursor) {
        String[] parts = cursor.split(":");
        return new MessageKey(Long.parseLong(parts[1]), Integer.parseInt(parts[2]));
    }

    private static String keyText(MessageHeader row) {
        return row.received().getEpochSecond() + ":" + ArchiveIds.decode(row.id()).orElseThrow().index();
    }

    static JsonObject json(MessageHeader h) {
        JsonObject o = new JsonObject();
        o.addProperty("id", h.id());
        o.addProperty("subject", h.subject());
        o.addProperty("size", h.size());
        o.addProperty("attachmentCount", h.attachmentCount());
        o.addProperty("received", LenientDates.format(h.received()));
        o.addProperty("status", "ARCHIVED");
        o.addProperty("smash", h.smash());
        o.add("from", address(h.from()));
        o.add("to", address(h.to()));
        o.addProperty("read", false);
        o.addProperty("ccm", false);
        o.addProperty("recalled", false);
        o.addProperty("expired", false);
        return o;
    }

    static JsonObject address(Address a) {
        JsonObject o = new JsonObject();
        o.addProperty("emailAddress", a.emailAddress());
        o.addProperty("displayableName", a.displayableName());
        return o;
    }
}
