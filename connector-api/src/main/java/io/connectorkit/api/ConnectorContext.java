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
     * Whether the host asked the run to stop.
     *
     * @return {@code true} once the run is cancelled
     */
    boolean cancelled();
}
