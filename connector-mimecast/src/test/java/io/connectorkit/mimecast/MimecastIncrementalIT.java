package io.connectorkit.mimecast;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.connectorkit.api.Checkpoint;
import io.connectorkit.api.CrawlMode;
import io.connectorkit.api.Document;
import io.connectorkit.mimecast.archive.MimecastCheckpoint;
import io.connectorkit.mimecast.archive.MimecastMessageReader;
import io.connectorkit.mimecast.content.MimecastDocuments;
import io.connectorkit.simulator.archive.corpus.MessageHeader;
import io.connectorkit.simulator.archive.corpus.View;
import io.connectorkit.simulator.mimecast.Endpoint;
import io.connectorkit.simulator.mimecast.RecordedRequest;
import io.connectorkit.simulator.mimecast.faults.Fault;
import io.connectorkit.simulator.mimecast.faults.FaultRule;
import io.connectorkit.testkit.contract.RecordingEmitter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Windows, delta tokens, full re-crawls and paging against the fake server. */
class MimecastIncrementalIT {
    @TempDir
    Path temp;

    private static JsonObject listItem(RecordedRequest r) {
        return JsonParser.parseString(r.body()).getAsJsonObject().getAsJsonArray("data").get(0).getAsJsonObject();
    }

    private static Instant deltaToken(Checkpoint cp, String view) {
        return MimecastCheckpoint.parse(cp).view(view).orElseThrow().deltaToken();
    }

    /**
     * Waits until the clock's whole second is past {@code token}: a delta token is a crawl's start
     * truncated to the second, so a crawl that follows in the same second cannot move it.
     */
    private static void awaitSecondAfter(Instant token) throws InterruptedException {
        while (!Instant.now().truncatedTo(ChronoUnit.SECONDS).isAfter(token)) {
            Thread.sleep(20);
        }
    }

    private static Set<String> emailIds(RecordingEmitter e) {
        return e.ofKind(MimecastDocuments.KIND_EMAIL).stream().map(Document::id).collect(Collectors.toSet());
    }

    @Test
    void startDateLimitsTheFirstCrawl() throws Exception {
        try (MimecastFixture f = new MimecastFixture(temp, b -> b)) {
            String mailbox = f.firstMailbox();
            Instant from = Instant.parse("2023-07-01T00:00:00Z");
            RecordingEmitter e = f.crawl(f.config(MimecastKeys.START_DATE, "2023-07-01"), mailbox, null,
                    CrawlMode.INCREMENTAL);
            long expected = f.expected(mailbox, View.INBOX, from) + f.expected(mailbox, View.SENT, from);
            assertThat(expected).isLessThan(f.expected(mailbox)).isPositive();
            assertThat(e.ofKind(MimecastDocuments.KIND_EMAIL)).hasSize((int) expected);
            assertThat(f.server.requests(Endpoint.GET_MESSAGE_LIST))
                    .allSatisfy(r -> assertThat(listItem(r).get("start").getAsString())
                            .isEqualTo("2023-07-01T00:00:00+0000"));
        }
    }

    @Test
    void secondCrawlListsOnlyTheNewWindowWithTheOffsetAndSkipsKnownContent() throws Exception {
        try (MimecastFixture f = new MimecastFixture(temp, b -> b)) {
            String mailbox = f.firstMailbox();
            MessageHeader recent = f.archive().addMessage(mailbox, View.INBOX, Instant.now().minusSeconds(60));
            RecordingEmitter first = f.crawlIndexed(f.config(), mailbox, null, CrawlMode.INCREMENTAL);
            assertThat(first.ofKind(MimecastDocuments.KIND_EMAIL)).hasSize((int) f.expected(mailbox));
            Checkpoint cp = first.lastCheckpoint();
            Instant token = deltaToken(cp, "INBOX");
            assertThat(deltaToken(cp, "SENT")).isEqualTo(token);

            // A late arrival inside the overlap, and a message after the first crawl.
            MessageHeader late = f.archive().addMessage(mailbox, View.INBOX, token.minus(Duration.ofMinutes(5)));
            MessageHeader later = f.archive().addMessage(mailbox, View.SENT, token.plusMillis(10));
            Thread.sleep(1_100);
            f.server.resetCounters();
            // The offset alone: the late-arrival window is off here (see the tests below for it).
            awaitSecondAfter(token);
            RecordingEmitter second = f.crawlIndexed(f.config(MimecastKeys.LATE_ARRIVAL_DAYS, "0"), mailbox, cp,
                    CrawlMode.INCREMENTAL);

            String expectedStart = MimecastDates.format(token.minus(Duration.ofMinutes(15)));
            assertThat(f.server.requests(Endpoint.GET_MESSAGE_LIST)).hasSize(2)
                    .allSatisfy(r -> assertThat(listItem(r).get("start").getAsString()).isEqualTo(expectedStart));
            assertThat(emailIds(second)).containsExactlyInAnyOrder(MimecastDocuments.emailId(mailbox, late.id()),
                    MimecastDocuments.emailId(mailbox, later.id()));
            assertThat(f.server.calls(Endpoint.GET_FILE)).as("the re-listed known message is not downloaded")
                    .isEqualTo(2);
            assertThat(f.context.counter(MimecastMessageReader.UNCHANGED)).isEqualTo(1);
            assertThat(emailIds(first)).contains(MimecastDocuments.emailId(mailbox, recent.id()));
            assertThat(second.partitionCompleteCount()).as("an incremental window is not a complete listing").isZero();
            assertThat(deltaToken(second.lastCheckpoint(), "INBOX")).isAfter(token);
        }
    }

    @Test
    void ignoringDeltaTokensRelistsEverythingWithoutDownloadingKnownMessages() throws Exception {
        try (MimecastFixture f = new MimecastFixture(temp, b -> b)) {
            String mailbox = f.firstMailbox();
            RecordingEmitter first = f.crawlIndexed(f.config(), mailbox, null, CrawlMode.INCREMENTAL);
            MessageHeader gone = f.archive().messages(mailbox, View.INBOX, MimecastFixture.START, Instant.now())
                    .findFirst().orElseThrow();
            f.archive().deleteMessage(gone.id());
            f.server.resetCounters();
            RecordingEmitter again = f.crawlIndexed(f.config(MimecastKeys.IGNORE_DELTA_TOKENS, "true"), mailbox,
                    first.lastCheckpoint(), CrawlMode.INCREMENTAL);
            assertThat(f.server.requests(Endpoint.GET_MESSAGE_LIST)).allSatisfy(r ->
                    assertThat(listItem(r).get("start").getAsString()).isEqualTo("2020-01-01T00:00:00+0000"));
            assertThat(f.server.calls(Endpoint.GET_FILE)).isZero();
            assertThat(again.upserts()).as("nothing is re-sent").isEmpty();
            assertThat(again.unchangedIds()).as("every listed message is declared unchanged")
                    .hasSize((int) f.expected(mailbox)).doesNotHaveDuplicates()
                    .doesNotContain(MimecastDocuments.emailId(mailbox, gone.id()));
            assertThat(again.partitionCompleteCount()).isEqualTo(1);
        }
    }

    @Test
    void fullModeListsFromTheStartDateAndDeclaresTheListingComplete() throws Exception {
        try (MimecastFixture f = new MimecastFixture(temp, b -> b)) {
            String mailbox = f.firstMailbox();
            RecordingEmitter first = f.crawlIndexed(f.config(), mailbox, null, CrawlMode.INCREMENTAL);
            assertThat(first.partitionCompleteCount()).isEqualTo(1);
            f.server.resetCounters();
            RecordingEmitter full = f.crawlIndexed(f.config(), mailbox, first.lastCheckpoint(), CrawlMode.FULL);
            assertThat(full.upserts()).as("nothing is re-sent").isEmpty();
            assertThat(new java.util.HashSet<>(full.unchangedIds())).isEqualTo(new java.util.HashSet<>(emailIds(first)));
            assertThat(f.server.calls(Endpoint.GET_FILE)).isZero();
            assertThat(full.partitionCompleteCount()).isEqualTo(1);
            RecordingEmitter incremental = f.crawl(f.config(), mailbox, full.lastCheckpoint(), CrawlMode.INCREMENTAL);
            assertThat(incremental.partitionCompleteCount()).isZero();
        }
    }

    @Test
    void pageSizeIsSentAndACheckpointFollowsEveryPage() throws Exception {
        try (MimecastFixture f = new MimecastFixture(temp, b -> b)) {
            String mailbox = f.firstMailbox();
            RecordingEmitter e = f.crawl(f.config(MimecastKeys.PAGE_SIZE, "5"), mailbox, null, CrawlMode.INCREMENTAL);
            long inbox = f.expected(mailbox, View.INBOX, MimecastFixture.START);
            long sent = f.expected(mailbox, View.SENT, MimecastFixture.START);
            List<RecordedRequest> lists = f.server.requests(Endpoint.GET_MESSAGE_LIST);
            assertThat(lists).hasSize((int) ((inbox + 4) / 5 + (sent + 4) / 5));
            assertThat(lists).allSatisfy(r -> assertThat(JsonParser.parseString(r.body()).getAsJsonObject()
                    .getAsJsonObject("meta").getAsJsonObject("pagination").get("pageSize").getAsInt()).isEqualTo(5));
            // One checkpoint per page plus one as each view completes.
            assertThat(e.checkpoints()).hasSize(lists.size() + 2);
            assertThat(e.ofKind(MimecastDocuments.KIND_EMAIL)).hasSize((int) (inbox + sent));
        }
    }

    @Test
    void resumesAWindowFromItsSavedPageToken() throws Exception {
        try (MimecastFixture f = new MimecastFixture(temp, b -> b)) {
            String mailbox = f.firstMailbox();
            RecordingEmitter all = f.crawl(f.config(MimecastKeys.PAGE_SIZE, "5"), mailbox, null, CrawlMode.INCREMENTAL);
            Checkpoint afterFirstPage = all.checkpoints().get(0);
            assertThat(MimecastCheckpoint.parse(afterFirstPage).view("INBOX").orElseThrow().window().next()).isNotNull();
            RecordingEmitter rest = f.crawl(f.config(MimecastKeys.PAGE_SIZE, "5"), mailbox, afterFirstPage,
                    CrawlMode.INCREMENTAL);
            assertThat(rest.ofKind(MimecastDocuments.KIND_EMAIL)).hasSize(all.ofKind(MimecastDocuments.KIND_EMAIL)
                    .size() - 5);
            assertThat(rest.partitionCompleteCount()).isZero();
        }
    }

    @Test
    void anExpiredSavedPageTokenRestartsItsWindow() throws Exception {
        try (MimecastFixture f = new MimecastFixture(temp, b -> b)) {
            String mailbox = f.firstMailbox();
            RecordingEmitter all = f.crawl(f.config(MimecastKeys.PAGE_SIZE, "5"), mailbox, null, CrawlMode.INCREMENTAL);
            f.server.resetCounters();
            f.server.fault(FaultRule.onCall(Endpoint.GET_MESSAGE_LIST, 1, Fault.pageTokenExpired()));
            RecordingEmitter rest = f.crawl(f.config(MimecastKeys.PAGE_SIZE, "5"), mailbox, all.checkpoints().get(0),
                    CrawlMode.INCREMENTAL);
            assertThat(rest.failures()).isEmpty();
            assertThat(emailIds(rest)).isEqualTo(emailIds(all));
            assertThat(f.server.calls(Endpoint.GET_MESSAGE_LIST)).isGreaterThan(1);
        }
    }

    @Test
    void excludedSubjectsAreSkippedAndBlankSubjectsNamed() throws Exception {
        try (MimecastFixture f = new MimecastFixture(temp, b -> b)) {
            String mailbox = f.firstMailbox();
            MessageHeader ooo = f.archive().addMessage(mailbox, View.INBOX, Instant.parse("2023-06-01T10:00:00Z"),
                    "Automatic reply: Out of office");
            MessageHeader blank = f.archive().addMessage(mailbox, View.INBOX, Instant.parse("2023-06-02T10:00:00Z"),
                    "");
            RecordingEmitter e = f.crawl(f.config(MimecastKeys.EXCLUDE_SUBJECTS, "(?i)out of office",
                    MimecastKeys.BLANK_SUBJECT, "[untitled]"), mailbox, null, CrawlMode.INCREMENTAL);
            assertThat(emailIds(e)).doesNotContain(MimecastDocuments.emailId(mailbox, ooo.id()));
            assertThat(f.context.counter(MimecastMessageReader.EXCLUDED)).isEqualTo(1);
            Document untitled = e.documents().get(MimecastDocuments.emailId(mailbox, blank.id()));
            assertThat(untitled.title()).isEqualTo("[untitled]");
            assertThat(untitled.fields()).containsEntry("subject", "[untitled]");
        }
    }

    @Test
    void theLateArrivalPartResumesFromItsSavedPageAndNeverMovesTheDeltaToken() throws Exception {
        try (MimecastFixture f = new MimecastFixture(temp, b -> b)) {
            String mailbox = f.firstMailbox();
            RecordingEmitter first = f.crawlIndexed(f.config(), mailbox, null, CrawlMode.INCREMENTAL);
            Instant token = deltaToken(first.lastCheckpoint(), "INBOX");
            // More late mail than one page of the re-listed part holds (500).
            for (int i = 0; i < 501; i++) {
                f.server.addLateArrival(mailbox, View.INBOX, Duration.ofDays(2).plusMinutes(i));
            }
            f.server.resetCounters();
            RecordingEmitter second = f.crawl(f.config(), mailbox, first.lastCheckpoint(), CrawlMode.INCREMENTAL);
            Checkpoint afterFirstPage = second.checkpoints().get(0);
            MimecastCheckpoint.View inbox = MimecastCheckpoint.parse(afterFirstPage).view("INBOX").orElseThrow();
            assertThat(inbox.window().late()).isTrue();
            assertThat(inbox.window().next()).isNotNull();
            assertThat(inbox.deltaToken()).as("the late part keeps the delta token").isEqualTo(token);
            assertThat(MimecastCheckpoint.parse(afterFirstPage).lateArrivals()).isEqualTo(500);
            assertThat(f.context.counter(MimecastMessageReader.LATE_ARRIVALS)).isEqualTo(501);
            assertThat(MimecastCheckpoint.parse(second.lastCheckpoint()).lateArrivals()).isEqualTo(501);

            // A crawl stopped after that page goes on from it: the 501st message, then the delta windows.
            f.server.resetCounters();
            awaitSecondAfter(token);
            RecordingEmitter resumed = f.crawl(f.config(), mailbox, afterFirstPage, CrawlMode.INCREMENTAL);
            assertThat(resumed.ofKind(MimecastDocuments.KIND_EMAIL)).hasSize(1);
            List<RecordedRequest> lists = f.server.requests(Endpoint.GET_MESSAGE_LIST);
            assertThat(JsonParser.parseString(lists.get(0).body()).getAsJsonObject().getAsJsonObject("meta")
                    .getAsJsonObject("pagination").get("pageToken").getAsString()).isEqualTo(inbox.window().next());
            assertThat(deltaToken(resumed.lastCheckpoint(), "INBOX")).isAfter(token);
            assertThat(MimecastCheckpoint.parse(resumed.lastCheckpoint()).view("INBOX").orElseThrow().window())
                    .isNull();
        }
    }
}
