package io.connectorkit.api;

import java.util.Map;
import java.util.Objects;

/**
 * An independent unit of crawling, such as one mailbox. Partitions are crawled in parallel,
 * each has its own checkpoint, and a partition that a successful listing no longer returns has
 * its documents removed.
 *
 * @param id stable identifier, unique within a source (for Mimecast: the mailbox address);
 *     used as the key of the partition's state
 * @param displayName what people see in progress and status output
 * @param attributes small descriptive values (such as the domain), never secrets
 */
public record Partition(String id, String displayName, Map<String, String> attributes) {
    /**
     * Validates the components and copies the attributes. Each component is described once, in the
     * record's description.
     *
     * @param id the {@linkplain #id() id}
     * @param displayName the {@linkplain #displayName() displayName}
     * @param attributes the {@linkplain #attributes() attributes}
     * @throws NullPointerException if a component is {@code null}
     * @throws IllegalArgumentException if {@code id} is blank
     */
    public Partition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        attributes = Map.copyOf(Objects.requireNonNull(attributes, "attributes"));
        if (id.isBlank()) {
            throw new IllegalArgumentException("A partition id must not be blank");
        }
    }

    /**
     * A partition whose display name is its id and that has no attributes.
     *
     * @param id the partition id
     * @return the partition
     */
    public static Partition of(String id) {
        return new Partition(id, id, Map.of());
    }
}
