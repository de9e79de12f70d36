package io.connectorkit.runtime.testing;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.connectorkit.runtime.SearchResults;
import io.connectorkit.runtime.index.DocumentReader;
import io.connectorkit.runtime.index.DocumentSink;
import io.connectorkit.runtime.index.SinkAction;
import io.connectorkit.runtime.index.SinkException;
import io.connectorkit.runtime.index.SweepCount;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A content index in memory, for pipeline tests, written and read through both ports; {@link #failWrites} makes every write fail and
 * {@link #refuse} makes it reject one document.
 */
public final class InMemorySink implements DocumentSink, DocumentReader {
    private final Map<String, JsonObject> documents = new ConcurrentHashMap<>();
    private final List<List<String>> requests = new CopyOnWriteArrayList<>();
    private final Set<String> refused = ConcurrentHashMap.newKeySet();
    private final AtomicInteger writeCalls = new AtomicInteger();
    private final AtomicInteger stampUnchangedCalls = new AtomicInteger();
    private volatile boolean failWrites;

    public void failWrites(boolean value) {
        failWrites = value;
    }

    /** Makes every later write of this document id come back rejected, as a mapping error does. */
    public void refuse(String id) {
        refused.add(id);
    }

    /** @return the ids of each {@link #write} call that did not fail, in order */
    public List<List<String>> requests() {
        return List.copyOf(requests);
    }

    /** @return a stored document, or null */
    public JsonObject document(String id) {
        return documents.get(id);
    }

    /** @return how many times {@link #write} was called */
    public int writeCalls() {
        return writeCalls.get();
    }

    /** @return how many times {@link #stampUnchanged} was called */
    public int stampUnchangedCalls() {
        return stampUnchangedCalls.get();
    }

    public Set<String> ids() {
        return Set.copyOf(documents.keySet());
    }

    @Override
    public synchronized List<String> write(List<SinkAction> actions) throws SinkException {
        writeCalls.incrementAndGet();
        if (failWrites) {
            throw new SinkException("index unavailable (test)", null);
        }
        List<String> out = new ArrayList<>();
        requests.add(actions.stream().map(SinkAction::id).toList());
        for (SinkAction a : actions) {
            if (refused.contains(a.id())) {
                out.add("rejected: mapper_parsing_exception (test)");
                continue;
            }
            if (a.isDelete()) {
                documents.remove(a.id());
            } else {
                documents.put(a.id(), JsonParser.parseString(a.source()).getAsJsonObject());
            }
            out.add(null);
        }
        return out;
    }

    @Override
    public synchronized void stampUnchanged(String partition, long generation, Collection<String> ids) {
        stampUnchangedCalls.incrementAndGet();
        documents.values().stream()
                .filter(d -> d.get("partition").getAsString().equals(partition))
                .filter(d -> ids.contains(d.get("id").getAsString())
                        || (d.has("parent_id") && ids.contains(d.get("parent_id").getAsString())))
                .forEach(d -> d.addProperty("generation", generation));
    }

    @Override
    public long deleteChildren(Collection<String> parentIds) {
        return removeIf(d -> d.has("parent_id") && parentIds.contains(d.get("parent_id").getAsString()));
    }

    @Override
    public long sweep(String partition, long generation, Set<String> spared) {
        return removeIf(swept(partition, generation, spared));
    }

    @Override
    public synchronized SweepCount countSweep(String partition, long generation, Set<String> spared) {
        return new SweepCount(documents.values().stream().filter(swept(partition, generation, spared)).count(),
                documents.values().stream().filter(d -> d.get("partition").getAsString().equals(partition)).count());
    }

    private static Predicate<JsonObject> swept(String partition, long generation, Set<String> spared) {
        return d -> d.get("partition").getAsString().equals(partition)
                && d.get("generation").getAsLong() < generation && !spared.contains(d.get("id").getAsString())
                && !(d.has("parent_id") && spared.contains(d.get("parent_id").getAsString()));
    }

    @Override
    public long deletePartition(String partition) {
        return removeIf(d -> d.get("partition").getAsString().equals(partition));
    }

    private synchronized long removeIf(Predicate<JsonObject> test) {
        List<String> gone = documents.entrySet().stream().filter(e -> test.test(e.getValue())).map(Map.Entry::getKey).toList();
        gone.forEach(documents::remove);
        return gone.size();
    }

    @Override
    public Map<String, String> versions(Collection<String> ids) {
        Map<String, String> out = new TreeMap<>();
        ids.forEach(id -> {
            JsonObject d = documents.get(id);
            if (d != null && !(d.has("children_incomplete") && d.get("children_incomplete").getAsBoolean())) {
                out.put(id, d.get("version").getAsString());
            }
        });
        return out;
    }

    @Override
    public Map<String, Long> countByPartition() {
        Map<String, Long> out = new TreeMap<>();
        documents.values().forEach(d -> out.merge(d.get("partition").getAsString(), 1L, Long::sum));
        return out;
    }

    @Override
    public SearchResults search(String query, Optional<String> principal, int size) {
        throw new UnsupportedOperationException("not needed by pipeline tests");
    }

    @Override
    public void refresh() {
    }

    @Override
    public String indexName() {
        return "memory";
    }
}
