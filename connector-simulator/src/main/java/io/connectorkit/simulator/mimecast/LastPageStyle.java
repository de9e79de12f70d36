package io.connectorkit.simulator.mimecast;

/** How the end of a paged listing is signalled. */
public enum LastPageStyle {
    /** The last page has no {@code next} (the documented form). */
    NO_NEXT,
    /** Every page has a {@code next}; the page after the last item is empty (as in Elastic's mock). */
    DUMMY_NEXT
}
