package io.connectorkit.testkit.contract;

import io.connectorkit.api.Checkpoint;
import io.connectorkit.api.Document;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a crawl of several partitions recorded: one {@link RecordingEmitter} per partition, in
 * the order the partitions were listed.
 *
 * @param partitions partition id to the emitter its crawl wrote to
 */
public record CrawlResult(Map<String, RecordingEmitter> partitions) {
    /** Copies the map, keeping its order. */
    public CrawlResult {
        partitions = Collections.unmodifiableMap(new LinkedHashMap<>(partitions));
    }

    /**
     * The recording of one partition.
     *
     * @param partitionId the partition id
     * @return its emitter
     * @throws IllegalArgumentException if the partition was not crawled
     */
    public RecordingEmitter partition(String partitionId) {
        RecordingEmitter emitter = partitions.get(partitionId);
        if (emitter == null) {
            throw new IllegalArgumentException("Partition '" + partitionId + "' was not crawled; crawled: "
                    + partitions.keySet());
        }
        return emitter;
    }

    /** @return every upserted id across partitions, in order, repeats included */
    public List<String> upsertedIds() {
        return partitions.values().stream().flatMap(e -> e.upsertedIds().stream()).toList();
    }

    /** @return the distinct upserted ids */
    public Set<String> distinctIds() {
        return new LinkedHashSet<>(upsertedIds());
    }

    /** @return the ids upserted more than once, within or across partitions */
    public Set<String> duplicateIds() {
        Set<String> seen = new HashSet<>();
        Set<String> duplicates = new LinkedHashSet<>();
        for (String id : upsertedIds()) {
            if (!seen.add(id)) {
                duplicates.add(id);
            }
        }
        return duplicates;
    }

    /** @return every upserted id mapped to the version of its last upsert */
    public Map<String, String> versions() {
        Map<String, String> out = new LinkedHashMap<>();
        for (RecordingEmitter emitter : partitions.values()) {
            for (Document d : emitter.upserts()) {
                out.put(d.id(), d.version());
            }
        }
        return out;
    }

    /** @return the distinct ids of each partition, by partition id */
    public Map<String, Set<String>> idsByPartition() {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        partitions.forEach((id, emitter) -> out.put(id, new LinkedHashSet<>(emitter.upsertedIds())));
        return out;
    }

    /** @return the last checkpoint of each partition that emitted one, by partition id */
    public Map<String, Checkpoint> lastCheckpoints() {
        Map<String, Checkpoint> out = new LinkedHashMap<>();
        partitions.forEach((id, emitter) -> {
            Checkpoint last = emitter.lastCheckpoint();
            if (last != null) {
                out.put(id, last);
            }
        });
        return out;
    }
}
