package io.connectorkit.testkit.contract;

import io.connectorkit.api.Partition;

/**
 * Changes the source behind a connector under test, so the contract suite can check what an
 * incremental or full crawl makes of the change. Implemented by the test, usually on top of
 * the fake server or fixture that backs {@link SourceConnectorContractTest#config()}.
 *
 * <p>Changes must be visible to a session opened afterwards and to the next crawl of an open
 * session, with no waiting. The suite never assumes which document ids a change maps to: it
 * compares full crawls before and after.
 */
public interface SourceMutator {
    /**
     * Adds one new item to a partition, newer than everything the source held so far (an
     * incremental crawl from the latest checkpoint must see it).
     *
     * @param partition a partition the connector listed
     * @throws Exception if the source could not be changed; the test then errors
     */
    void addItem(Partition partition) throws Exception;

    /**
     * Removes one existing item from a partition.
     *
     * <p>Needed only by connectors that declare {@link io.connectorkit.api.Capability#DELETIONS}.
     * The default throws {@link UnsupportedOperationException}, which skips the deletion test
     * with a message naming this method.
     *
     * @param partition a partition the connector listed, holding at least one item
     * @throws Exception if the source could not be changed; the test then errors
     */
    default void deleteItem(Partition partition) throws Exception {
        throw new UnsupportedOperationException("SourceMutator.deleteItem is not implemented");
    }

    /**
     * Changes one existing item of a partition in place: same item, new content, so its
     * document keeps its id and must get a new version.
     *
     * <p>Needed only by connectors that declare {@link io.connectorkit.api.Capability#UPDATES}.
     * The default throws {@link UnsupportedOperationException}, which skips the update test with
     * a message naming this method.
     *
     * @param partition a partition the connector listed, holding at least one item
     * @throws Exception if the source could not be changed; the test then errors
     */
    default void updateItem(Partition partition) throws Exception {
        throw new UnsupportedOperationException("SourceMutator.updateItem is not implemented");
    }
}
