package io.connectorkit.mimecast;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectorkit.api.Checkpoint;
import io.connectorkit.api.ConnectorSession;
import io.connectorkit.api.CrawlMode;
import io.connectorkit.api.Document;
import io.connectorkit.api.Partition;
import io.connectorkit.testkit.contract.CrawlDriver;
import io.connectorkit.testkit.contract.Emission;
import io.connectorkit.testkit.contract.RecordingContext;
import io.connectorkit.testkit.contract.RecordingEmitter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resuming and re-crawling with {@code Emitter.unchanged} in play, beyond the contract suite: a
 * crawl resumed with a context that knows nothing upserts every document it must deliver, and
 * {@code unchanged} keeps a document and its children.
 */
class MimecastResumeIT {
    @TempDir
    Path temp;

    private RecordingContext context() throws Exception {
        return new RecordingContext("resume-test", Clock.systemUTC(), Files.createTempDirectory(temp, "ctx-"));
    }

    private static Set<String> upserted(RecordingEmitter e) {
        return new LinkedHashSet<>(e.upsertedIds());
    }

    @Test
    void resumingFromEveryCheckpointLosesNothingAndRepeatsNothing() throws Exception {
        try (MimecastFixture f = new MimecastFixture(temp, b -> b);
                RecordingContext first = context()) {
            Map<String, String> config = f.config(MimecastKeys.PAGE_SIZE, "5", MimecastKeys.ATTACHMENTS_EXTRACT, "true");
            Partition partition = Partition.of(f.firstMailbox());
            RecordingEmitter all;
            try (ConnectorSession s = f.connector.open(f.parse(config), first)) {
                all = new CrawlDriver(s, first).crawl(partition, null,
                        CrawlMode.INCREMENTAL);
            }
            Set<String> expected = upserted(all);
            assertThat(all.checkpoints()).hasSizeGreaterThan(3);
            List<String> problems = new ArrayList<>();
            for (int i = 0; i < all.checkpoints().size(); i++) {
                Checkpoint cp = all.checkpoints().get(i);
                Set<String> covered = new LinkedHashSet<>(all.upsertedIdsBefore(i));
                try (RecordingContext fresh = context();
                        ConnectorSession s = f.connector.open(f.parse(config), fresh)) {
                    RecordingEmitter resumed = new CrawlDriver(s, fresh)
                            .crawl(partition, cp, CrawlMode.INCREMENTAL);
                    Set<String> union = new HashSet<>(covered);
                    union.addAll(resumed.upsertedIds());
                    Set<String> overlap = upserted(resumed);
                    overlap.retainAll(covered);
                    if (!union.equals(expected) || !overlap.isEmpty()
                            || resumed.upsertedIds().size() != upserted(resumed).size()) {
                        problems.add("checkpoint " + i + ": missing " + minus(expected, union) + ", foreign "
                                + minus(union, expected) + ", repeated " + overlap);
                    }
                }
            }
            assertThat(problems).isEmpty();
        }
    }

    @Test
    void aSecondFullCrawlShowsEveryDocumentAgainThroughUpsertsUnchangedAndTheirChildren() throws Exception {
        try (MimecastFixture f = new MimecastFixture(temp, b -> b); RecordingContext context = context()) {
            Map<String, String> config = f.config(MimecastKeys.ATTACHMENTS_EXTRACT, "true");
            Partition partition = Partition.of(f.firstMailbox());
            try (ConnectorSession s = f.connector.open(f.parse(config), context)) {
                CrawlDriver driver = new CrawlDriver(s, context);
                RecordingEmitter first = driver.crawl(partition, null, CrawlMode.FULL);
                RecordingEmitter second = driver.crawl(partition, null, CrawlMode.FULL);
                Map<String, String> versions = new HashMap<>();
                Map<String, List<String>> children = new HashMap<>();
                for (Document d : first.upserts()) {
                    versions.put(d.id(), d.version());
                    if (d.parentId() != null) {
                        children.computeIfAbsent(d.parentId(), k -> new ArrayList<>()).add(d.id());
                    }
                }
                assertThat(children).as("attachments in the first crawl").isNotEmpty();
                Set<String> shown = new HashSet<>(second.upsertedIds());
                for (String id : second.unchangedIds()) {
                    shown.add(id);
                    shown.addAll(children.getOrDefault(id, List.of()));
                }
                assertThat(shown).isEqualTo(versions.keySet());
                assertThat(second.unchangedIds()).as("nothing re-sent when nothing changed").isNotEmpty()
                        .doesNotHaveDuplicates();
                assertThat(second.emissions()).filteredOn(e -> e.type() == Emission.Type.UNCHANGED)
                        .allSatisfy(e -> assertThat(e.version()).isEqualTo(versions.get(e.documentId())));
                assertThat(second.partitionCompleteCount()).isEqualTo(1);
            }
        }
    }

    private static Set<String> minus(Set<String> a, Set<String> b) {
        Set<String> out = new LinkedHashSet<>(a);
        out.removeAll(b);
        return out;
    }
}
