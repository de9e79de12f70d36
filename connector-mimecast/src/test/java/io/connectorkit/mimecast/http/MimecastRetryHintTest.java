package io.connectorkit.mimecast.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class MimecastRetryHintTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private static Double hint(Map<String, String> headers) {
        Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        h.putAll(headers);
        return MimecastRetryHint.seconds(h::get, NOW).orElse(null);
    }

    @Test
    void retryAfterIsSeconds() {
        assertThat(hint(Map.of("Retry-After", "3"))).isEqualTo(3.0);
    }

    @Test
    void retryAfterWinsOverReset() {
        assertThat(hint(Map.of("Retry-After", "2", "X-RateLimit-Reset", "9000"))).isEqualTo(2.0);
    }

    @Test
    void retryAfterHttpDateIsTheTimeUntilThen() {
        assertThat(hint(Map.of("Retry-After", "Thu, 01 Jan 2026 00:00:05 GMT"))).isEqualTo(5.0);
    }

    @Test
    void resetIsMillisecondsByDefault() {
        assertThat(hint(Map.of("X-RateLimit-Reset", "2500"))).isEqualTo(2.5);
    }

    @Test
    void resetSpelledWithDashesIsRead() {
        assertThat(hint(Map.of("x-rate-limit-reset", "1500"))).isEqualTo(1.5);
    }

    @Test
    void epochSecondsAreRecognised() {
        long epochSeconds = NOW.getEpochSecond() + 7;
        assertThat(hint(Map.of("X-RateLimit-Reset", Long.toString(epochSeconds)))).isCloseTo(7.0, within(0.001));
    }

    @Test
    void epochMillisecondsAreRecognised() {
        long epochMillis = NOW.toEpochMilli() + 4_500;
        assertThat(hint(Map.of("X-RateLimit-Reset", Long.toString(epochMillis)))).isCloseTo(4.5, within(0.001));
    }

    @Test
    void pastEpochMeansNoWait() {
        assertThat(hint(Map.of("X-RateLimit-Reset", Long.toString(NOW.getEpochSecond() - 100)))).isEqualTo(0.0);
    }

    @Test
    void noHeaderOrGarbageMeansNoHint() {
        assertThat(hint(Map.of())).isNull();
        assertThat(hint(Map.of("X-RateLimit-Reset", "soon"))).isNull();
    }
}
