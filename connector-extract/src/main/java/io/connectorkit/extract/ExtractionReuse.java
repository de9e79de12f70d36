package io.connectorkit.extract;

import static java.util.Objects.requireNonNull;

import io.connectorkit.runtime.extract.EarlierExtractions;
import io.connectorkit.runtime.extract.Extraction;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Finds earlier results for the same bytes, so that they are parsed once: this run's cache, a
 * parse of the same bytes still running (waited for), then {@link EarlierExtractions} from earlier runs.
 * Counts every result it reuses.
 */
final class ExtractionReuse {
    private static final Logger LOG = LogManager.getLogger(ExtractionReuse.class);

    private final ExtractionCache cache;
    private final EarlierExtractions earlierExtractions;
    private final ExtractionCounters counters;
    private final long timeoutSeconds;

    ExtractionReuse(ExtractionCache cache, EarlierExtractions earlier, ExtractionCounters counters, long timeoutSeconds) {
        this.cache = requireNonNull(cache, "cache");
        this.earlierExtractions = requireNonNull(earlier, "earlier");
        this.counters = requireNonNull(counters, "counters");
        this.timeoutSeconds = timeoutSeconds;
    }

    /**
     * An earlier result for these bytes, or {@code null} when they must be parsed.
     *
     * @param boundedWait whether to wait for a running parse at most the timeout (on a crawl
     *     thread, outside the pool); a pool thread waits as long as its own caller lets it
     */
    Extraction earlier(String sha, boolean boundedWait) {
        Extraction cached = cache.get(sha);
        if (cached == null) {
            CompletableFuture<Extraction> running = cache.running(sha);
            cached = running == null ? null : await(running, boundedWait);
        }
        if (cached != null) {
            counters.cacheHit();
            return cached;
        }
        Optional<Extraction> known = lookUpEarlier(sha);
        if (known.isPresent()) {
            counters.earlierExtractionHit();
            Extraction k = known.get();
            return new Extraction(k.text() == null ? "" : k.text(), k.mediaType(), k.language(), k.truncated(), sha,
                    k.bytes(), k.failure());
        }
        return null;
    }

    /**
     * Claims the parse of these bytes, or reuses the result of whoever claimed it first.
     *
     * @param mine completed by {@link #finish} once the caller has parsed
     * @return the other parse's result, or {@code null} when the caller must parse
     */
    Extraction claim(String sha, CompletableFuture<Extraction> mine) {
        CompletableFuture<Extraction> other = cache.claim(sha, mine);
        Extraction earlier = other != null ? await(other, false) : cache.get(sha);
        // A null from an awaited claim means the wait was interrupted: parse anyway, the caller
        // has given up and its answer is ignored. A cached result found here was published
        // between the caller's lookup and its claim.
        if (earlier != null) {
            if (other == null) {
                cache.finish(sha, mine, earlier);
            }
            counters.cacheHit();
        }
        return earlier;
    }

    /** Publishes the result of a claimed parse. */
    void finish(String sha, CompletableFuture<Extraction> mine, Extraction result) {
        cache.finish(sha, mine, result);
    }

    private Optional<Extraction> lookUpEarlier(String sha) {
        try {
            Optional<Extraction> known = earlierExtractions.find(sha);
            return known == null ? Optional.empty() : known;
        } catch (RuntimeException e) {
            LOG.warn("Looking up earlier text of content {} failed ({}); extracting it again", sha,
                    ExtractionFailures.detail(e));
            return Optional.empty();
        }
    }

    private Extraction await(CompletableFuture<Extraction> other, boolean bounded) {
        try {
            return bounded ? other.get(timeoutSeconds, TimeUnit.SECONDS) : other.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException e) {
            return null;
        }
    }
}
