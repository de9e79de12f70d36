package io.connectorkit.runtime.index.documents;

import static java.util.Objects.requireNonNull;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.connectorkit.runtime.index.IndexClient;
import io.connectorkit.runtime.index.IndexErrors;
import io.connectorkit.runtime.index.RetryPolicy;
import io.connectorkit.runtime.index.SinkAction;
import io.connectorkit.runtime.index.SinkException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.hc.core5.http.ContentType;

/**
 * One {@code _bulk} request with item-level retries: items the index asks to retry (429, 5xx,
 * write blocks) are sent again alone with backoff, for as long as the retry policy waits for an
 * unavailable index; items it rejects for good are returned as
 * errors while the rest land. Besides the pipeline's documents and deletes it carries the
 * sink's own deletes and partial updates (sweeps, removals, re-stamps), so that none of them
 * needs a server-side script or the reindex module.
 */
final class BulkRequest {
    /**
     * One line of the request (two for a document or an update).
     *
     * @param op {@code index}, {@code delete} or {@code update}
     * @param id the document id
     * @param source the document, or the update's body, or {@code null} for a delete
     */
    record Item(String op, String id, String source) {
        Item {
            requireNonNull(op, "op");
            requireNonNull(id, "id");
        }

        static Item of(SinkAction action) {
            return action.isDelete() ? delete(action.id()) : new Item("index", action.id(), action.source());
        }

        static Item delete(String id) {
            return new Item("delete", id, null);
        }

        /** A partial update: the given fields are set, the rest of the document is kept. */
        static Item update(String id, JsonObject fields) {
            JsonObject body = new JsonObject();
            body.add("doc", fields);
            return new Item("update", id, body.toString());
        }

        /** Whether a 404 means the work is already done: the document to delete or update is gone. */
        boolean goneIsDone() {
            return !op.equals("index");
        }
    }

    private static final ContentType NDJSON = ContentType.create("application/x-ndjson", StandardCharsets.UTF_8);

    private final IndexClient client;
    private final String index;
    private final IndexDisk disk;

    /**
     * What a request's items came to.
     *
     * @param reasons one entry per item: {@code null} when acknowledged, else the index's reason
     * @param missing how many deletes and updates found no document (404): acknowledged, but
     *     nothing was deleted or updated
     */
    record Outcome(List<String> reasons, int missing) {
    }

    BulkRequest(IndexClient client, String index, IndexDisk disk) {
        this.client = requireNonNull(client, "client");
        this.index = requireNonNull(index, "index");
        this.disk = requireNonNull(disk, "disk");
    }

    /**
     * Sends the actions, and again those the index asks to retry.
     *
     * @param actions the writes, in order
     * @return one entry per action: {@code null} when acknowledged, else the index's reason
     * @throws SinkException if items were still refused when the retries and the wait ran out
     */
    List<String> send(List<SinkAction> actions) throws SinkException {
        return sendItems(actions.stream().map(Item::of).toList()).reasons();
    }

    /**
     * Sends the items, and again those the index asks to retry.
     *
     * @param actions the items, in order
     * @return the outcome: a delete or update of a document that is gone is acknowledged, and
     *     counted as missing
     * @throws SinkException if items were still refused when the retries and the wait ran out
     */
    Outcome sendItems(List<Item> actions) throws SinkException {
        int missing = 0;
        List<String> outcome = new ArrayList<>(Collections.nCopies(actions.size(), (String) null));
        List<Integer> pending = new ArrayList<>();
        for (int i = 0; i < actions.size(); i++) {
            pending.add(i);
        }
        RetryPolicy retry = client.retry();
        String lastReason = "";
        boolean unavailable = true;
        boolean diskRefused = false;
        Instant failingSince = null;
        for (int attempt = 0; !pending.isEmpty(); attempt++) {
            if (attempt > 0) {
                if (!retry.again(attempt - 1, Duration.between(failingSince, Instant.now()), unavailable)) {
                    break;
                }
                try {
                    IndexClient.sleep(retry.backoff(attempt));
                } catch (IOException e) {
                    throw new SinkException("Interrupted while retrying a bulk request to '" + index + "'", e);
                }
            }
            // The embedded index's own disk: nothing is sent while its filesystem is below the reserve.
            disk.awaitRoom(retry.maxWait());
            byte[] body = body(actions, pending);
            IndexClient.Reply r;
            try {
                r = client.send("POST", "/_bulk", Map.of(), body, NDJSON);
            } catch (IOException e) {
                if (disk.low()) {
                    throw disk.refused(index, client.description(), e.getMessage(), waited(failingSince));
                }
                throw new SinkException(e.getMessage(), e);
            }
            if (!r.ok() || !r.body().has("items")) {
                lastReason = "HTTP " + r.status() + ": " + r.reason();
                boolean full = IndexDisk.refusal(lastReason);
                diskRefused |= full;
                if (RetryPolicy.retryableStatus(r.status()) || full) {
                    unavailable = full || RetryPolicy.unavailableStatus(r.status());
                    failingSince = failingSince == null ? Instant.now() : failingSince;
                    continue;
                }
                throw new SinkException("Bulk request to index '" + index + "' failed with " + lastReason, null);
            }
            JsonArray items = r.body().getAsJsonArray("items");
            List<Integer> again = new ArrayList<>();
            unavailable = true;
            for (int k = 0; k < pending.size(); k++) {
                int i = pending.get(k);
                JsonObject item = items.get(k).getAsJsonObject().entrySet().iterator().next().getValue().getAsJsonObject();
                int status = item.get("status").getAsInt();
                if (status < 300) {
                    continue;
                }
                if (status == 404 && actions.get(i).goneIsDone()) {
                    missing++;
                    continue;
                }
                String reason = item.has("error") ? IndexErrors.describe(item.get("error")) : "status " + status;
                boolean full = IndexDisk.refusal(reason);
                if (RetryPolicy.retryableStatus(status) || reason.startsWith("cluster_block_exception") || full) {
                    again.add(i);
                    lastReason = reason;
                    diskRefused |= full;
                    // A block an administrator set (403) is not waited for; a recovering or
                    // overloaded index (503, 429: state not recovered, flood stage) or a full disk is.
                    unavailable &= full || RetryPolicy.unavailableStatus(status);
                } else {
                    outcome.set(i, "rejected by index '" + index + "' (" + reason + ")");
                }
            }
            pending = again;
            if (!pending.isEmpty() && failingSince == null) {
                failingSince = Instant.now();
            }
        }
        if (!pending.isEmpty() && (diskRefused || disk.low())) {
            throw disk.refused(index, client.description(), lastReason, waited(failingSince));
        }
        if (!pending.isEmpty()) {
            throw new SinkException("Bulk request to index '" + index + "' still failing after " + retry.maxRetries()
                    + " retries (waiting up to " + retry.maxWait().toSeconds() + " s, sink.retry.max-wait-seconds) for "
                    + pending.size() + " of " + actions.size() + " documents: " + lastReason
                    + "; check the cluster's health and disk space", null);
        }
        return new Outcome(outcome, missing);
    }

    /**
     * The {@code _bulk} body of the pending items, encoded once: each action line, then the
     * document's UTF-8 straight into the buffer (no intermediate copy of the whole body as text).
     */
    private byte[] body(List<Item> actions, List<Integer> pending) {
        long estimate = 0;
        for (int i : pending) {
            String source = actions.get(i).source();
            estimate += 96 + index.length() + actions.get(i).id().length() + (source == null ? 0 : source.length() + 1);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE - 16,
                Math.max(64, estimate + estimate / 8)));
        for (int i : pending) {
            Item a = actions.get(i);
            JsonObject meta = new JsonObject();
            meta.addProperty("_index", index);
            meta.addProperty("_id", a.id());
            if (a.op().equals("update")) {
                // A document rewritten by the crawl meanwhile is updated again, not failed.
                meta.addProperty("retry_on_conflict", 3);
            }
            JsonObject line = new JsonObject();
            line.add(a.op(), meta);
            line(out, line.toString());
            if (a.source() != null) {
                line(out, a.source());
            }
        }
        return out.toByteArray();
    }

    private static void line(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        out.write('\n');
    }

    private static Duration waited(Instant failingSince) {
        return failingSince == null ? Duration.ZERO : Duration.between(failingSince, Instant.now());
    }
}
