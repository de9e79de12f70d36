package io.connectorkit.cli.bench.measure;

import static java.util.Objects.requireNonNull;

import io.connectorkit.simulator.mimecast.Endpoint;
import io.connectorkit.simulator.mimecast.FakeMimecastServer;
import java.util.EnumMap;
import java.util.Map;

/**
 * The simulator's request counters at one moment, per endpoint, and how many were answered
 * with 429. Two snapshots taken around a crawl give that crawl's calls, whatever ran before it.
 *
 * @param all requests per endpoint
 * @param throttled requests per endpoint answered with 429
 */
public record CallCounts(Map<Endpoint, Long> all, Map<Endpoint, Long> throttled) {
    public CallCounts {
        all = Map.copyOf(requireNonNull(all, "all"));
        throttled = Map.copyOf(requireNonNull(throttled, "throttled"));
    }

    /** No calls: what a source without simulator makes. */
    public static CallCounts none() {
        return new CallCounts(Map.of(), Map.of());
    }

    public static CallCounts of(FakeMimecastServer server) {
        Map<Endpoint, Long> all = new EnumMap<>(Endpoint.class);
        Map<Endpoint, Long> throttled = new EnumMap<>(Endpoint.class);
        for (Endpoint e : Endpoint.values()) {
            all.put(e, server.calls(e));
            throttled.put(e, server.calls(e, 429));
        }
        return new CallCounts(all, throttled);
    }

    /** The calls made since {@code earlier}. */
    public CallCounts minus(CallCounts earlier) {
        Map<Endpoint, Long> all = new EnumMap<>(Endpoint.class);
        Map<Endpoint, Long> throttled = new EnumMap<>(Endpoint.class);
        for (Endpoint e : Endpoint.values()) {
            all.put(e, calls(e) - earlier.calls(e));
            throttled.put(e, throttled(e) - earlier.throttled(e));
        }
        return new CallCounts(all, throttled);
    }

    public long calls(Endpoint e) {
        return all.getOrDefault(e, 0L);
    }

    long throttled(Endpoint e) {
        return throttled.getOrDefault(e, 0L);
    }

    /** Requests to {@code /api/...} functions, the ones Mimecast's quota counts, 429s included. */
    public long apiCalls() {
        return all.entrySet().stream().filter(e -> e.getKey().isApi()).mapToLong(Map.Entry::getValue).sum();
    }

    /** Requests to {@code /api/...} functions answered with 429. */
    public long apiThrottled() {
        return throttled.entrySet().stream().filter(e -> e.getKey().isApi()).mapToLong(Map.Entry::getValue).sum();
    }

    /** Requests that fetch content: get-file, get-message-part and the pre-signed downloads. */
    public long contentCalls() {
        return calls(Endpoint.GET_FILE) + calls(Endpoint.GET_MESSAGE_PART) + calls(Endpoint.DOWNLOAD);
    }
}
