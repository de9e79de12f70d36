package io.connectorkit.runtime.state;

import static java.util.Objects.requireNonNull;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.connectorkit.api.CrawlMode;
import io.connectorkit.api.ErrorKind;
import io.connectorkit.runtime.FailedRemoval;
import io.connectorkit.runtime.index.IndexClient;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The record of a source's last crawl ({@link LastCrawl}) in the state index: one document per
 * source, {@code last-crawl.<base64url of the source id>}, replaced by every crawl. Like the
 * {@link CrawlLease}'s, the document has no {@code connector_id} field, so the state's partition
 * listing (and with it {@code status}'s partitions, {@code reset} and the removal of partitions
 * no longer listed) never sees it; its id cannot be a partition's (those are base64url, without a
 * dot). The state index's mapping is not dynamic: the record is stored, not indexed.
 */
public final class LastCrawlStore {
    private final IndexClient client;
    private final String path;
    private final String stateIndex;

    /**
     * Creates the store.
     *
     * @param client the state store's client (not closed here)
     * @param stateIndex the state index
     * @param connectorId the source
     */
    public LastCrawlStore(IndexClient client, String stateIndex, String connectorId) {
        this.client = requireNonNull(client, "client");
        this.stateIndex = requireNonNull(stateIndex, "stateIndex");
        this.path = SourceDocument.path(stateIndex, "last-crawl", connectorId);
    }

    /**
     * Replaces the record.
     *
     * @param crawl the last crawl
     * @throws StateStoreException if it cannot be written
     */
    public void save(LastCrawl crawl) throws StateStoreException {
        JsonObject o = new JsonObject();
        o.addProperty("started_at", crawl.startedAt().toString());
        o.addProperty("ended_at", crawl.endedAt().toString());
        o.addProperty("mode", crawl.mode().name());
        o.addProperty("outcome", crawl.outcome());
        if (crawl.errorKind() != null) {
            o.addProperty("error_kind", crawl.errorKind().name());
        }
        if (crawl.message() != null) {
            o.addProperty("message", crawl.message());
        }
        o.addProperty("partitions_total", crawl.partitionsTotal());
        o.addProperty("partitions_crawled", crawl.partitionsCrawled());
        o.addProperty("partitions_failed", crawl.partitionsFailed());
        o.addProperty("documents_indexed", crawl.documentsIndexed());
        o.addProperty("deletions", crawl.deletions());
        o.addProperty("item_failures", crawl.itemFailures());
        JsonObject metrics = new JsonObject();
        crawl.sortedMetrics().forEach(metrics::addProperty);
        o.add("metrics", metrics);
        if (!crawl.failedRemovals().isEmpty()) {
            JsonArray failed = new JsonArray();
            for (FailedRemoval f : crawl.failedRemovals()) {
                JsonObject one = new JsonObject();
                one.addProperty("partition", f.partition());
                one.addProperty("reason", f.reason());
                failed.add(one);
            }
            o.add("failed_removals", failed);
        }
        JsonObject doc = new JsonObject();
        doc.add("last_crawl", o);
        try {
            IndexClient.Reply r = client.json("PUT", path, Map.of(), doc.toString());
            if (!r.ok()) {
                throw new StateStoreException("Cannot write the record of the last crawl to the state index '"
                        + stateIndex + "': HTTP " + r.status(), null);
            }
        } catch (IOException e) {
            throw new StateStoreException("Cannot write the record of the last crawl to the state index '"
                    + stateIndex + "': " + e.getMessage(), e);
        }
    }

    /**
     * Reads the record.
     *
     * @return the last crawl, or empty when none is recorded (state written before crawls were)
     * @throws StateStoreException if the state index cannot be read
     */
    public Optional<LastCrawl> read() throws StateStoreException {
        try {
            IndexClient.Reply r = client.json("GET", path, Map.of(), null);
            if (r.status() == 404) {
                return Optional.empty();
            }
            if (!r.ok()) {
                throw new StateStoreException("Cannot read the record of the last crawl from the state index '"
                        + stateIndex + "': HTTP " + r.status(), null);
            }
            JsonObject source = r.body().getAsJsonObject("_source");
            if (source == null || !source.has("last_crawl") || !source.get("last_crawl").isJsonObject()) {
                return Optional.empty();
            }
            return Optional.of(parse(source.getAsJsonObject("last_crawl")));
        } catch (IOException e) {
            throw new StateStoreException("Cannot read the record of the last crawl from the state index '"
                    + stateIndex + "': " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new StateStoreException("The record of the last crawl in the state index '" + stateIndex
                    + "' cannot be read (" + e + "); the next crawl replaces it", e);
        }
    }

    private static LastCrawl parse(JsonObject o) {
        Map<String, Long> metrics = new LinkedHashMap<>();
        if (o.has("metrics") && o.get("metrics").isJsonObject()) {
            for (Map.Entry<String, JsonElement> e : o.getAsJsonObject("metrics").entrySet()) {
                metrics.put(e.getKey(), e.getValue().getAsLong());
            }
        }
        // Absent in records written before removals could fail visibly.
        List<FailedRemoval> failedRemovals = new ArrayList<>();
        if (o.has("failed_removals") && o.get("failed_removals").isJsonArray()) {
            for (JsonElement e : o.getAsJsonArray("failed_removals")) {
                JsonObject one = e.getAsJsonObject();
                failedRemovals.add(new FailedRemoval(one.get("partition").getAsString(),
                        one.get("reason").getAsString()));
            }
        }
        return new LastCrawl(Instant.parse(o.get("started_at").getAsString()),
                Instant.parse(o.get("ended_at").getAsString()), CrawlMode.valueOf(o.get("mode").getAsString()),
                o.get("outcome").getAsString(),
                o.has("error_kind") ? ErrorKind.valueOf(o.get("error_kind").getAsString()) : null,
                o.has("message") ? o.get("message").getAsString() : null, o.get("partitions_total").getAsInt(),
                o.get("partitions_crawled").getAsInt(), o.get("partitions_failed").getAsInt(),
                o.get("documents_indexed").getAsLong(), o.get("deletions").getAsLong(),
                o.get("item_failures").getAsLong(), metrics, failedRemovals);
    }
}
