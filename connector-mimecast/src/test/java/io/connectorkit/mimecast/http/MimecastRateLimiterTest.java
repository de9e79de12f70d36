package io.connectorkit.mimecast.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectorkit.api.CancelledException;
import io.connectorkit.api.ConnectorMetrics;
import io.connectorkit.mimecast.MimecastConfig;
import io.connectorkit.mimecast.MimecastConfigTest;
import io.connectorkit.mimecast.MimecastKeys;
import io.connectorkit.testkit.contract.RecordingContext;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MimecastRateLimiterTest {
    @TempDir
    Path temp;

    private MimecastRateLimiter limiter() throws Exception {
        return limiter(new RecordingContext("test", Clock.systemUTC(), temp));
    }

    private static MimecastRateLimiter limiter(RecordingContext context) throws Exception {
        Map<String, String> m = MimecastConfigTest.minimal();
        m.put("mimecast.retry-after-multiplier", "1000");
        return new MimecastRateLimiter(MimecastConfig.from(MimecastKeys.spec().parse(m)), context,
                MimecastSleeper.ON_MONITOR);
    }

    private static Function<String, String> quota(long limit, long remaining, String reset) {
        return headers(Map.of("X-RateLimit-Limit", String.valueOf(limit), "X-RateLimit-Remaining",
                String.valueOf(remaining), "X-RateLimit-Reset", reset));
    }

    private static Function<String, String> headers(Map<String, String> values) {
        return name -> values.get(name);
    }

    @Test
    void a429SpacesCallsOutByAtLeastTheServersHintAndEachFurther429WidensTheSpacing() throws Exception {
        MimecastRateLimiter limiter = limiter();
        assertThat(limiter.spacing()).as("no spacing before any 429").isZero();
        limiter.rateLimited(headers(Map.of("X-RateLimit-Reset", "20")), 1);
        assertThat(limiter.spacing()).isEqualTo(Duration.ofMillis(20));
        limiter.rateLimited(headers(Map.of("X-RateLimit-Reset", "4")), 1);
        assertThat(limiter.spacing()).as("a tenth wider, not narrowed to the smaller hint")
                .isEqualTo(Duration.ofMillis(22));
    }

    @Test
    void the429sOfCallsAlreadyInFlightWidenTheSpacingOnce() throws Exception {
        MimecastRateLimiter limiter = limiter();
        for (int i = 0; i < 3; i++) {
            limiter.awaitTurn();
        }
        for (int i = 0; i < 3; i++) {
            limiter.rateLimited(headers(Map.of("X-RateLimit-Reset", "20")), 1);
            limiter.done();
        }
        assertThat(limiter.spacing()).as("three parallel 429s are one event").isEqualTo(Duration.ofMillis(20));
        limiter.awaitTurn();
        limiter.rateLimited(headers(Map.of("X-RateLimit-Reset", "20")), 1);
        limiter.done();
        assertThat(limiter.spacing()).as("a 429 of a call started after the growth widens it again")
                .isEqualTo(Duration.ofMillis(22));
    }

    @Test
    void aLongHintIsWaitedOutWithoutSpacingLaterCalls() throws Exception {
        MimecastRateLimiter limiter = limiter();
        limiter.rateLimited(headers(Map.of("X-RateLimit-Reset", "2500")), 1);
        limiter.rateLimited(headers(Map.of()), 2);
        assertThat(limiter.spacing()).as("a 2.5 s window and a backoff without hint are not a per-call pace")
                .isZero();
    }

    @Test
    void answeredCallsNarrowTheSpacingUntilCallsAreNoLongerSpacedOut() throws Exception {
        MimecastRateLimiter limiter = limiter();
        limiter.rateLimited(headers(Map.of("X-RateLimit-Reset", "20")), 1);
        Function<String, String> ok = headers(Map.of("X-RateLimit-Remaining", "900"));
        limiter.observe(ok);
        assertThat(limiter.spacing()).isLessThan(Duration.ofMillis(20)).isGreaterThan(Duration.ofMillis(19));
        for (int i = 0; i < 40_000; i++) {
            limiter.observe(ok);
        }
        assertThat(limiter.spacing()).as("after many answered calls the spacing is gone").isZero();
    }

    @Test
    void aSpentQuotaHoldsTheNextCallUntilItsReset() throws Exception {
        // A cancelled run throws where the limiter would wait, so the tests see whether a call would wait.
        RecordingContext context = new RecordingContext("test", Clock.systemUTC(), temp);
        context.cancel();
        MimecastRateLimiter limiter = limiter(context);
        limiter.observe(quota(100, 1, "60000"));
        limiter.awaitTurn();
        assertThatThrownBy(limiter::awaitTurn).as("the one call left is in flight").isInstanceOf(CancelledException.class);
        limiter.observe(quota(100, 0, "59990"));
        limiter.done();
        assertThat(limiter.quotaRemaining()).isZero();
        assertThatThrownBy(limiter::awaitTurn).as("spent until the reset a minute away")
                .isInstanceOf(CancelledException.class);
        assertThat(context.counter(ConnectorMetrics.QUOTA_WAIT_UNTIL_MILLIS))
                .as("the wait is shown with its end").isGreaterThan(System.currentTimeMillis() + 50_000);
        assertThat(context.counter(ConnectorMetrics.QUOTA_LIMIT)).isEqualTo(100);
        assertThat(context.counter(ConnectorMetrics.QUOTA_REMAINING)).isZero();
    }

    @Test
    void aLateAnswerOfTheSameWindowDoesNotRaiseTheRemainingCountButANewWindowDoes() throws Exception {
        RecordingContext context = new RecordingContext("test", Clock.systemUTC(), temp);
        MimecastRateLimiter limiter = limiter(context);
        limiter.observe(quota(500, 40, "30000"));
        limiter.observe(quota(500, 42, "30010"));
        assertThat(limiter.quotaRemaining()).isEqualTo(40);
        limiter.observe(quota(500, 499, "90000"));
        assertThat(limiter.quotaRemaining()).as("a reset a minute later is the next window").isEqualTo(499);
        assertThat(context.counter(ConnectorMetrics.QUOTA_REMAINING)).isEqualTo(499);
        assertThat(context.counter(ConnectorMetrics.QUOTA_WINDOW_MILLIS)).isBetween(89_000L, 90_000L);
    }

    @Test
    void aResetGivenAsEpochSecondsIsTheSameReset() throws Exception {
        RecordingContext context = new RecordingContext("test", Clock.systemUTC(), temp);
        MimecastRateLimiter limiter = limiter(context);
        long epochSeconds = System.currentTimeMillis() / 1000 + 120;
        limiter.observe(quota(300, 0, String.valueOf(epochSeconds)));
        assertThat(context.counter(ConnectorMetrics.QUOTA_RESET_AT_MILLIS))
                .isBetween((epochSeconds - 1) * 1000, (epochSeconds + 1) * 1000);
        limiter.observe(headers(Map.of("X-Rate-Limit-Limit", "300", "X-Rate-Limit-Remaining", "0",
                "X-Rate-Limit-Reset", String.valueOf(epochSeconds * 1000))));
        assertThat(context.counter(ConnectorMetrics.QUOTA_RESET_AT_MILLIS)).as("epoch milliseconds, hyphenated names")
                .isBetween((epochSeconds - 1) * 1000, (epochSeconds + 1) * 1000);
    }

    @Test
    void aQuotaWithCallsLeftLetsCallsStart() throws Exception {
        RecordingContext cancelled = new RecordingContext("test", Clock.systemUTC(), temp);
        cancelled.cancel();
        MimecastRateLimiter limiter = limiter(cancelled);
        limiter.observe(quota(100, 3, "60000"));
        limiter.awaitTurn();
        limiter.awaitTurn();
        limiter.awaitTurn();
        assertThatThrownBy(limiter::awaitTurn).isInstanceOf(CancelledException.class);
    }
}
