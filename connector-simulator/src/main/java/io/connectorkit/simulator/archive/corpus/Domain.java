package io.connectorkit.simulator.archive.corpus;

import static java.util.Objects.requireNonNull;

/**
 * An internal domain of the tenant, as get-internal-domain returns it.
 *
 * @param id the secure id
 * @param domain the domain name, without "@"
 * @param local whether the domain is flagged local
 * @param sendOnly whether the domain only sends
 * @param inboundType one of any, smtp, ldap, known
 */
public record Domain(String id, String domain, boolean local, boolean sendOnly, String inboundType) {
    public Domain {
        requireNonNull(id, "id");
        requireNonNull(domain, "domain");
        requireNonNull(inboundType, "inboundType");
    }

    /** Returns a copy with another {@code local} flag. */
    public Domain withLocal(boolean newLocal) {
        return new Domain(id, domain, newLocal, sendOnly, inboundType);
    }
}
