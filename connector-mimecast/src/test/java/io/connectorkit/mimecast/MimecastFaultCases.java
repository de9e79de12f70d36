package io.connectorkit.mimecast;

import static io.connectorkit.simulator.mimecast.faults.FaultRule.forId;
import static io.connectorkit.simulator.mimecast.faults.FaultRule.onCall;
import static io.connectorkit.simulator.mimecast.faults.FaultRule.onCalls;
import static org.assertj.core.api.Assertions.assertThat;

import io.connectorkit.api.ConnectorMetrics;
import io.connectorkit.runtime.CrawlReport;
import io.connectorkit.simulator.mimecast.Endpoint;
import io.connectorkit.simulator.mimecast.faults.Fault;
import io.connectorkit.simulator.mimecast.FakeMimecastServerBuilder;
import io.connectorkit.simulator.mimecast.ResetUnit;
import io.connectorkit.simulator.mimecast.TokenMismatch;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** The named cases of {@link MimecastFaultMatrixIT}: each fault of the fake server, alone and together. */
final class MimecastFaultCases {
    private static final Duration SLOWER_THAN_TIMEOUT = Duration.ofMillis(2500);
    private static final String[] SHORT_READ_TIMEOUT = {MimecastKeys.HTTP_READ_TIMEOUT_SECONDS, "1"};

    /** What shows a case's faults were really met (the crawl could not have been fault-free). */
    interface Proof {
        void check(IndexedMimecast source, CrawlReport report);
    }

    /** Faults the connector must get over within the run. */
    record Recoverable(String name, UnaryOperator<FakeMimecastServerBuilder> faults, Proof proof, String... config) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Faults that never pass for one message, chosen from the archive by id. */
    record Unrecoverable(String name, BiFunction<FakeMimecastServerBuilder, String, FakeMimecastServerBuilder> faults,
            String... config) {
        @Override
        public String toString() {
            return name;
        }
    }

    private MimecastFaultCases() {
    }

    static Stream<Recoverable> recoverable() {
        Stream<Recoverable> storms = Stream.of(false, true).flatMap(hyphenated -> Arrays.stream(ResetUnit.values())
                .map(unit -> storm(unit, hyphenated)));
        return Stream.concat(storms, Stream.of(
                new Recoverable("5xx bursts on every endpoint", b -> b
                        .fault(onCalls(Endpoint.TOKEN, 1, 2, Fault.serverError(503)))
                        .fault(onCalls(Endpoint.GET_INTERNAL_DOMAIN, 1, 2, Fault.serverError(500)))
                        .fault(onCalls(Endpoint.GET_INTERNAL_USERS, 1, 3, Fault.serverError(502)))
                        .fault(onCalls(Endpoint.GET_MESSAGE_LIST, 2, 5, Fault.serverError(503)))
                        .fault(onCalls(Endpoint.GET_FILE, 5, 8, Fault.serverError(504)))
                        .fault(onCalls(Endpoint.DOWNLOAD, 10, 13, Fault.serverError(500))),
                        (m, r) -> {
                            assertThat(answered(m, 500, 599)).isEqualTo(19);
                            assertThat(httpErrors(r)).isGreaterThanOrEqualTo(19);
                        }),
                new Recoverable("connections dropped mid-body", b -> b
                        .fault(onCall(Endpoint.TOKEN, 1, Fault.disconnect()))
                        .fault(onCall(Endpoint.GET_INTERNAL_USERS, 1, Fault.disconnect()))
                        .fault(onCalls(Endpoint.GET_MESSAGE_LIST, 2, 3, Fault.disconnect()))
                        .fault(onCalls(Endpoint.GET_FILE, 4, 5, Fault.disconnect()))
                        .fault(onCalls(Endpoint.DOWNLOAD, 3, 6, Fault.disconnect())),
                        (m, r) -> {
                            assertThat(answered(m, 0, 0)).as("dropped").isEqualTo(10);
                            assertThat(httpErrors(r)).isGreaterThanOrEqualTo(10);
                        }),
                new Recoverable("responses slower than the read timeout", b -> b
                        .fault(onCall(Endpoint.GET_MESSAGE_LIST, 2, Fault.slow(SLOWER_THAN_TIMEOUT)))
                        .fault(onCall(Endpoint.GET_FILE, 3, Fault.slow(SLOWER_THAN_TIMEOUT)))
                        .fault(onCall(Endpoint.DOWNLOAD, 4, Fault.slow(SLOWER_THAN_TIMEOUT))),
                        // Answered 200 by the server, too late: only a timeout makes them errors.
                        (m, r) -> assertThat(httpErrors(r)).as("timed out").isGreaterThanOrEqualTo(3),
                        SHORT_READ_TIMEOUT),
                new Recoverable("malformed JSON", b -> b
                        .fault(onCall(Endpoint.TOKEN, 1, Fault.malformedJson()))
                        .fault(onCall(Endpoint.GET_INTERNAL_DOMAIN, 1, Fault.malformedJson()))
                        .fault(onCalls(Endpoint.GET_INTERNAL_USERS, 1, 2, Fault.malformedJson()))
                        .fault(onCalls(Endpoint.GET_MESSAGE_LIST, 2, 3, Fault.malformedJson()))
                        .fault(onCalls(Endpoint.GET_FILE, 3, 5, Fault.malformedJson())),
                        (m, r) -> {
                            assertThat(m.server.calls(Endpoint.TOKEN)).isGreaterThanOrEqualTo(2);
                            assertThat(m.server.calls(Endpoint.GET_INTERNAL_DOMAIN)).isGreaterThanOrEqualTo(2);
                            assertThat(m.server.calls(Endpoint.GET_FILE)).isEqualTo(m.tally()
                                    .emails(m.tally().mailboxes()) + 3);
                        }),
                // One mailbox at a time, so the faulted calls are the ones that carry a page token.
                new Recoverable("expired page tokens (fail[] answer)", pageTokens(TokenMismatch.FAIL), restarted(),
                        MimecastKeys.PAGE_SIZE, "4", "crawl.parallel.partitions", "1"),
                new Recoverable("expired page tokens (400 answer)", pageTokens(TokenMismatch.BAD_REQUEST), restarted(),
                        MimecastKeys.PAGE_SIZE, "4", "crawl.parallel.partitions", "1"),
                // Calls far apart: the retry with a fresh token must not land on the next rejection.
                new Recoverable("access token expiring mid-crawl", b -> b
                        .fault(onCall(Endpoint.GET_INTERNAL_USERS, 1, Fault.tokenExpired()))
                        .fault(onCall(Endpoint.GET_MESSAGE_LIST, 3, Fault.tokenExpired()))
                        .fault(onCall(Endpoint.GET_FILE, 10, Fault.tokenExpired()))
                        .fault(onCall(Endpoint.GET_FILE, 40, Fault.tokenExpired())),
                        (m, r) -> {
                            assertThat(answered(m, 401, 401)).isEqualTo(4);
                            assertThat(m.server.calls(Endpoint.TOKEN)).isEqualTo(5);
                        }),
                new Recoverable("expired download URLs", b -> b
                        .fault(onCall(Endpoint.DOWNLOAD, 2, Fault.downloadExpired()))
                        .fault(onCall(Endpoint.DOWNLOAD, 20, Fault.downloadExpired()))
                        .fault(onCall(Endpoint.DOWNLOAD, 40, Fault.downloadExpired())),
                        (m, r) -> assertThat(m.server.calls(Endpoint.DOWNLOAD, 403)).isEqualTo(3)),
                new Recoverable("all of them at once", MimecastFaultCases::combined, (m, r) -> {
                    assertThat(answered(m, 429, 429)).as("429").isEqualTo(8);
                    assertThat(answered(m, 500, 599)).as("5xx").isEqualTo(5);
                    assertThat(answered(m, 0, 0)).as("dropped").isEqualTo(1);
                    assertThat(answered(m, 401, 401)).as("401").isEqualTo(1);
                    assertThat(m.server.calls(Endpoint.DOWNLOAD, 403)).as("expired URL").isEqualTo(1);
                    assertThat(httpErrors(r)).as("5xx, dropped, 401, 403 and 2 timeouts").isGreaterThanOrEqualTo(10);
                }, MimecastKeys.PAGE_SIZE, "4",
                        MimecastKeys.HTTP_READ_TIMEOUT_SECONDS, "1")));
    }

    private static Recoverable storm(ResetUnit unit, boolean hyphenated) {
        return new Recoverable("429 storm, " + unit + (hyphenated ? ", X-Rate-Limit-*" : ", X-RateLimit-*"), b -> {
            FakeMimecastServerBuilder s = b.resetUnit(unit)
                    .fault(onCall(Endpoint.GET_INTERNAL_USERS, 1, Fault.rateLimited(Duration.ofMillis(40))))
                    .fault(onCalls(Endpoint.GET_MESSAGE_LIST, 2, 5, Fault.rateLimited(Duration.ofMillis(40))))
                    .fault(onCalls(Endpoint.GET_FILE, 3, 14, Fault.rateLimited(Duration.ofMillis(40))));
            return hyphenated ? s.hyphenatedRateLimitHeaders() : s;
        }, (m, r) -> assertThat(answered(m, 429, 429)).isEqualTo(17),
                // 1 ms per second of hint: the epoch and Retry-After forms round the hint up to a second.
                MimecastKeys.RETRY_AFTER_MULTIPLIER, "1");
    }

    /** Mailbox views listed from their first page more often than once each: the listing restarted. */
    private static Proof restarted() {
        return (m, r) -> assertThat(m.server.requests(Endpoint.GET_MESSAGE_LIST).stream()
                .filter(q -> !q.body().contains("pageToken")).count())
                .isGreaterThan(2L * m.tally().mailboxes().size());
    }

    static long answered(IndexedMimecast m, int lowest, int highest) {
        return Arrays.stream(Endpoint.values()).mapToLong(e -> IntStream.rangeClosed(lowest, highest)
                .mapToLong(status -> m.server.calls(e, status)).sum()).sum();
    }

    private static long httpErrors(CrawlReport report) {
        return report.metrics().getOrDefault(ConnectorMetrics.HTTP_ERRORS, 0L);
    }

    private static UnaryOperator<FakeMimecastServerBuilder> pageTokens(TokenMismatch style) {
        return b -> b.tokenMismatch(style)
                .fault(onCall(Endpoint.GET_INTERNAL_USERS, 2, Fault.pageTokenExpired()))
                .fault(onCall(Endpoint.GET_MESSAGE_LIST, 2, Fault.pageTokenExpired()))
                .fault(onCall(Endpoint.GET_MESSAGE_LIST, 5, Fault.pageTokenExpired()))
                .fault(onCall(Endpoint.GET_MESSAGE_LIST, 9, Fault.pageTokenExpired()));
    }

    private static FakeMimecastServerBuilder combined(FakeMimecastServerBuilder b) {
        return b.resetUnit(ResetUnit.EPOCH_SECONDS).hyphenatedRateLimitHeaders()
                .fault(onCall(Endpoint.TOKEN, 1, Fault.serverError(503)))
                .fault(onCall(Endpoint.GET_INTERNAL_USERS, 1, Fault.malformedJson()))
                .fault(onCalls(Endpoint.GET_MESSAGE_LIST, 2, 3, Fault.rateLimited(Duration.ofMillis(50))))
                .fault(onCall(Endpoint.GET_MESSAGE_LIST, 6, Fault.serverError(503)))
                .fault(onCall(Endpoint.GET_MESSAGE_LIST, 9, Fault.malformedJson()))
                .fault(onCalls(Endpoint.GET_MESSAGE_LIST, 11, 14, Fault.pageTokenExpired()))
                .fault(onCall(Endpoint.GET_FILE, 4, Fault.tokenExpired()))
                .fault(onCalls(Endpoint.GET_FILE, 8, 9, Fault.serverError(502)))
                .fault(onCall(Endpoint.GET_FILE, 14, Fault.slow(SLOWER_THAN_TIMEOUT)))
                .fault(onCall(Endpoint.GET_FILE, 20, Fault.malformedJson()))
                .fault(onCalls(Endpoint.GET_FILE, 25, 30, Fault.rateLimited(Duration.ofMillis(30))))
                .fault(onCall(Endpoint.DOWNLOAD, 3, Fault.disconnect()))
                .fault(onCall(Endpoint.DOWNLOAD, 11, Fault.downloadExpired()))
                .fault(onCall(Endpoint.DOWNLOAD, 17, Fault.slow(SLOWER_THAN_TIMEOUT)))
                .fault(onCall(Endpoint.DOWNLOAD, 23, Fault.serverError(500)));
    }

    static Stream<Unrecoverable> unrecoverable() {
        return Stream.of(
                new Unrecoverable("5xx on every get-file of one message",
                        (b, id) -> b.fault(forId(Endpoint.GET_FILE, id, Fault.serverError(503)))),
                new Unrecoverable("connection dropped on every download of one message",
                        (b, id) -> b.fault(forId(Endpoint.DOWNLOAD, id, Fault.disconnect()))),
                new Unrecoverable("every download URL of one message expired",
                        (b, id) -> b.fault(forId(Endpoint.DOWNLOAD, id, Fault.downloadExpired()))),
                new Unrecoverable("malformed JSON on every get-file of one message",
                        (b, id) -> b.fault(forId(Endpoint.GET_FILE, id, Fault.malformedJson()))));
    }
}
