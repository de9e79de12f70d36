package io.connectorkit.mimecast;

import io.connectorkit.api.Partition;
import io.connectorkit.simulator.archive.ArchiveGenerator;
import io.connectorkit.simulator.archive.corpus.MessageHeader;
import io.connectorkit.simulator.archive.corpus.View;
import io.connectorkit.testkit.contract.FaultInjector;
import io.connectorkit.testkit.contract.SourceConnectorContractTest;
import io.connectorkit.testkit.contract.SourceMutator;
import io.connectorkit.simulator.mimecast.Endpoint;
import io.connectorkit.simulator.mimecast.FakeMimecastServer;
import io.connectorkit.simulator.mimecast.faults.Fault;
import io.connectorkit.simulator.mimecast.faults.FaultRule;
import io.connectorkit.simulator.mimecast.ManualClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The connector contract suite against the fake Mimecast server: a small archive (one ordinary and
 * one local domain, three mailboxes each), attachments extracted, and a fixture clock shared by the
 * server and the connector so that added messages fall after the last delta token.
 */
class MimecastConnectorContractTest extends SourceConnectorContractTest {
    private static final Instant START = Instant.parse("2020-01-01T00:00:00Z");
    private static final Instant NOW = Instant.parse("2024-06-01T00:00:00Z");

    private final ManualClock clock = new ManualClock(NOW);
    private FakeMimecastServer server;

    @BeforeEach
    void startServer() {
        server = FakeMimecastServer.builder()
                .archive(ArchiveGenerator.seed(23).domains(1).localDomains(1).usersPerDomain(3).messagesPerView(8)
                        .between(Instant.parse("2023-01-01T00:00:00Z"), Instant.parse("2024-01-01T00:00:00Z"))
                        .maxAttachmentBytes(20_000).generate())
                .clientCredentials(MimecastFixture.CLIENT_ID, MimecastFixture.CLIENT_SECRET)
                .clock(clock).start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Override
    protected String connectorType() {
        return "mimecast";
    }

    @Override
    protected Map<String, String> config() {
        return config(MimecastFixture.CLIENT_SECRET);
    }

    @Override
    protected Map<String, String> configWithBadCredentials() {
        return config("rejected-secret-4471");
    }

    private Map<String, String> config(String secret) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(MimecastKeys.API_ENDPOINT, server.baseUrl());
        m.put(MimecastKeys.AUTH_ENDPOINT, server.baseUrl());
        m.put(MimecastKeys.CLIENT_ID, MimecastFixture.CLIENT_ID);
        m.put(MimecastKeys.CLIENT_SECRET, secret);
        m.put(MimecastKeys.START_DATE, START.toString());
        m.put(MimecastKeys.ATTACHMENTS_EXTRACT, "true");
        m.put(MimecastKeys.PAGE_SIZE, "5");
        m.put(MimecastKeys.STATS_INTERVAL_SECONDS, "0");
        m.put(MimecastKeys.RETRY_AFTER_MULTIPLIER, "10");
        return m;
    }

    @Override
    protected Clock clock() {
        return clock;
    }

    @Override
    protected SourceMutator mutator() {
        return new SourceMutator() {
            @Override
            public void addItem(Partition partition) {
                // After every delta token handed out so far; the clock then moves past it.
                server.archive().addMessage(partition.id(), View.INBOX, clock.instant().plusSeconds(30));
                clock.advance(Duration.ofMinutes(2));
            }

            @Override
            public void deleteItem(Partition partition) {
                MessageHeader newest = server.archive().messages(partition.id(), View.INBOX, START, clock.instant())
                        .reduce((a, b) -> b).orElseThrow();
                server.archive().deleteMessage(newest.id());
            }
        };
    }

    @Override
    protected Optional<FaultInjector> faultInjector() {
        return Optional.of(new FaultInjector() {
            @Override
            public void injectTransientFault() {
                for (Endpoint e : List.of(Endpoint.GET_MESSAGE_LIST, Endpoint.GET_FILE)) {
                    server.fault(FaultRule.always(e, Fault.serverError(503)));
                }
            }

            @Override
            public void injectItemFault() {
                // Every download fails while the listings answer: each message becomes an item failure.
                server.fault(FaultRule.always(Endpoint.GET_FILE, Fault.serverError(503)));
            }

            @Override
            public void injectListingFault(Partition partition) {
                // The next listing page answers, every later one is a 503: an outage in the middle of
                // the mailbox's listing, after the directory (partitions()) answered.
                long next = server.calls(Endpoint.GET_MESSAGE_LIST) + 1;
                server.fault(FaultRule.onCalls(Endpoint.GET_MESSAGE_LIST, next + 1, Long.MAX_VALUE,
                        Fault.serverError(503)));
            }

            @Override
            public void clearFaults() {
                server.clearFaults();
            }
        });
    }

    @Override
    protected OptionalInt expectedDocumentCount() {
        ArchiveTally tally = new ArchiveTally(server.archive(), START, clock.instant());
        List<String> mailboxes = tally.mailboxes();
        return OptionalInt.of((int) (tally.emails(mailboxes) + tally.attachments(mailboxes)));
    }
}
