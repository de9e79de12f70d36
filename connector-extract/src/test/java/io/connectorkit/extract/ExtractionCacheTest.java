package io.connectorkit.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectorkit.runtime.extract.Extraction;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ExtractionCacheTest {
    @Test
    void evictsLeastRecentlyUsedResultsBeyondItsCharacterBound() {
        ExtractionCache cache = new ExtractionCache(3 * (1_000 + 64));
        cache.put("a", text(1_000));
        cache.put("b", text(1_000));
        cache.put("c", text(1_000));
        cache.get("a");

        cache.put("d", text(1_000));

        assertThat(cache.get("a")).isNotNull();
        assertThat(cache.get("b")).isNull();
        assertThat(cache.get("c")).isNotNull();
        assertThat(cache.get("d")).isNotNull();
        assertThat(cache.heldChars()).isLessThanOrEqualTo(3 * (1_000 + 64));
    }

    @Test
    void skipsResultsLargerThanTheWholeBound() {
        ExtractionCache cache = new ExtractionCache(500);
        cache.put("small", text(100));

        cache.put("huge", text(10_000));

        assertThat(cache.get("huge")).isNull();
        assertThat(cache.get("small")).isNotNull();
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void secondClaimOfTheSameBytesGetsTheFirstClaimsResult() {
        ExtractionCache cache = new ExtractionCache(10_000);
        CompletableFuture<Extraction> first = new CompletableFuture<>();
        CompletableFuture<Extraction> second = new CompletableFuture<>();

        assertThat(cache.claim("x", first)).isNull();
        CompletableFuture<Extraction> joined = cache.claim("x", second);
        cache.finish("x", first, text(10));

        assertThat(joined).isSameAs(first);
        assertThat(joined.join().text()).hasSize(10);
        assertThat(cache.running("x")).isNull();
        assertThat(cache.get("x")).isNotNull();
    }

    private static Extraction text(int chars) {
        return new Extraction("x".repeat(chars), "text/plain", null, false, null, chars, null);
    }
}
