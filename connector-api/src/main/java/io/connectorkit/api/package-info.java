/**
 * The source connector SPI: what a connector implements and what a host offers it.
 *
 * <h2>Shape</h2>
 * A {@link io.connectorkit.api.SourceConnector} is found by {@link java.util.ServiceLoader}
 * (a {@code META-INF/services/io.connectorkit.api.SourceConnector} file names it). It is
 * stateless: it declares its configuration ({@link io.connectorkit.api.config.ConfigSpec}), checks a
 * configuration against the source ({@link io.connectorkit.api.SourceConnector#check}) and
 * opens a {@link io.connectorkit.api.ConnectorSession}. A session lists
 * {@link io.connectorkit.api.Partition partitions} (independent units of work, such as
 * mailboxes) and crawls one partition per call, emitting
 * {@link io.connectorkit.api.Document documents}, deletions, failures and
 * {@link io.connectorkit.api.Checkpoint checkpoints} into an
 * {@link io.connectorkit.api.Emitter}.
 *
 * <h2>The checkpoint rule</h2>
 * A checkpoint covers every document emitted before it in the same partition. The host
 * persists a checkpoint only after the index acknowledged all of those documents, so a crash
 * never leaves a checkpoint ahead of the data; a restart hands the last persisted checkpoint
 * back to {@link io.connectorkit.api.ConnectorSession#crawl}, and the connector resumes after it.
 * Re-emitting a document is always safe: ids are deterministic and writes are upserts.
 *
 * <h2>Cancellation</h2>
 * One signal: {@link io.connectorkit.api.ConnectorContext#cancelled()}. A connector checks it
 * between items and returns after a checkpoint; the emitter's writes throw
 * {@link io.connectorkit.api.CancelledException} once it is set, which unwinds a connector that
 * did not look.
 *
 * <h2>Errors</h2>
 * Every failure is a {@link io.connectorkit.api.ConnectorException} whose
 * {@link io.connectorkit.api.ErrorKind} alone decides what the host does: configuration,
 * authentication and permission problems stop the run; rate limits and transient faults are
 * retried; a problem with one item is reported through
 * {@link io.connectorkit.api.Emitter#failure} and never stops the partition.
 *
 * <h2>Dependencies</h2>
 * This package depends on the JDK only, so a connector built against it can run in any host.
 * New capabilities arrive as {@code default} methods, so existing connectors keep working.
 */
package io.connectorkit.api;
