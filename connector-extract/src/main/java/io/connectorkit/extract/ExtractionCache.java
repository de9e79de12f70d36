package io.connectorkit.extract;

import io.connectorkit.runtime.extract.Extraction;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This run's results by SHA-256 of the content, so the same bytes (an attachment forwarded a
 * hundred times) are parsed once. Bounded by the total characters of text held: the least
 * recently used results go first. Also tracks parses in progress, so that a second extraction of
 * the same bytes waits for the first instead of parsing them again. Thread-safe.
 */
final class ExtractionCache {
    /** A rough per-entry cost in characters (key, record, map entry), so empty texts count too. */
    private static final int ENTRY_OVERHEAD = 64;

    private final long maxChars;
    private final LinkedHashMap<String, Extraction> results = new LinkedHashMap<>(64, 0.75f, true);
    private final ConcurrentHashMap<String, CompletableFuture<Extraction>> running = new ConcurrentHashMap<>();
    private long heldChars;

    /**
     * Creates a cache.
     *
     * @param maxChars the most characters of text held; 0 disables caching of results (parses in
     *     progress are still shared)
     */
    ExtractionCache(long maxChars) {
        if (maxChars < 0) {
            throw new IllegalArgumentException("Cache size is " + maxChars + " characters; use 0 or more");
        }
        this.maxChars = maxChars;
    }

    /** The cached result for these bytes, or {@code null}. */
    synchronized Extraction get(String sha256) {
        return results.get(sha256);
    }

    /** Caches a result, evicting the least recently used ones beyond the bound. */
    synchronized void put(String sha256, Extraction result) {
        long weight = weight(result);
        if (weight > maxChars) {
            return;
        }
        Extraction previous = results.put(sha256, result);
        if (previous != null) {
            heldChars -= weight(previous);
        }
        heldChars += weight;
        Iterator<Map.Entry<String, Extraction>> eldest = results.entrySet().iterator();
        while (heldChars > maxChars && eldest.hasNext()) {
            heldChars -= weight(eldest.next().getValue());
            eldest.remove();
        }
    }

    /** The parse of these bytes now running, or {@code null}. */
    CompletableFuture<Extraction> running(String sha256) {
        return running.get(sha256);
    }

    /**
     * Claims the parse of these bytes.
     *
     * @param sha256 the content's hash
     * @param mine the future the caller will complete with {@link #finish}
     * @return {@code null} when the caller now owns the parse, else the other caller's future
     */
    CompletableFuture<Extraction> claim(String sha256, CompletableFuture<Extraction> mine) {
        return running.putIfAbsent(sha256, mine);
    }

    /** Publishes the result of a claimed parse to the cache and to everyone waiting for it. */
    void finish(String sha256, CompletableFuture<Extraction> mine, Extraction result) {
        put(sha256, result);
        running.remove(sha256, mine);
        mine.complete(result);
    }

    /** Characters of text held, with the per-entry overhead. */
    synchronized long heldChars() {
        return heldChars;
    }

    /** Results held. */
    synchronized int size() {
        return results.size();
    }

    private static long weight(Extraction result) {
        return (long) result.text().length() + ENTRY_OVERHEAD;
    }
}
