package io.connectorkit.mimecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectorkit.api.ConnectorException;
import io.connectorkit.api.ConnectorSession;
import io.connectorkit.api.CrawlMode;
import io.connectorkit.api.ErrorKind;
import io.connectorkit.api.Partition;
import io.connectorkit.mimecast.client.MimecastPager;
import io.connectorkit.mimecast.content.MimecastDocuments;
import io.connectorkit.simulator.mimecast.Endpoint;
import io.connectorkit.simulator.mimecast.TokenMismatch;
import io.connectorkit.simulator.mimecast.faults.Fault;
import io.connectorkit.simulator.mimecast.faults.FaultRule;
import io.connectorkit.testkit.contract.RecordingEmitter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Faults the connector gets over by itself within one crawl: page tokens that expire mid-listing
 * and content calls answered with a cut-off JSON body.
 */
class MimecastRecoveryTest {
    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(TokenMismatch.class)
    void pageTokensExpiringMidListingRestartTheWindowAndLoseNothing(TokenMismatch style) throws Exception {
        // Page size 5 and 12 messages per view: three pages a view. Calls 2 and 5 carry a page token.
        try (MimecastFixture f = new MimecastFixture(temp, b -> b.tokenMismatch(style)
                .fault(FaultRule.onCall(Endpoint.GET_MESSAGE_LIST, 2, Fault.pageTokenExpired()))
                .fault(FaultRule.onCall(Endpoint.GET_MESSAGE_LIST, 5, Fault.pageTokenExpired())))) {
            String mailbox = f.firstMailbox();
            RecordingEmitter e = f.crawl(f.config(MimecastKeys.PAGE_SIZE, "5"), mailbox, null, CrawlMode.INCREMENTAL);
            assertThat(e.failures()).isEmpty();
            assertThat(e.ofKind(MimecastDocuments.KIND_EMAIL)).hasSize((int) f.expected(mailbox));
            assertThat(e.upserts().stream().map(d -> d.id()).distinct()).hasSize(e.upserts().size());
            assertThat(e.partitionCompleteCount()).isEqualTo(1);
            assertThat(f.server.requests(Endpoint.GET_MESSAGE_LIST).stream()
                    .filter(r -> !r.body().contains("pageToken")).count())
                    .as("first pages: one per view plus one per restart").isEqualTo(4);
        }
    }

    @Test
    void aPageTokenThatAlwaysFailsEndsTheCrawlWithItsErrorInsteadOfLooping() throws Exception {
        try (MimecastFixture f = new MimecastFixture(temp, b -> b
                .fault(FaultRule.always(Endpoint.GET_MESSAGE_LIST, Fault.pageTokenExpired())))) {
            String mailbox = f.firstMailbox();
            assertThatThrownBy(() -> f.crawl(f.config(MimecastKeys.PAGE_SIZE, "5"), mailbox, null,
                    CrawlMode.INCREMENTAL)).isInstanceOfSatisfying(ConnectorException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ErrorKind.PERMANENT);
                        assertThat(e.getMessage()).contains("err_page_token_expired");
                    });
            // First page, token; then the same again after the restart that got further and after each stalled one.
            assertThat(f.server.calls(Endpoint.GET_MESSAGE_LIST)).isEqualTo(2 * (2 + MimecastPager.MAX_STALLS));
        }
    }

    @Test
    void aSavedPageTokenThatExpiredListsTheWindowFromItsFirstPage() throws Exception {
        try (MimecastFixture f = new MimecastFixture(temp, b -> b)) {
            String mailbox = f.firstMailbox();
            RecordingEmitter first = f.crawl(f.config(MimecastKeys.PAGE_SIZE, "5"), mailbox, null,
                    CrawlMode.INCREMENTAL);
            // The checkpoint after the first page holds that view's page token; expire every token now.
            f.server.fault(FaultRule.always(Endpoint.GET_MESSAGE_LIST, Fault.pageTokenExpired()));
            RecordingEmitter resumed = new RecordingEmitter(mailbox);
            assertThatThrownBy(() -> f.crawl(f.config(MimecastKeys.PAGE_SIZE, "5"), mailbox,
                    first.checkpoints().get(0), CrawlMode.INCREMENTAL, resumed))
                    .as("every later page carries a token that fails too").isInstanceOf(ConnectorException.class);
            assertThat(resumed.failures()).isEmpty();
            assertThat(resumed.ofKind(MimecastDocuments.KIND_EMAIL)).as("the first page, listed again").hasSize(5);
        }
    }

    @Test
    void theUserListingRestartsWhenItsPageTokenExpires() throws Exception {
        List<Partition> expected;
        try (MimecastFixture f = new MimecastFixture(temp, b -> b)) {
            expected = partitions(f);
        }
        try (MimecastFixture f = new MimecastFixture(temp, b -> b
                .fault(FaultRule.onCall(Endpoint.GET_INTERNAL_USERS, 2, Fault.pageTokenExpired())))) {
            assertThat(partitions(f)).isEqualTo(expected).hasSize(3);
            assertThat(f.server.calls(Endpoint.GET_INTERNAL_USERS)).isGreaterThan(2);
        }
    }

    private static List<Partition> partitions(MimecastFixture f) throws ConnectorException {
        try (ConnectorSession s = f.connector.open(f.parse(f.config(MimecastKeys.PAGE_SIZE, "2")), f.context)) {
            return s.partitions();
        }
    }

    @Test
    void aCutOffTokenResponseIsAskedForAgain() throws Exception {
        try (MimecastFixture f = new MimecastFixture(temp, b -> b
                .fault(FaultRule.onCalls(Endpoint.TOKEN, 1, 2, Fault.malformedJson())))) {
            String mailbox = f.firstMailbox();
            RecordingEmitter e = f.crawl(f.config(), mailbox, null, CrawlMode.INCREMENTAL);
            assertThat(e.failures()).isEmpty();
            assertThat(e.ofKind(MimecastDocuments.KIND_EMAIL)).hasSize((int) f.expected(mailbox));
            assertThat(f.server.calls(Endpoint.TOKEN)).isEqualTo(3);
        }
    }

    @Test
    void aCutOffJsonBodyFromGetFileIsAskedForAgain() throws Exception {
        try (MimecastFixture f = new MimecastFixture(temp, b -> b
                .fault(FaultRule.onCalls(Endpoint.GET_FILE, 2, 3, Fault.malformedJson())))) {
            String mailbox = f.firstMailbox();
            RecordingEmitter e = f.crawl(f.config(), mailbox, null, CrawlMode.INCREMENTAL);
            assertThat(e.failures()).isEmpty();
            assertThat(e.ofKind(MimecastDocuments.KIND_EMAIL)).hasSize((int) f.expected(mailbox));
            assertThat(f.server.calls(Endpoint.GET_FILE)).isEqualTo(f.expected(mailbox) + 2);
        }
    }
}
