package io.connectorkit.simulator.mimecast.faults;

import io.connectorkit.simulator.mimecast.Endpoint;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;

/** The scripted fault rules of a running server; picks the faults for each call. */
public final class FaultPlan {
    private record Entry(FaultRule rule, SplittableRandom random) {
    }

    private final List<Entry> entries = new CopyOnWriteArrayList<>();

    public void add(FaultRule rule) {
        entries.add(new Entry(rule, new SplittableRandom(rule.seed())));
    }

    public void clear() {
        entries.clear();
    }

    /**
     * Every fault whose rule matches this call, in the order the rules were added.
     *
     * @param laterPage whether the call asks for a page after the first of a listing
     */
    public List<Fault> match(Endpoint endpoint, long call, Collection<String> ids, boolean laterPage) {
        List<Fault> result = new ArrayList<>();
        for (Entry entry : entries) {
            FaultRule rule = entry.rule();
            if ((rule.endpoint() != null && rule.endpoint() != endpoint) || call < rule.firstCall()
                    || call > rule.lastCall() || (rule.id() != null && !ids.contains(rule.id()))
                    || (rule.laterPagesOnly() && !laterPage)) {
                continue;
            }
            if (rule.probability() < 1) {
                double roll;
                synchronized (entry.random()) {
                    roll = entry.random().nextDouble();
                }
                if (roll >= rule.probability()) {
                    continue;
                }
            }
            result.add(rule.fault());
        }
        return result;
    }
}
