package io.connectorkit.mimecast;

import static io.connectorkit.mimecast.IndexedMimecast.all;
import static io.connectorkit.mimecast.IndexedMimecast.ofKind;
import static org.assertj.core.api.Assertions.assertThat;

import io.connectorkit.embedded.testing.NodeOutage;
import io.connectorkit.mimecast.content.MimecastDocuments;
import io.connectorkit.runtime.CancellationSignal;
import io.connectorkit.runtime.CrawlReport;
import io.connectorkit.runtime.Host;
import io.connectorkit.runtime.ProgressListener;
import io.connectorkit.runtime.SearchHit;
import io.connectorkit.simulator.archive.Archive;
import io.connectorkit.simulator.archive.ArchiveGenerator;
import io.connectorkit.simulator.mimecast.Endpoint;
import io.connectorkit.simulator.mimecast.faults.Fault;
import io.connectorkit.simulator.mimecast.faults.FaultRule;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The index goes away for half a minute in the middle of a crawl and comes back at the same
 * address with the same data: the crawl waits for it and ends with exactly the archive.
 */
class MimecastIndexOutageIT extends EndToEndTest {
    private static final Duration OUTAGE = Duration.ofSeconds(30);

    @Test
    void aCrawlWaitsOutAnIndexOutageAndEndsWithEveryDocumentOnce(NodeOutage outage) throws Exception {
        Archive archive = ArchiveGenerator.seed(31).domains(1).localDomains(1).usersPerDomain(6).messagesPerView(25)
                .between(Instant.parse("2023-01-01T00:00:00Z"), Instant.parse("2024-01-01T00:00:00Z"))
                .maxAttachmentBytes(20_000).generate();
        // Slow downloads keep the crawl going while the node shuts down.
        try (IndexedMimecast m = new IndexedMimecast(node, extractors.metadataOnly(), archive,
                b -> b.fault(FaultRule.always(Endpoint.GET_FILE, Fault.slow(Duration.ofMillis(40)))));
                Host host = m.host("sink.retry.max-wait-seconds", "150", "sink.bulk.max-docs", "10")) {
            AtomicBoolean triggered = new AtomicBoolean();
            AtomicLong documentsAtOutage = new AtomicLong();
            CompletableFuture<Optional<Instant>> waitingSeen = new CompletableFuture<>();
            ProgressListener listener = p -> {
                if (p.documents() >= 30 && triggered.compareAndSet(false, true)) {
                    documentsAtOutage.set(p.documents());
                    Thread t = new Thread(() -> {
                        try {
                            outage.stop();
                            Thread.sleep(OUTAGE.toMillis());
                            Optional<Instant> since = host.indexUnavailableSince();
                            outage.restart();
                            waitingSeen.complete(since);
                        } catch (Throwable e) {
                            waitingSeen.completeExceptionally(e);
                        }
                    }, "index-outage");
                    t.start();
                }
            };
            Instant began = Instant.now();
            CrawlReport report = host.crawl(false, listener, new CancellationSignal());
            Optional<Instant> since = waitingSeen.get(3, TimeUnit.MINUTES);

            assertThat(report.clean()).as(IndexedMimecast.describe(host, report)).isTrue();
            assertThat(since).as("the host said it was waiting for the index, and since when")
                    .hasValueSatisfying(s -> assertThat(s).isAfter(began));
            assertThat(host.indexUnavailableSince()).as("not waiting once the index is back").isEmpty();
            ArchiveTally tally = m.tally();
            Set<String> expectedEmails = new HashSet<>();
            tally.mailboxes().forEach(mb -> expectedEmails.addAll(tally.emailIds(mb)));
            long expectedAttachments = tally.attachments(tally.mailboxes());
            assertThat(documentsAtOutage.get()).as("the outage began mid-crawl")
                    .isLessThan(expectedEmails.size() + expectedAttachments);

            List<SearchHit> emails = ofKind(host, MimecastDocuments.KIND_EMAIL);
            assertThat(emails).extracting(SearchHit::id).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(expectedEmails);
            assertThat(ofKind(host, MimecastDocuments.KIND_ATTACHMENT)).hasSize((int) expectedAttachments);
            assertThat(all(host)).hasSize(expectedEmails.size() + (int) expectedAttachments);
            assertThat(report.documentsUpserted()).isEqualTo(expectedEmails.size() + expectedAttachments);

            // The saved checkpoints are where the data is: another crawl finds nothing left to fetch.
            long files = m.server.calls(Endpoint.GET_FILE);
            try (Host again = m.host()) {
                CrawlReport second = IndexedMimecast.crawl(again, false);
                assertThat(second.clean()).as(IndexedMimecast.describe(again, second)).isTrue();
                assertThat(second.documentsUpserted()).isZero();
                assertThat(m.server.calls(Endpoint.GET_FILE)).isEqualTo(files);
                assertThat(all(again)).hasSize(expectedEmails.size() + (int) expectedAttachments);
            }
        }
    }
}
