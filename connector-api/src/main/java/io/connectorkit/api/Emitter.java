package io.connectorkit.api;

/**
 * Where a crawl sends its results. The host gives each {@link ConnectorSession#crawl} call its
 * own emitter, bound to one partition: every document, deletion and failure emitted to it belongs
 * to that partition, which is why {@link Document} and {@link ItemFailure} do not name one.
 *
 * <p><b>Threading.</b> An emitter is used by the thread that called {@code crawl} (or threads it
 * waits for); it is not shared between partitions. Its methods may block when the host applies
 * back-pressure (its queue to the index is full), which is how a fast source is slowed to the
 * index's pace.
 *
 * <p><b>Cancellation.</b> A connector learns that the run was cancelled from
 * {@link ConnectorContext#cancelled()}, the one signal. Once it is {@code true}, {@link #upsert},
 * {@link #unchanged} and {@link #delete} throw {@link CancelledException}: that is the host
 * unwinding a connector that goes on (or is blocked by back-pressure), not a second signal to
 * wait for. {@link #checkpoint} and {@link #failure} are still accepted, so a connector that
 * sees the signal records how far it got and returns.
 *
 * <p><b>Ordering.</b> Calls are processed in order. A {@link #checkpoint} covers every
 * {@link #upsert}, {@link #unchanged}, {@link #delete} and {@link #failure} before it.
 *
 * <p><b>Parents and children.</b> A document and the documents upserted right after it whose
 * {@link Document#parentId()} is it (or one of them) are one unit: the host writes the parent
 * only after those children are acknowledged, and not at all when the unit is cut short (the run
 * is cancelled or the crawl fails before the unit ends). A parent that {@link KnownDocuments}
 * reports at its version therefore has all its children in the index. A {@link #failure}
 * reported while a unit is open marks it incomplete: its parent is written but not reported as
 * known, so the next crawl emits it again.
 */
public interface Emitter {
    /**
     * Adds or replaces a document. The host may read {@link Document#binary()} before this call
     * returns and will not read it afterwards.
     *
     * @param document the document; it belongs to this emitter's partition
     * @throws CancelledException if the run was cancelled; let it propagate
     */
    void upsert(Document document);

    /**
     * Declares that a document the index already holds still exists at the version
     * {@link KnownDocuments} reported, so it is not sent again. Nothing is downloaded or
     * re-indexed, but a {@link CrawlMode#FULL} crawl's sweep keeps the document and the
     * documents whose parent it is. A connector that skips unchanged items through
     * {@code KnownDocuments} must call this for each of them.
     *
     * @param documentId the id of a document that {@link KnownDocuments#versions} returned
     * @throws CancelledException if the run was cancelled; let it propagate
     */
    void unchanged(String documentId);

    /**
     * Removes a document (and the documents whose parent it is) if it exists.
     *
     * @param documentId the id of the document to remove
     * @throws CancelledException if the run was cancelled; let it propagate
     */
    void delete(String documentId);

    /**
     * Records one item that could not be crawled. The partition goes on.
     *
     * @param failure what failed and why
     */
    void failure(ItemFailure failure);

    /**
     * Marks a position: once every earlier document is acknowledged by the index, the host
     * persists this checkpoint, and a later crawl of the partition resumes from it.
     *
     * @param checkpoint the position after everything emitted so far; accepted after cancellation
     *     too, so a connector can record how far it got before it returns
     */
    void checkpoint(Checkpoint checkpoint);

    /**
     * Declares that the listing of the partition was complete and without error: every item
     * that exists was emitted (or reported as a failure). Only after this call does a
     * {@link CrawlMode#FULL} crawl remove documents that were not seen again. Do not call it
     * after a listing that stopped early. (A host may still refuse a sweep that would delete too
     * large a share of the partition's documents; the connector cannot rely on it.)
     */
    void partitionComplete();
}
