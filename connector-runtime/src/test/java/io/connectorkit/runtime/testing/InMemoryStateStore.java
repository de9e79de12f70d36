package io.connectorkit.runtime.testing;

import io.connectorkit.runtime.state.PartitionState;
import io.connectorkit.runtime.state.StateConflictException;
import io.connectorkit.runtime.state.StateStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Partition state in memory with the same optimistic-concurrency rule as the index. */
public final class InMemoryStateStore implements StateStore {
    private final Map<String, PartitionState> states = new TreeMap<>();
    private long seqNo;

    @Override
    public synchronized List<PartitionState> list() {
        return new ArrayList<>(states.values());
    }

    @Override
    public synchronized Optional<PartitionState> get(String partition) {
        return Optional.ofNullable(states.get(partition));
    }

    @Override
    public synchronized PartitionState save(PartitionState state) throws StateConflictException {
        PartitionState stored = states.get(state.partition());
        long expected = stored == null ? -1 : stored.seqNo();
        if (expected != state.seqNo()) {
            throw new StateConflictException(state.partition());
        }
        PartitionState saved = state.stored(++seqNo, 1);
        states.put(state.partition(), saved);
        return saved;
    }

    @Override
    public synchronized void delete(String partition) {
        states.remove(partition);
    }
}
