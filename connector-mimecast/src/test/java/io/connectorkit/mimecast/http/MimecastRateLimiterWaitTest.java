package io.connectorkit.mimecast.http;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

import io.connectorkit.mimecast.MimecastConfig;
import io.connectorkit.mimecast.MimecastConfigTest;
import io.connectorkit.mimecast.MimecastKeys;
import io.connectorkit.testkit.contract.RecordingContext;
import io.connectorkit.simulator.mimecast.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.InOrder;

/**
 * The waits the limiter takes, seen at its sleeper: which durations it waits and that it does not
 * wait when nothing asks it to. The sleeper moves a manual clock by what it was asked to wait, as
 * a real wait would, so the durations are exact.
 */
class MimecastRateLimiterWaitTest {
    @TempDir
    Path temp;

    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-02T09:00:00Z"));
    private final MimecastSleeper sleeper = mock(MimecastSleeper.class);
    private MimecastRateLimiter limiter;

    @BeforeEach
    void setUp() throws Exception {
        doAnswer(call -> {
            clock.advance(Duration.ofMillis(call.getArgument(1, Long.class)));
            return null;
        }).when(sleeper).await(any(), anyLong());
        Map<String, String> m = MimecastConfigTest.minimal();
        m.put("mimecast.retry-after-multiplier", "1000");
        limiter = new MimecastRateLimiter(MimecastConfig.from(MimecastKeys.spec().parse(m)),
                new RecordingContext("test", clock, temp), sleeper);
    }

    private static Function<String, String> headers(Map<String, String> values) {
        return values::get;
    }

    @Test
    void aRetryAfterHintIsWaitedBeforeTheNextCall() throws Exception {
        limiter.awaitTurn();
        limiter.rateLimited(headers(Map.of("Retry-After", "0.15")), 1);
        limiter.done();
        verify(sleeper, never()).await(any(), anyLong());
        limiter.awaitTurn();
        verify(sleeper).await(any(), eq(150L));
        verifyNoMoreInteractions(sleeper);
    }

    @Test
    void aShortHintSpacesEveryLaterCallByTheHint() throws Exception {
        limiter.rateLimited(headers(Map.of("X-RateLimit-Reset", "40")), 1);
        limiter.awaitTurn();
        limiter.done();
        limiter.awaitTurn();
        limiter.done();
        verify(sleeper, times(2)).await(any(), eq(40L));
        verifyNoMoreInteractions(sleeper);
    }

    @Test
    void aLongWaitIsTakenInSlicesSoThatTheLimiterLooksAgainMeanwhile() throws Exception {
        limiter.rateLimited(headers(Map.of("Retry-After", "0.5")), 1);
        limiter.awaitTurn();
        InOrder order = inOrder(sleeper);
        order.verify(sleeper, times(2)).await(any(), eq(200L));
        order.verify(sleeper).await(any(), eq(100L));
        verifyNoMoreInteractions(sleeper);
    }

    @Test
    void withoutAHintTheBackoffDoublesWithEach429() throws Exception {
        limiter.rateLimited(headers(Map.of()), 1);
        limiter.awaitTurn();
        limiter.done();
        verify(sleeper, times(5)).await(any(), eq(200L));
        limiter.rateLimited(headers(Map.of()), 2);
        limiter.awaitTurn();
        verify(sleeper, times(15)).await(any(), eq(200L));
        verifyNoMoreInteractions(sleeper);
    }

    @Test
    void aSpentQuotaIsWaitedUntilJustAfterItsReset() throws Exception {
        limiter.observe(headers(Map.of("X-RateLimit-Limit", "100", "X-RateLimit-Remaining", "0",
                "X-RateLimit-Reset", "130")));
        limiter.awaitTurn();
        verify(sleeper).await(any(), eq(150L));
        verifyNoMoreInteractions(sleeper);
    }

    @Test
    void aQuotaWithCallsLeftIsNotWaitedFor() throws Exception {
        limiter.observe(headers(Map.of("X-RateLimit-Limit", "100", "X-RateLimit-Remaining", "3",
                "X-RateLimit-Reset", "60000")));
        limiter.awaitTurn();
        limiter.awaitTurn();
        limiter.awaitTurn();
        verify(sleeper, never()).await(any(), anyLong());
    }
}
