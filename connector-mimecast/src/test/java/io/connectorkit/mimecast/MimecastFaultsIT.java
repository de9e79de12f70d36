package io.connectorkit.mimecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectorkit.api.ConnectorException;
import io.connectorkit.api.ConnectorMetrics;
import io.connectorkit.api.ConnectorSession;
import io.connectorkit.api.CrawlMode;
import io.connectorkit.api.ErrorKind;
import io.connectorkit.api.ItemFailure;
import io.connectorkit.mimecast.content.MimecastDocuments;
import io.connectorkit.simulator.archive.corpus.MessageHeader;
import io.connectorkit.simulator.archive.corpus.View;
import io.connectorkit.simulator.mimecast.Endpoint;
import io.connectorkit.simulator.mimecast.ResetUnit;
import io.connectorkit.simulator.mimecast.faults.Fault;
import io.connectorkit.simulator.mimecast.faults.FaultRule;
import io.connectorkit.testkit.contract.RecordingEmitter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Authentication, rate limits, permissions and failing items against the fake server. */
class MimecastFaultsIT {
    @TempDir
    Path temp;

    @Test
    void anExpiredTokenMidCrawlIsMintedAgainOnceAndTheCallRetried() throws Exception {
        try (MimecastFixture f = new MimecastFixture(temp, b -> b
                .fault(FaultRule.onCall(Endpoint.GET_FILE, 3, Fault.tokenExpired())))) {
            String mailbox = f.firstMailbox();
            RecordingEmitter e = f.crawl(f.config(), mailbox, null, CrawlMode.INCREMENTAL);
            assertThat(e.failures()).isEmpty();
            assertThat(e.ofKind(MimecastDocuments.KIND_EMAIL)).hasSize((int) f.expected(mailbox));
            assertThat(f.server.calls(Endpoint.TOKEN)).isEqualTo(2);
            assertThat(f.server.calls(Endpoint.GET_FILE, 401)).isEqualTo(1);
        }
    }

    @Test
    void tokensAreRefreshedBeforeTheyExpireAndSharedByMailboxes() throws Exception {
        try (MimecastFixture f = new MimecastFixture(temp, b -> b.tokenTtl(Duration.ofSeconds(3600)))) {
            try (ConnectorSession s = f.connector.open(f.parse(f.config()), f.context)) {
                for (String mailbox : f.archive().mailboxes().subList(0, 2)) {
                    s.crawl(io.connectorkit.api.Partition.of(mailbox), null, CrawlMode.INCREMENTAL,
                            new RecordingEmitter(mailbox));
                }
            }
            assertThat(f.server.calls(Endpoint.TOKEN)).as("one token for both mailboxes").isEqualTo(1);
        }
        try (MimecastFixture f = new MimecastFixture(temp, b -> b.tokenTtl(Duration.ofSeconds(30)))) {
            // An offset larger than the lifetime makes every call refresh first: no call is sent with a stale token.
            f.crawl(f.config(MimecastKeys.AUTH_TOKEN_OFFSET_SECONDS, "-40"), f.firstMailbox(), null,
                    CrawlMode.INCREMENTAL);
            assertThat(f.server.calls(Endpoint.TOKEN)).isGreaterThan(2);
            assertThat(f.server.requests().stream().filter(r -> r.status() == 401)).isEmpty();
        }
    }

    @Test
    void aBadSecretIsAnAuthenticationErrorWithoutARetryStorm() throws Exception {
        try (MimecastFixture f = new MimecastFixture(temp, b -> b)) {
            String wrong = "wrong-secret-42";
            try (ConnectorSession s = f.connector.open(f.parse(f.config(MimecastKeys.CLIENT_SECRET, wrong)),
                    f.context)) {
                assertThatThrownBy(s::partitions).isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.AUTHENTICATION);
                    assertThat(e.getMessage()).contains("mimecast.client-secret").doesNotContain(wrong);
                });
                assertThatThrownBy(() -> s.crawl(io.connectorkit.api.Partition.of(f.firstMailbox()), null,
                        CrawlMode.INCREMENTAL, new RecordingEmitter(f.firstMailbox())))
                        .isInstanceOfSatisfying(ConnectorException.class,
                                e -> assertThat(e.kind()).isEqualTo(ErrorKind.AUTHENTICATION));
            }
            assertThat(f.server.calls(Endpoint.TOKEN)).isEqualTo(2);
            assertThat(f.server.calls(Endpoint.GET_INTERNAL_DOMAIN)).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(ResetUnit.class)
    void rateLimitStormsAreWaitedOutAndCounted(ResetUnit unit) throws Exception {
        try (MimecastFixture f = new MimecastFixture(temp, b -> b.resetUnit(unit)
                .fault(FaultRule.onCalls(Endpoint.GET_MESSAGE_LIST, 1, 3, Fault.rateLimited(Duration.ofMillis(1200))))
                .fault(FaultRule.onCalls(Endpoint.GET_FILE, 2, 4, Fault.rateLimited(Duration.ofMillis(800)))))) {
            String mailbox = f.firstMailbox();
            RecordingEmitter e = f.crawl(f.config(), mailbox, null, CrawlMode.INCREMENTAL);
            assertThat(e.failures()).isEmpty();
            assertThat(e.ofKind(MimecastDocuments.KIND_EMAIL)).hasSize((int) f.expected(mailbox));
            assertThat(f.context.counter(ConnectorMetrics.RATE_LIMITED)).isEqualTo(6);
            assertThat(f.context.counter(ConnectorMetrics.RATE_LIMIT_WAIT_MILLIS)).isPositive();
            assertThat(f.context.counter(ConnectorMetrics.HTTP_ERRORS)).isZero();
            assertThat(e.partitionCompleteCount()).isEqualTo(1);
        }
    }

    @Test
    void hyphenatedRateLimitHeadersAreReadToo() throws Exception {
        try (MimecastFixture f = new MimecastFixture(temp, b -> b.hyphenatedRateLimitHeaders()
                .fault(FaultRule.onCalls(Endpoint.GET_FILE, 1, 2, Fault.rateLimited(Duration.ofSeconds(6)))))) {
            String mailbox = f.firstMailbox();
            RecordingEmitter e = f.crawl(f.config(), mailbox, null, CrawlMode.INCREMENTAL);
            assertThat(e.ofKind(MimecastDocuments.KIND_EMAIL)).hasSize((int) f.expected(mailbox));
            assertThat(f.context.counter(ConnectorMetrics.RATE_LIMITED)).isEqualTo(2);
            // 6 s hints x multiplier 100 = 600 ms each; without the header the backoff would total 100 + 200 ms.
            assertThat(f.context.counter(ConnectorMetrics.RATE_LIMIT_WAIT_MILLIS)).isGreaterThan(900);
        }
    }

    @Test
    void aSmallQuotaSlowsTheCrawlDownWithoutLosingWork() throws Exception {
        try (MimecastFixture f = new MimecastFixture(temp, b -> b.quota(8, Duration.ofSeconds(1)))) {
            String mailbox = f.firstMailbox();
            RecordingEmitter e = f.crawl(f.config(MimecastKeys.RETRY_AFTER_MULTIPLIER, "1000"), mailbox, null,
                    CrawlMode.INCREMENTAL);
            assertThat(e.failures()).isEmpty();
            assertThat(e.ofKind(MimecastDocuments.KIND_EMAIL)).hasSize((int) f.expected(mailbox));
            assertThat(f.context.counter(ConnectorMetrics.RATE_LIMIT_WAIT_MILLIS)).isPositive();
        }
    }

    @Test
    void serverErrorsDroppedConnectionsAndCutBodiesAreRetried() throws Exception {
        try (MimecastFixture f = new MimecastFixture(temp, b -> b
                .fault(FaultRule.onCalls(Endpoint.GET_FILE, 1, 2, Fault.serverError(503)))
                .fault(FaultRule.onCall(Endpoint.DOWNLOAD, 3, Fault.disconnect()))
                .fault(FaultRule.onCall(Endpoint.DOWNLOAD, 6, Fault.downloadExpired()))
                .fault(FaultRule.onCall(Endpoint.GET_MESSAGE_LIST, 1, Fault.malformedJson())))) {
            String mailbox = f.firstMailbox();
            RecordingEmitter e = f.crawl(f.config(MimecastKeys.RETRY_AFTER_MULTIPLIER, "10"), mailbox, null,
                    CrawlMode.INCREMENTAL);
            assertThat(e.failures()).isEmpty();
            assertThat(e.ofKind(MimecastDocuments.KIND_EMAIL)).hasSize((int) f.expected(mailbox));
            assertThat(f.context.counter(ConnectorMetrics.HTTP_ERRORS)).isGreaterThanOrEqualTo(4);
            assertThat(f.server.calls(Endpoint.DOWNLOAD, 403)).as("an expired download URL is asked for again")
                    .isEqualTo(1);
        }
    }

    @Test
    void aMissingProductIsAPermissionErrorNamingTheProduct() throws Exception {
        try (MimecastFixture f = new MimecastFixture(temp, b -> b.withoutProductFor(Endpoint.GET_INTERNAL_DOMAIN,
                Endpoint.GET_MESSAGE_LIST))) {
            try (ConnectorSession s = f.connector.open(f.parse(f.config()), f.context)) {
                assertThatThrownBy(s::partitions).isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.PERMISSION);
                    assertThat(e.getMessage()).contains("Domain Management");
                });
                assertThatThrownBy(() -> s.crawl(io.connectorkit.api.Partition.of(f.firstMailbox()), null,
                        CrawlMode.INCREMENTAL, new RecordingEmitter(f.firstMailbox())))
                        .isInstanceOfSatisfying(ConnectorException.class, e -> {
                            assertThat(e.kind()).isEqualTo(ErrorKind.PERMISSION);
                            assertThat(e.getMessage()).contains("Data Retention / Archive");
                        });
            }
            assertThat(f.server.calls(Endpoint.GET_INTERNAL_DOMAIN)).as("not retried").isEqualTo(1);
        }
    }

    @Test
    void aPermanentlyFailingMessageIsAnItemFailureAndTheRestIsEmitted() throws Exception {
        try (MimecastFixture f = new MimecastFixture(temp, b -> b)) {
            String mailbox = f.firstMailbox();
            MessageHeader bad = f.archive().messages(mailbox, View.SENT, MimecastFixture.START, Instant.now())
                    .skip(2).findFirst().orElseThrow();
            f.server.fault(FaultRule.forId(Endpoint.GET_FILE, bad.id(),
                    Fault.permanentFailure("err_message_retrieval_failed", "The message could not be retrieved")));
            RecordingEmitter e = f.crawl(f.config(), mailbox, null, CrawlMode.INCREMENTAL);
            String badId = MimecastDocuments.emailId(mailbox, bad.id());
            assertThat(e.failures()).extracting(ItemFailure::itemId).containsExactly(badId);
            assertThat(e.failures().get(0).kind()).isEqualTo(ErrorKind.PERMANENT);
            assertThat(e.failures().get(0).reason()).contains(bad.id()).contains("err_message_retrieval_failed");
            assertThat(e.ofKind(MimecastDocuments.KIND_EMAIL)).hasSize((int) f.expected(mailbox) - 1);
            assertThat(e.documents()).doesNotContainKey(badId);
            assertThat(f.server.requests(Endpoint.GET_FILE).stream().filter(r -> r.body().contains(bad.id())))
                    .as("a permanent failure is not retried").hasSize(1);
        }
    }
}
