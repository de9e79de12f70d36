package io.connectorkit.mimecast;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectorkit.api.ConnectorMetrics;
import io.connectorkit.api.ConnectorSession;
import io.connectorkit.api.CrawlMode;
import io.connectorkit.api.Partition;
import io.connectorkit.mimecast.content.MimecastDocuments;
import io.connectorkit.simulator.archive.ArchiveGenerator;
import io.connectorkit.simulator.mimecast.Endpoint;
import io.connectorkit.testkit.contract.RecordingEmitter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several mailboxes of one session at once, and attachments too large for memory. */
class MimecastConcurrencyIT {
    @TempDir
    Path temp;

    @Test
    void mailboxesCrawledAtOnceShareOneTokenAndOneLimiter() throws Exception {
        try (MimecastFixture f = new MimecastFixture(temp, b -> b.quota(20, Duration.ofSeconds(1)))) {
            List<Partition> partitions;
            List<RecordingEmitter> emitters = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try (ConnectorSession s = f.connector.open(f.parse(f.config(MimecastKeys.RETRY_AFTER_MULTIPLIER, "1000")),
                    f.context)) {
                partitions = s.partitions();
                List<Future<?>> done = new ArrayList<>();
                for (Partition p : partitions) {
                    RecordingEmitter e = new RecordingEmitter(p.id());
                    emitters.add(e);
                    done.add(pool.submit(() -> {
                        s.crawl(p, null, CrawlMode.INCREMENTAL, e);
                        return null;
                    }));
                }
                for (Future<?> d : done) {
                    d.get();
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(partitions).hasSize(3);
            for (int i = 0; i < partitions.size(); i++) {
                RecordingEmitter e = emitters.get(i);
                assertThat(e.failures()).isEmpty();
                assertThat(e.ofKind(MimecastDocuments.KIND_EMAIL)).hasSize((int) f.expected(partitions.get(i).id()));
                assertThat(e.partitionCompleteCount()).isEqualTo(1);
            }
            assertThat(f.server.calls(Endpoint.TOKEN)).isEqualTo(1);
            assertThat(f.context.counter(ConnectorMetrics.RATE_LIMIT_WAIT_MILLIS)).isPositive();
        }
    }

    @Test
    void aLargeAttachmentIsStreamedThroughATemporaryFileThatIsRemoved() throws Exception {
        long huge = 6L << 20;
        try (MimecastFixture f = new MimecastFixture(temp, ArchiveGenerator.seed(3).domains(1).localDomains(0)
                .usersPerDomain(1).messagesPerView(2).hugeAttachmentBytes(huge)
                .between(Instant.parse("2023-01-01T00:00:00Z"), Instant.parse("2024-01-01T00:00:00Z")).generate(),
                b -> b)) {
            String mailbox = f.firstMailbox();
            String messageId = f.archive().hugeAttachmentMessageId().orElseThrow();
            RecordingEmitter e = f.crawl(f.config(MimecastKeys.ATTACHMENTS_EXTRACT, "true"), mailbox, null,
                    CrawlMode.INCREMENTAL);
            String emailId = MimecastDocuments.emailId(mailbox, messageId);
            var big = e.ofKind(MimecastDocuments.KIND_ATTACHMENT).stream()
                    .filter(d -> d.parentId().equals(emailId) && d.title().equals("archive-backup.zip"))
                    .findFirst().orElseThrow();
            assertThat(e.contentRead(big.id()).orElseThrow().bytesRead()).isEqualTo(huge);
            assertThat(big.fields().get("sha256")).isEqualTo(e.contentRead(big.id()).orElseThrow().actualSha256());
            try (Stream<Path> left = Files.list(temp)) {
                assertThat(left).isEmpty();
            }
        }
    }
}
