package io.connectorkit.api;

import java.nio.file.Path;
import java.time.Clock;

/**
 * What the host offers a connector. One context per run; safe to use from every crawl thread.
 */
public interface ConnectorContext {
    /**
     * The configured {@code connector.id}: the name of this source.
     *
     * @return the source id
     */
    String connectorId();

    /**
     * What the index already holds, for skipping unchanged content.
     *
     * @return the look-up, never {@code null}
     */
    KnownDocuments knownDocuments();

    /**
     * The clock to read "now" from (crawl windows end at the time a crawl started). Tests
     * substitute a fixed clock.
     *
     * @return the clock
     */
    Clock clock();

    /**
     * Counters for progress and summaries.
     *
     * @return the recorder, never {@code null}
     */
    ConnectorMetrics metrics();

    /**
     * A directory the connector may use for temporary files (spooled downloads). It exists and
     * is private to this run; the connector deletes what it creates.
     *
     * @return the directory
     */
    Path tempDirectory();

    /**
     * Whether the host asked the run to stop: the one cancellation signal of the SPI.
     *
     * <p>It lives here rather than on the {@link Emitter} because cancellation belongs to the run,
     * not to one partition, and the context reaches every place a connector waits: a crawl's item
     * loop, a {@link SourceConnector#check}, and the parts a session shares between partitions (a
     * rate limiter, a retry loop) that have no emitter. A connector checks it between items and
     * before every wait, and when it is {@code true} emits a checkpoint for what it has done and
     * returns (or throws {@link CancelledException} to unwind from deep inside a wait). Once it is
     * {@code true} it stays {@code true}, and the emitter's writes throw {@link CancelledException}.
     *
     * <p><b>Threading.</b> Cheap and safe to call from any thread, as often as needed.
     *
     * @return {@code true} once the run is cancelled
     */
    boolean cancelled();
}
