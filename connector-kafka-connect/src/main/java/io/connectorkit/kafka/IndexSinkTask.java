package io.connectorkit.kafka;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.connectorkit.api.config.InvalidConfigException;
import io.connectorkit.runtime.config.RuntimeConfig;
import io.connectorkit.runtime.config.ShareLimit;
import io.connectorkit.runtime.index.DocumentReader;
import io.connectorkit.runtime.index.DocumentSink;
import io.connectorkit.runtime.index.IndexClient;
import io.connectorkit.runtime.index.RetryPolicy;
import io.connectorkit.runtime.index.SinkAction;
import io.connectorkit.runtime.index.SinkException;
import io.connectorkit.runtime.index.SweepCount;
import io.connectorkit.runtime.index.documents.ContentIndex;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a batch of records into the content index. Documents go in bulk requests of at most
 * {@code sink.bulk.max-docs} and {@code sink.bulk.max-bytes}; a document the index refuses for good
 * goes to Connect's errant-record reporter (the dead-letter queue) while the rest land; an index
 * that stays unavailable after {@code sink.retry.max-wait-seconds} makes the batch retriable, so
 * Connect hands it over again. Every write of a batch is acknowledged before {@link #put} returns,
 * and {@link #preCommit} commits only offsets of records so written.
 */
public final class IndexSinkTask extends SinkTask {
    private static final Logger LOG = LoggerFactory.getLogger(IndexSinkTask.class);
    private static final Gson GSON = new Gson();

    private RuntimeConfig config;
    private IndexClient client;
    private DocumentSink sink;
    private DocumentReader reader;
    private ErrantRecordReporter reporter;
    private final Map<TopicPartition, OffsetAndMetadata> acknowledged = new HashMap<>();

    /** Creates the task; Connect calls it. */
    public IndexSinkTask() {
    }

    @Override
    public String version() {
        return Version.VERSION;
    }

    @Override
    public void start(Map<String, String> props) {
        try {
            config = SinkSettings.parse(props);
        } catch (InvalidConfigException e) {
            throw new ConnectException("Invalid configuration: " + e.getMessage());
        }
        client = new IndexClient(config.sink().urls(), config.sink(),
                RetryPolicy.standard().withMaxWait(config.sink().retryMaxWait()));
        ContentIndex content = new ContentIndex(client, config.sink().index(), config.connectorId());
        try {
            content.start(1);
        } catch (SinkException e) {
            client.close();
            throw new RetriableException("Cannot prepare index '" + config.sink().index() + "': " + e.getMessage(), e);
        }
        sink = content.sink();
        reader = content.reader();
        try {
            reporter = context.errantRecordReporter();
        } catch (NoSuchMethodError | NoClassDefFoundError e) {
            reporter = null;
        }
        LOG.info("Sink of source '{}' into index '{}' on {}", config.connectorId(), config.sink().index(),
                client.description());
    }

    /** One document write and the record it came from. */
    private record Pending(SinkAction action, SinkRecord record) {
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        List<Pending> batch = new ArrayList<>();
        long bytes = 0;
        try {
            for (SinkRecord record : records) {
                JsonObject value = value(record);
                if (value == null) {
                    continue;
                }
                String op = value.get(Records.OP).getAsString();
                String partition = value.get("partition").getAsString();
                if (Records.UPSERT.equals(op) || Records.DELETE.equals(op)) {
                    String id = value.get("id").getAsString();
                    SinkAction action = Records.UPSERT.equals(op)
                            ? SinkAction.upsert(id, partition, GSON.toJson(value.get("document")))
                            : SinkAction.delete(id, partition);
                    if (!batch.isEmpty() && (batch.size() >= config.sink().bulkMaxDocs()
                            || bytes + action.bytes() > config.sink().bulkMaxBytes())) {
                        flush(batch);
                        bytes = 0;
                    }
                    batch.add(new Pending(action, record));
                    bytes += action.bytes();
                    continue;
                }
                // What follows acts on what came before it in the partition: write that first.
                flush(batch);
                bytes = 0;
                switch (op) {
                    case Records.KEEP -> sink.stampUnchanged(partition, value.get("generation").getAsLong(),
                            strings(value, "ids"));
                    case Records.COMPLETE -> complete(partition, value);
                    case Records.PARTITIONS -> removeVanished(strings(value, "partitions"));
                    default -> {
                        // A checkpoint record only carries the source's offset.
                    }
                }
                acknowledge(record);
            }
            flush(batch);
        } catch (SinkException e) {
            // Connect hands the same records over again; the writes are idempotent.
            throw new RetriableException("Index '" + config.sink().index() + "' did not take the batch: "
                    + e.getMessage(), e);
        }
    }

    private JsonObject value(SinkRecord record) {
        Object v = record.value();
        if (v == null) {
            acknowledge(record);
            return null;
        }
        try {
            JsonObject o = Records.parse(v.toString());
            if (!o.has(Records.OP) || !o.has("partition")) {
                throw new IllegalArgumentException("no op or partition");
            }
            return o;
        } catch (RuntimeException e) {
            refuse(record, "is not a record of a connectorkit source (" + e.getMessage() + ")");
            acknowledge(record);
            return null;
        }
    }

    private void flush(List<Pending> batch) throws SinkException {
        if (batch.isEmpty()) {
            return;
        }
        List<SinkAction> actions = batch.stream().map(Pending::action).toList();
        List<String> errors = sink.write(actions);
        List<String> deleted = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Pending p = batch.get(i);
            if (errors.get(i) != null) {
                refuse(p.record(), "document '" + p.action().id() + "' of partition '" + p.action().partition()
                        + "' was refused by index '" + config.sink().index() + "': " + errors.get(i));
            } else if (p.action().isDelete()) {
                deleted.add(p.action().id());
            }
        }
        if (!deleted.isEmpty()) {
            sink.deleteChildren(deleted);
        }
        batch.forEach(p -> acknowledge(p.record()));
        batch.clear();
    }

    /** Hands a record the index refused for good to the dead-letter queue; without one the task fails. */
    private void refuse(SinkRecord record, String reason) {
        String where = "Record at " + record.topic() + "-" + record.kafkaPartition() + "@" + record.kafkaOffset() + " ";
        if (reporter == null) {
            throw new ConnectException(where + reason + "; set errors.tolerance=all and"
                    + " errors.deadletterqueue.topic.name to send such records to a dead-letter queue");
        }
        LOG.warn("{}{}; sent to the dead-letter queue", where, reason);
        reporter.report(record, new DataException(reason));
    }

    private void acknowledge(SinkRecord record) {
        acknowledged.put(new TopicPartition(record.originalTopic(), record.originalKafkaPartition()),
                new OffsetAndMetadata(record.originalKafkaOffset() + 1));
    }

    /** The sweep after a complete FULL listing of a partition, held by {@code crawl.sweep.max-share}. */
    private void complete(String partition, JsonObject value) throws SinkException {
        boolean full = "FULL".equals(value.get("mode").getAsString());
        if (!full || !value.get("listed").getAsBoolean()) {
            return;
        }
        long generation = value.get("generation").getAsLong();
        Set<String> spared = new LinkedHashSet<>(strings(value, "spared"));
        SweepCount count = sink.countSweep(partition, generation, spared);
        if (count.swept() == 0) {
            return;
        }
        ShareLimit limit = config.crawl().sweepLimit();
        if (limit.refuses(count.swept(), count.documents())) {
            LOG.warn("Sweep of partition '{}' of source '{}' held: it would delete {} of {} documents ({}) not seen"
                    + " again by the FULL crawl, more than {} allows; nothing was deleted there", partition,
                    config.connectorId(), count.swept(), count.documents(),
                    ShareLimit.percent(count.swept(), count.documents()), limit.setting());
            return;
        }
        if (config.crawl().deletionsDryRun()) {
            LOG.info("Dry run: the sweep of partition '{}' would delete {} documents", partition, count.swept());
            return;
        }
        long deleted = sink.sweep(partition, generation, spared);
        LOG.info("Sweep of partition '{}' of source '{}': {} documents not seen again deleted", partition,
                config.connectorId(), deleted);
    }

    /**
     * Removes the partitions the index holds that a complete listing no longer returns, unless
     * more than {@code crawl.deletions.max-share} of them would go.
     */
    private void removeVanished(List<String> listed) throws SinkException {
        reader.refresh();
        Set<String> known = new TreeSet<>(reader.countByPartition().keySet());
        Set<String> vanished = new TreeSet<>(known);
        vanished.removeAll(listed);
        if (vanished.isEmpty()) {
            return;
        }
        ShareLimit limit = config.crawl().deletionLimit();
        if (limit.refuses(vanished.size(), known.size())) {
            LOG.warn("Removal of {} of {} partitions of source '{}' no longer listed ({}) refused: more than {}"
                    + " allows; nothing was removed", vanished.size(), known.size(), config.connectorId(), vanished,
                    limit.setting());
            return;
        }
        for (String partition : vanished) {
            if (config.crawl().deletionsDryRun()) {
                LOG.info("Dry run: partition '{}' is no longer listed and would be removed", partition);
                continue;
            }
            long deleted = sink.deletePartition(partition);
            LOG.info("Partition '{}' of source '{}' is no longer listed: {} documents removed", partition,
                    config.connectorId(), deleted);
        }
    }

    private static List<String> strings(JsonObject o, String name) {
        List<String> out = new ArrayList<>();
        if (o.has(name)) {
            for (JsonElement e : o.getAsJsonArray(name)) {
                out.add(e.getAsString());
            }
        }
        return out;
    }

    @Override
    public Map<TopicPartition, OffsetAndMetadata> preCommit(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        Map<TopicPartition, OffsetAndMetadata> out = new HashMap<>();
        for (TopicPartition tp : currentOffsets.keySet()) {
            OffsetAndMetadata ack = acknowledged.get(tp);
            if (ack != null) {
                out.put(tp, ack);
            }
        }
        return out;
    }

    @Override
    public void stop() {
        if (client != null) {
            client.close();
        }
    }
}
