package io.connectorkit.simulator.mimecast;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Thread-safe record of requests and counters per endpoint and per (endpoint, status). Counters
 * are exact; only the most recent {@code limit} requests are kept, so long runs stay small.
 */
public final class CallLog {
    private final Map<Endpoint, AtomicLong> arrivals = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> answered = new ConcurrentHashMap<>();
    private final Deque<RecordedRequest> requests = new ArrayDeque<>();
    private final int limit;

    CallLog(int limit) {
        this.limit = limit;
    }

    /** Counts an arriving call and returns its 1-based number for the endpoint. */
    long arrive(Endpoint endpoint) {
        return arrivals.computeIfAbsent(endpoint, e -> new AtomicLong()).incrementAndGet();
    }

    public void answer(RecordedRequest request) {
        answered.computeIfAbsent(request.endpoint() + ":" + request.status(), k -> new AtomicLong()).incrementAndGet();
        synchronized (requests) {
            requests.addLast(request);
            if (requests.size() > limit) {
                requests.removeFirst();
            }
        }
    }

    long calls(Endpoint endpoint) {
        AtomicLong count = arrivals.get(endpoint);
        return count == null ? 0 : count.get();
    }

    long calls(Endpoint endpoint, int status) {
        AtomicLong count = answered.get(endpoint + ":" + status);
        return count == null ? 0 : count.get();
    }

    List<RecordedRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    void reset() {
        arrivals.clear();
        answered.clear();
        synchronized (requests) {
            requests.clear();
        }
    }
}
