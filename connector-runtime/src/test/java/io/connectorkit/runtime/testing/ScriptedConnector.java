package io.connectorkit.runtime.testing;

import io.connectorkit.api.Capability;
import io.connectorkit.api.Checkpoint;
import io.connectorkit.api.ConnectorContext;
import io.connectorkit.api.ConnectorException;
import io.connectorkit.api.ConnectorSession;
import io.connectorkit.api.ContentSource;
import io.connectorkit.api.CrawlMode;
import io.connectorkit.api.Document;
import io.connectorkit.api.Emitter;
import io.connectorkit.api.ErrorKind;
import io.connectorkit.api.ItemFailure;
import io.connectorkit.api.Partition;
import io.connectorkit.api.SourceConnector;
import io.connectorkit.api.check.CheckReport;
import io.connectorkit.api.check.CheckResult;
import io.connectorkit.api.config.ConfigKey;
import io.connectorkit.api.config.ConfigSpec;
import io.connectorkit.api.config.ConfigType;
import io.connectorkit.api.config.SourceConfig;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A connector for tests whose source is described entirely by its configuration: partitions,
 * documents per partition, and faults. Document {@code i} of partition {@code p} has id
 * {@code p-i}; every tenth document has a child {@code p-i/att}; the checkpoint is the index of
 * the next document.
 */
public final class ScriptedConnector implements SourceConnector {
    static final ConfigSpec SPEC = ConfigSpec.of(
            ConfigKey.of("test.partitions", ConfigType.STRING).defaultValue("a").description("Partition ids, comma-separated."),
            ConfigKey.of("test.documents", ConfigType.INTEGER).defaultValue("10").range(0, 1_000_000)
                    .description("Documents per partition."),
            ConfigKey.of("test.checkpoint-every", ConfigType.INTEGER).defaultValue("10").range(1, 1_000_000)
                    .description("Documents per page (one checkpoint per page)."),
            ConfigKey.of("test.skip", ConfigType.STRING).defaultValue("").description("Document ids not emitted."),
            ConfigKey.of("test.delete", ConfigType.STRING).defaultValue("").description("Document ids emitted as deletes."),
            ConfigKey.of("test.stop-after", ConfigType.INTEGER).defaultValue("0").range(0, 1_000_000)
                    .description("Fail the partition (PERMANENT) after this many documents; 0 never."),
            ConfigKey.of("test.careless", ConfigType.BOOLEAN).defaultValue("false")
                    .description("A careless connector: test.stop-after ends the listing quietly and still declares"
                            + " it complete."),
            ConfigKey.of("test.listing-failures", ConfigType.INTEGER).defaultValue("0").range(0, 100)
                    .description("Calls of partitions() that fail (TRANSIENT) before one succeeds, per session."),
            ConfigKey.of("test.incomplete", ConfigType.BOOLEAN).defaultValue("false")
                    .description("Never declare a listing complete."),
            ConfigKey.of("test.fail-listing", ConfigType.BOOLEAN).defaultValue("false")
                    .description("partitions() fails."),
            ConfigKey.of("test.fatal-partition", ConfigType.STRING).defaultValue("")
                    .description("This partition fails with AUTHENTICATION."),
            ConfigKey.of("test.bad-date", ConfigType.STRING).defaultValue("")
                    .description("This document's 'received' field is not a date."),
            ConfigKey.of("test.skip-known", ConfigType.BOOLEAN).defaultValue("false")
                    .description("Declare documents the index holds at the same version unchanged instead of upserting them."),
            ConfigKey.of("test.version", ConfigType.STRING).defaultValue("v1").description("Version prefix."),
            ConfigKey.of("test.transient-failures", ConfigType.INTEGER).defaultValue("0").range(0, 100)
                    .description("Crawls of each partition that fail (TRANSIENT) after 15 documents, per session."),
            ConfigKey.of("test.fail-items", ConfigType.STRING).defaultValue("")
                    .description("Document ids that fail (TRANSIENT) whenever crawled or fetched again; their source"
                            + " reference is the id."),
            ConfigKey.of("test.refetch", ConfigType.BOOLEAN).defaultValue("true")
                    .description("Fetch failed items again by their reference; false: the session cannot."),
            ConfigKey.of("test.secret", ConfigType.STRING).defaultValue("").secret().description("A secret."));

    @Override
    public String type() {
        return "scripted";
    }

    @Override
    public ConfigSpec configSpec() {
        return SPEC;
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.INCREMENTAL, Capability.DELETIONS, Capability.ACLS, Capability.ATTACHMENTS,
                Capability.BINARY_CONTENT);
    }

    @Override
    public CheckReport check(SourceConfig config, ConnectorContext context) {
        return new CheckReport(List.of(CheckResult.ok("script", "nothing to check")));
    }

    @Override
    public ConnectorSession open(SourceConfig config, ConnectorContext context) {
        return new Session(config, context);
    }

    @Override
    public Optional<Checkpoint> rewind(Checkpoint current, Instant to) {
        return Optional.of(new Checkpoint("0"));
    }

    @Override
    public String describe(Checkpoint checkpoint) {
        return "next document " + checkpoint.value();
    }

    private static final class Session implements ConnectorSession {
        private final SourceConfig config;
        private final ConnectorContext context;
        private final java.util.Map<String, java.util.concurrent.atomic.AtomicInteger> transientLeft =
                new java.util.concurrent.ConcurrentHashMap<>();
        private int listings;

        Session(SourceConfig config, ConnectorContext context) {
            this.config = config;
            this.context = context;
        }

        @Override
        public List<Partition> partitions() throws ConnectorException {
            context.metrics().add("listings", 1);
            if (config.getBoolean("test.fail-listing")) {
                throw new ConnectorException(ErrorKind.TRANSIENT, "listing failed on purpose");
            }
            if (++listings <= config.getInt("test.listing-failures")) {
                throw new ConnectorException(ErrorKind.TRANSIENT, "listing failed on purpose, call " + listings);
            }
            return list("test.partitions").stream().map(Partition::of).toList();
        }

        @Override
        public void crawl(Partition partition, Checkpoint checkpoint, CrawlMode mode, Emitter emitter)
                throws ConnectorException {
            String p = partition.id();
            if (p.equals(config.getString("test.fatal-partition"))) {
                throw new ConnectorException(ErrorKind.AUTHENTICATION, "credentials rejected on purpose");
            }
            int total = config.getInt("test.documents");
            int page = config.getInt("test.checkpoint-every");
            int stopAfter = config.getInt("test.stop-after");
            List<String> skip = list("test.skip");
            List<String> delete = list("test.delete");
            int start = mode == CrawlMode.FULL || checkpoint == null ? 0 : Integer.parseInt(checkpoint.value());
            int emitted = 0;
            for (int from = start; from < total; from += page) {
                int to = Math.min(total, from + page);
                List<String> ids = new ArrayList<>();
                for (int i = from; i < to; i++) {
                    ids.add(p + "-" + i);
                }
                Map<String, String> known = context.knownDocuments().versions(ids);
                context.metrics().add("known", known.size());
                for (int i = from; i < to; i++) {
                    if (context.cancelled()) {
                        emitter.checkpoint(new Checkpoint(Integer.toString(i)));
                        return;
                    }
                    String id = p + "-" + i;
                    if (delete.contains(id)) {
                        emitter.delete(id);
                        continue;
                    }
                    if (skip.contains(id)) {
                        continue;
                    }
                    if (list("test.fail-items").contains(id)) {
                        emitter.failure(failure(id));
                        continue;
                    }
                    Document document = document(p, i, id);
                    if (config.getBoolean("test.skip-known") && document.version().equals(known.get(id))) {
                        emitter.unchanged(id);
                        emitted++;
                        continue;
                    }
                    emitter.upsert(document);
                    context.metrics().add("emitted", 1);
                    if (i % 10 == 0) {
                        emitter.upsert(Document.builder(id + "/att", "attachment").parentId(id).title("att " + i)
                                .acl(List.of("owner-" + p + "@example.com")).version("a1").build());
                    }
                    emitted++;
                    if (emitted == 15 && transientLeft.computeIfAbsent(p, k -> new java.util.concurrent.atomic.AtomicInteger(
                            config.getInt("test.transient-failures"))).getAndDecrement() > 0) {
                        throw new ConnectorException(ErrorKind.TRANSIENT, "connection dropped on purpose");
                    }
                    if (stopAfter > 0 && emitted >= stopAfter) {
                        if (config.getBoolean("test.careless")) {
                            // The source failed mid-listing; this connector swallows it.
                            emitter.partitionComplete();
                            return;
                        }
                        throw new ConnectorException(ErrorKind.PERMANENT, "stopped on purpose after " + emitted);
                    }
                }
                emitter.checkpoint(new Checkpoint(Integer.toString(to)));
            }
            if (!config.getBoolean("test.incomplete")) {
                emitter.partitionComplete();
            }
        }

        @Override
        public boolean refetch(Partition partition, List<String> sourceRefs, Emitter emitter) {
            if (!config.getBoolean("test.refetch")) {
                return false;
            }
            String p = partition.id();
            for (String id : sourceRefs) {
                context.metrics().add("refetched", 1);
                if (list("test.fail-items").contains(id)) {
                    emitter.failure(failure(id));
                } else if (list("test.delete").contains(id)) {
                    emitter.delete(id);
                } else if (!list("test.skip").contains(id)) {
                    emitter.upsert(document(p, Integer.parseInt(id.substring(p.length() + 1)), id));
                }
            }
            return true;
        }

        private static ItemFailure failure(String id) {
            return ItemFailure.of(id, ErrorKind.TRANSIENT, "Document " + id + " could not be read on purpose")
                    .withSourceRef(id);
        }

        private Document document(String p, int i, String id) {
            Document.Builder b = Document.builder(id, "email")
                    .title("Document " + i + " of " + p)
                    .content("alpha bravo charlie " + (i % 2 == 0 ? "even" : "odd"))
                    .field("received", id.equals(config.getString("test.bad-date"))
                            ? "not a date at all" : Instant.parse("2024-01-01T00:00:00Z").plusSeconds(i))
                    .field("number", (long) i)
                    .field("tags", List.of("t" + (i % 3)))
                    .acl(List.of("owner-" + p + "@example.com", "shared@example.com"))
                    .version(config.getString("test.version") + "-" + i);
            if (i == 1) {
                b.binary(new Text("attached text says zulu " + p));
            }
            return b.build();
        }

        private List<String> list(String key) {
            String v = config.getString(key);
            return v.isBlank() ? List.of() : Arrays.stream(v.split(",")).map(String::trim).toList();
        }

        @Override
        public void close() {
        }
    }

    private record Text(String text) implements ContentSource {
        @Override
        public InputStream open() {
            return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public long length() {
            return text.getBytes(StandardCharsets.UTF_8).length;
        }

        @Override
        public Optional<String> mediaType() {
            return Optional.of("text/plain");
        }
    }
}
