package io.connectorkit.cli;

import java.util.List;

/** The groups of keys that {@code docs/configuration.md} documents, in order. */
final class ConfigSections {
    private ConfigSections() {
    }

    static List<ConfigDocGenerator.Section> all() {
        return List.of();
    }
}
