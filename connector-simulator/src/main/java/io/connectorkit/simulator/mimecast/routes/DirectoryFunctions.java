package io.connectorkit.simulator.mimecast.routes;

import static java.util.Objects.requireNonNull;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.connectorkit.simulator.archive.Archive;
import io.connectorkit.simulator.archive.corpus.Domain;
import io.connectorkit.simulator.archive.corpus.User;
import io.connectorkit.simulator.mimecast.LastPageStyle;
import io.connectorkit.simulator.mimecast.ServerOptions;
import io.connectorkit.simulator.mimecast.wire.Call;
import io.connectorkit.simulator.mimecast.wire.Envelope;
import io.connectorkit.simulator.mimecast.wire.Reply;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** get-account, get-internal-domain and get-internal-users. */
public final class DirectoryFunctions {
    private static final int MAX_DOMAIN_ITEMS = 500;

    private final Archive archive;
    private final ServerOptions options;
    private final Paging paging;

    public DirectoryFunctions(Archive archive, ServerOptions options, Paging paging) {
        this.archive = requireNonNull(archive, "archive");
        this.options = requireNonNull(options, "options");
        this.paging = requireNonNull(paging, "paging");
    }

    public Reply account(Call call) {
        JsonObject account = new JsonObject();
        account.addProperty("accountCode", "CUSA00A00");
        account.addProperty("accountName", "Fake Tenant");
        account.addProperty("region", "us");
        account.addProperty("archive", options.archiveEnabled());
        account.addProperty("gateway", true);
        account.addProperty("userCount", archive.mailboxes().size());
        account.addProperty("mimecastId", "01-0000-00000");
        account.addProperty("maxRetention", options.maxRetentionDays());
        JsonArray data = new JsonArray();
        data.add(account);
        return Reply.json(200, Envelope.ok(data, null));
    }

    public Reply domains(Call call) {
        List<Domain> all = archive.domains();
        JsonArray items = call.data();
        JsonArray data = new JsonArray();
        if (items == null || items.isEmpty()) {
            all.forEach(d -> data.add(json(d)));
            return Reply.json(200, Envelope.ok(data, null));
        }
        if (items.size() > MAX_DOMAIN_ITEMS) {
            return Envelope.functionFailure(null, "err_validation_too_many_items",
                    "data may hold at most " + MAX_DOMAIN_ITEMS + " items, got " + items.size(), false, "data");
        }
        JsonArray fail = new JsonArray();
        for (JsonElement item : items) {
            String name = item.isJsonObject() ? Call.string(item.getAsJsonObject(), "domain") : null;
            Optional<Domain> found = all.stream().filter(d -> d.domain().equalsIgnoreCase(String.valueOf(name)))
                    .findFirst();
            if (found.isPresent()) {
                data.add(json(found.get()));
            } else {
                JsonObject error = new JsonObject();
                error.addProperty("code", name == null ? "err_validation_blank" : "err_domain_not_found");
                error.addProperty("message", name == null ? "domain must not be blank" : "Domain not found");
                error.addProperty("retryable", false);
                error.addProperty("field", "domain");
                JsonArray errors = new JsonArray();
                errors.add(error);
                JsonObject entry = new JsonObject();
                entry.add("key", item);
                entry.add("errors", errors);
                fail.add(entry);
            }
        }
        JsonObject body = Envelope.ok(data, null);
        body.add("fail", fail);
        return Reply.json(200, body);
    }

    public Reply users(Call call) {
        JsonArray items = call.data();
        if (items != null && items.size() > 1) {
            return Envelope.functionFailure(null, "err_validation_too_many_items",
                    "data may hold at most 1 item, got " + items.size(), false, "data");
        }
        JsonObject fromData = null;
        JsonObject item = call.item();
        if ((items != null && !items.isEmpty()) || call.pageToken().isEmpty()) {
            fromData = new JsonObject();
            String domain = Call.string(item, "domain");
            if (domain != null) {
                fromData.addProperty("domain", domain.toLowerCase(Locale.ROOT));
            }
        }
        Paging.Resolved resolved = paging.resolve(call, fromData);
        if (resolved.error() != null) {
            return resolved.error();
        }
        String domain = Call.string(resolved.query(), "domain");
        List<User> users = domain == null ? archive.users() : archive.users(domain);
        int pageSize = call.pageSize(100, options.maxPageSize());
        int offset = resolved.cursor() == null ? 0 : Math.min(users.size(), Integer.parseInt(resolved.cursor()));
        int end = Math.min(users.size(), offset + pageSize);
        JsonArray list = new JsonArray();
        for (User user : users.subList(offset, end)) {
            JsonObject u = new JsonObject();
            u.addProperty("emailAddress", user.emailAddress());
            u.addProperty("name", user.name());
            u.addProperty("addressType", "internal");
            u.addProperty("alias", user.alias());
            list.add(u);
        }
        boolean more = end < users.size() || (options.lastPage() == LastPageStyle.DUMMY_NEXT && offset < end);
        String next = more ? paging.token(call.endpoint(), resolved.query(), Integer.toString(end), call.now()) : null;
        String previous = offset > 0 ? paging.token(call.endpoint(), resolved.query(),
                Integer.toString(Math.max(0, offset - pageSize)), call.now()) : null;
        JsonObject page = new JsonObject();
        page.add("users", list);
        page.addProperty("userCount", users.size());
        JsonArray data = new JsonArray();
        data.add(page);
        return Reply.json(200, Envelope.ok(data, paging.pagination(pageSize, next, previous)));
    }

    private static JsonObject json(Domain d) {
        JsonObject o = new JsonObject();
        o.addProperty("id", d.id());
        o.addProperty("domain", d.domain());
        o.addProperty("sendOnly", d.sendOnly());
        o.addProperty("local", d.local());
        o.addProperty("inboundType", d.inboundType());
        return o;
    }
}
