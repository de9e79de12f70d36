package io.connectorkit.mimecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MimecastRateLimiterTest {
    @TempDir
    Path temp;

    private MimecastRateLimiter limiter() throws Exception {
        Map<String, String> m = MimecastConfigTest.minimal();
        m.put("mimecast.retry-after-multiplier", "1000");
        return new MimecastRateLimiter(MimecastConfig.from(MimecastKeys.spec().parse(m)), new TestContext(temp));
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
        assertThat(limiter.spacing()).as("a quarter wider, not narrowed to the smaller hint")
                .isEqualTo(Duration.ofMillis(25));
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
        for (int i = 0; i < 2_000; i++) {
            limiter.observe(ok);
        }
        assertThat(limiter.spacing()).as("after many answered calls the spacing is gone").isZero();
    }
}
