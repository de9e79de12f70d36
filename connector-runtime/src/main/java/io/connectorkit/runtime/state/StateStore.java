package io.connectorkit.runtime.state;

import java.util.List;
import java.util.Optional;

/**
 * Per-partition crawl state of one source. Writes use optimistic concurrency: a write based on
 * a stale read fails with {@link StateConflictException} instead of overwriting another
 * writer's state.
 *
 * <p><b>Threading.</b> Safe for concurrent use; callers serialise writes to one partition.
 */
public interface StateStore {
    /**
     * Every partition with stored state.
     *
     * @return the states, sorted by partition
     * @throws StateStoreException if the store cannot be read
     */
    List<PartitionState> list() throws StateStoreException;

    /**
     * One partition's state.
     *
     * @param partition the partition id
     * @return the state, or empty when none is stored
     * @throws StateStoreException if the store cannot be read
     */
    Optional<PartitionState> get(String partition) throws StateStoreException;

    /**
     * Stores a state, conditional on the stored one being the one it was read from
     * ({@link PartitionState#seqNo()} -1 means "must not exist yet").
     *
     * @param state the state
     * @return the state with its new storage coordinates
     * @throws StateConflictException if another writer changed the state meanwhile
     * @throws StateStoreException if the store cannot be written
     */
    PartitionState save(PartitionState state) throws StateStoreException;

    /**
     * Removes a partition's state.
     *
     * @param partition the partition id
     * @throws StateStoreException if the store cannot be written
     */
    void delete(String partition) throws StateStoreException;
}
