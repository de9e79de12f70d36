package io.connectorkit.runtime.index;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The content index as the pipeline writes it: the write port. Every document carries the
 * source id, its partition and the generation of the run that wrote it; deletions are limited to
 * this source's documents. What the index holds is read through {@link DocumentReader}.
 *
 * <p><b>Threading.</b> Safe for concurrent use.
 */
public interface DocumentSink {
    /**
     * Writes a batch. Retries the whole request and the items the index asks to retry (429, 5xx,
     * blocks); items it rejects for good come back as errors while the rest land.
     *
     * @param actions the writes, in order
     * @return one entry per action: {@code null} when acknowledged, else the index's reason
     * @throws SinkException if the batch could not be written after retries
     */
    List<String> write(List<SinkAction> actions) throws SinkException;

    /**
     * Re-stamps documents the index already holds, and the documents whose parent they are,
     * with a run's generation, so that the run's sweep keeps them. Ids that do not exist are
     * ignored.
     *
     * @param partition the partition the documents belong to
     * @param generation the current run's generation
     * @param ids the unchanged documents
     * @throws SinkException if the index cannot be written
     */
    void stampUnchanged(String partition, long generation, Collection<String> ids) throws SinkException;

    /**
     * Deletes the documents whose parent is one of the given ids.
     *
     * @param parentIds parent document ids
     * @return how many documents were deleted
     * @throws SinkException if the index cannot be written
     */
    long deleteChildren(Collection<String> parentIds) throws SinkException;

    /**
     * Deletes a partition's documents written by runs before {@code generation}, except the
     * spared ids and their children.
     *
     * @param partition the partition
     * @param generation the current run's generation
     * @param spared ids not to delete, with their children (items that failed in this run, the
     *     unchanged documents the run remembers)
     * @return how many documents were deleted
     * @throws SinkException if the index cannot be written
     */
    long sweep(String partition, long generation, Set<String> spared) throws SinkException;

    /**
     * Counts what {@link #sweep} with the same arguments would delete, and the partition's
     * documents, deleting nothing: the sweep breaker and the dry run decide on it.
     *
     * @param partition the partition
     * @param generation the current run's generation
     * @param spared ids not to count (and their children)
     * @return the counts
     * @throws SinkException if the index cannot be queried
     */
    SweepCount countSweep(String partition, long generation, Set<String> spared) throws SinkException;

    /**
     * Deletes every document of a partition.
     *
     * @param partition the partition
     * @return how many documents were deleted
     * @throws SinkException if the index cannot be written
     */
    long deletePartition(String partition) throws SinkException;
}
