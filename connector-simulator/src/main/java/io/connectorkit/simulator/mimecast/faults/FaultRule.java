package io.connectorkit.simulator.mimecast.faults;

import io.connectorkit.simulator.mimecast.Endpoint;
import io.connectorkit.simulator.mimecast.FakeMimecastServer;


import static java.util.Objects.requireNonNull;

/**
 * When to show a {@link Fault}: on which endpoint ({@code null} = every endpoint) and on which
 * calls. Call numbers count every request to the endpoint since start or the last
 * {@link FakeMimecastServer#resetCounters()}, starting at 1.
 *
 * @param endpoint the endpoint, or null for all
 * @param firstCall the first call number the rule applies to
 * @param lastCall the last call number the rule applies to (inclusive)
 * @param probability chance of applying to a matching call (1 = always)
 * @param seed seed of the random choice when {@code probability < 1}
 * @param id applies only to requests for this message/attachment id (or mailbox), null = any
 * @param fault the fault to show
 * @param laterPagesOnly applies only to requests for a later page of a listing (those that carry a
 *     page token), so that the first page of the listing is answered
 */
public record FaultRule(Endpoint endpoint, long firstCall, long lastCall, double probability, long seed, String id,
                        Fault fault, boolean laterPagesOnly) {
    /** A rule for any page. */
    public FaultRule(Endpoint endpoint, long firstCall, long lastCall, double probability, long seed, String id,
            Fault fault) {
        this(endpoint, firstCall, lastCall, probability, seed, id, fault, false);
    }

    public FaultRule {
        requireNonNull(fault, "fault");
        if (firstCall < 1 || lastCall < firstCall) {
            throw new IllegalArgumentException("calls must satisfy 1 <= first <= last, got " + firstCall + ".."
                    + lastCall);
        }
        if (probability <= 0 || probability > 1) {
            throw new IllegalArgumentException("probability must be in (0, 1], got " + probability);
        }
    }

    /** The fault on call number {@code n} of an endpoint. */
    public static FaultRule onCall(Endpoint endpoint, long n, Fault fault) {
        return new FaultRule(endpoint, n, n, 1, 0, null, fault);
    }

    /** The fault on calls {@code first..last} (a burst). */
    public static FaultRule onCalls(Endpoint endpoint, long first, long last, Fault fault) {
        return new FaultRule(endpoint, first, last, 1, 0, null, fault);
    }

    /** The fault on every call of an endpoint ({@code null} = every endpoint). */
    public static FaultRule always(Endpoint endpoint, Fault fault) {
        return new FaultRule(endpoint, 1, Long.MAX_VALUE, 1, 0, null, fault);
    }

    /** The fault on a random share of calls, repeatable through the seed. */
    public static FaultRule random(Endpoint endpoint, double probability, long seed, Fault fault) {
        return new FaultRule(endpoint, 1, Long.MAX_VALUE, probability, seed, null, fault);
    }

    /**
     * The fault in the middle of a listing: on every request naming this id (a mailbox) that asks
     * for a page after the first. The first page is answered as usual.
     */
    public static FaultRule laterPages(Endpoint endpoint, String id, Fault fault) {
        return new FaultRule(endpoint, 1, Long.MAX_VALUE, 1, 0, requireNonNull(id, "id"), fault, true);
    }

    /** The fault on every request naming this id (message, attachment or mailbox). */
    public static FaultRule forId(Endpoint endpoint, String id, Fault fault) {
        return new FaultRule(endpoint, 1, Long.MAX_VALUE, 1, 0, requireNonNull(id, "id"), fault);
    }
}
