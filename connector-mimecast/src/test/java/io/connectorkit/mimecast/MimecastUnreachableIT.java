package io.connectorkit.mimecast;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectorkit.mimecast.http.MimecastOutage;
import io.connectorkit.runtime.CrawlReport;
import io.connectorkit.runtime.Host;
import io.connectorkit.runtime.PartitionStatus;
import io.connectorkit.simulator.archive.Archive;
import io.connectorkit.simulator.archive.ArchiveGenerator;
import io.connectorkit.simulator.mimecast.Endpoint;
import io.connectorkit.simulator.mimecast.FakeMimecastServer;
import io.connectorkit.simulator.mimecast.faults.Fault;
import io.connectorkit.simulator.mimecast.faults.FaultRule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Mimecast stops answering mid-crawl (the fake server is stopped, so every connection is refused)
 * and comes back at the same address: an outage of the source, waited out within
 * {@code mimecast.retry.max-wait-seconds}, and past it the mailboxes stop without a single message
 * recorded as failed, to be crawled again by the next run.
 */
class MimecastUnreachableIT extends EndToEndTest {
    private static Archive archive(long seed) {
        return ArchiveGenerator.seed(seed).domains(1).localDomains(1).usersPerDomain(4).messagesPerView(20)
                .between(Instant.parse("2023-01-01T00:00:00Z"), Instant.parse("2024-01-01T00:00:00Z"))
                .maxAttachmentBytes(20_000).generate();
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }

    /** Slow downloads keep the crawl going while the server stops. */
    private static FakeMimecastServer serve(Archive archive, int port) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return FakeMimecastServer.builder().archive(archive).port(port)
                        .clientCredentials(MimecastFixture.CLIENT_ID, MimecastFixture.CLIENT_SECRET)
                        .fault(FaultRule.always(Endpoint.GET_FILE, Fault.slow(Duration.ofMillis(50)))).start();
            } catch (UncheckedIOException e) {
                // The port of the stopped server may take a moment to be free again.
                if (attempt >= 50 || !(e.getCause() instanceof BindException)) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    /**
     * Stops the first server once it has served 20 downloads (mid-crawl: there are 160), and,
     * when {@code back} is given, serves the archive again at the same address that long after.
     */
    private static final class Outage {
        private final AtomicReference<FakeMimecastServer> current;
        private final CompletableFuture<Instant> stopped = new CompletableFuture<>();
        private final Archive archive;
        private final int port;

        Outage(FakeMimecastServer first, Archive archive, int port, Duration back) {
            this.current = new AtomicReference<>(first);
            this.archive = archive;
            this.port = port;
            Thread t = new Thread(() -> {
                try {
                    while (first.calls(Endpoint.GET_FILE) < 20) {
                        Thread.sleep(5);
                    }
                    first.close();
                    stopped.complete(Instant.now());
                    if (back != null) {
                        Thread.sleep(back.toMillis());
                        restart();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "mimecast-outage");
            t.setDaemon(true);
            t.start();
        }

        void restart() throws InterruptedException {
            current.set(serve(archive, port));
        }

        void close() {
            current.get().close();
        }
    }

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void anOutageShorterThanTheWaitIsWaitedOutAndTheCrawlEndsCompleteWithoutFailures() throws Exception {
        Archive archive = archive(51);
        int port = freePort();
        Outage outage = new Outage(serve(archive, port), archive, port, Duration.ofSeconds(8));
        try (MimecastLogCapture log = new MimecastLogCapture(MimecastOutage.class);
                IndexedMimecast m = new IndexedMimecast(node, extractors.metadataOnly(), archive, b -> b.port(0));
                Host host = m.host(MimecastKeys.API_ENDPOINT, "http://127.0.0.1:" + port,
                        MimecastKeys.AUTH_ENDPOINT, "http://127.0.0.1:" + port,
                        MimecastKeys.RETRY_MAX_WAIT_SECONDS, "120", "sink.bulk.max-docs", "10")) {
            CrawlReport report = IndexedMimecast.crawl(host, false);
            assertThat(outage.stopped).as("the server was stopped mid-crawl").isDone();
            assertThat(report.clean()).as(IndexedMimecast.describe(host, report)).isTrue();
            assertThat(report.itemFailures()).isZero();
            assertThat(log.text()).contains("Waiting for Mimecast at http://127.0.0.1:" + port + ": unreachable since ",
                    "mimecast.retry.max-wait-seconds", "Mimecast is reachable again after ");
            new IndexedArchive(m, host).assertIndexedExcept(List.of());
        } finally {
            outage.close();
        }
    }

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void anOutageLongerThanTheWaitStopsTheMailboxesWithoutItemFailuresAndTheNextRunCompletesTheIndex()
            throws Exception {
        Archive archive = archive(52);
        int port = freePort();
        Outage outage = new Outage(serve(archive, port), archive, port, null);
        try (MimecastLogCapture log = new MimecastLogCapture(MimecastOutage.class);
                IndexedMimecast m = new IndexedMimecast(node, extractors.metadataOnly(), archive, b -> b.port(0))) {
            String[] keys = {MimecastKeys.API_ENDPOINT, "http://127.0.0.1:" + port, MimecastKeys.AUTH_ENDPOINT,
                "http://127.0.0.1:" + port, MimecastKeys.RETRY_MAX_WAIT_SECONDS, "3", "sink.bulk.max-docs", "10"};
            try (Host host = m.host(keys)) {
                CrawlReport report = IndexedMimecast.crawl(host, false);
                assertThat(outage.stopped).as("the server was stopped mid-crawl").isDone();
                assertThat(report.fatal()).as(IndexedMimecast.describe(host, report)).isEmpty();
                assertThat(report.partitionsFailed()).as(IndexedMimecast.describe(host, report)).isPositive();
                assertThat(report.itemFailures()).as("no message is recorded as failed for an outage").isZero();
                // What the state keeps is each stopped mailbox's own entry, to be crawled again; no message.
                assertThat(host.status()).flatExtracting(PartitionStatus::recentFailures).isNotEmpty()
                        .allSatisfy(f -> assertThat(f).startsWith("(partition)")
                                .contains("unreachable since", "mimecast.retry.max-wait-seconds"));
                assertThat(log.text()).contains("Waiting for Mimecast at http://127.0.0.1:" + port
                        + ": unreachable since ");
            }
            outage.restart();
            try (Host host = m.host(keys)) {
                CrawlReport report = IndexedMimecast.crawl(host, false);
                assertThat(report.clean()).as(IndexedMimecast.describe(host, report)).isTrue();
                new IndexedArchive(m, host).assertIndexedExcept(List.of());
            }
        } finally {
            outage.close();
        }
    }
}
