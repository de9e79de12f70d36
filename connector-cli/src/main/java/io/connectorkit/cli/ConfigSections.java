package io.connectorkit.cli;

import io.connectorkit.api.ConfigKey;
import io.connectorkit.api.ConfigSpec;
import io.connectorkit.api.SourceConnector;
import io.connectorkit.runtime.extract.ExtractionConfig;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The groups of keys that {@code docs/configuration.md} documents, in order: the host's own keys
 * by prefix, content extraction, then each installed connector's keys.
 */
final class ConfigSections {
    private ConfigSections() {
    }

    static List<ConfigDocGenerator.Section> all() {
        List<ConfigDocGenerator.Section> sections = new ArrayList<>();
        sections.add(new ConfigDocGenerator.Section("Content extraction (runtime)",
                "Text is extracted from binary content (attachments, whole messages) with Apache Tika before"
                        + " indexing. A parse that fails or times out still indexes the document's metadata and"
                        + " records the failure.", ExtractionConfig.SPEC));
        List<SourceConnector> connectors = new ArrayList<>();
        ServiceLoader.load(SourceConnector.class, ConfigSections.class.getClassLoader()).forEach(connectors::add);
        connectors.sort(Comparator.comparing(SourceConnector::type));
        for (SourceConnector connector : connectors) {
            sections.add(new ConfigDocGenerator.Section("Connector `" + connector.type() + "` (" + connector.displayName()
                    + ")", "Keys read when `connector.type=" + connector.type() + "`.", connector.configSpec()));
        }
        return sections;
    }

    /**
     * The keys of a spec whose names start with a prefix, as a spec of their own.
     *
     * @param spec the spec
     * @param prefix such as {@code sink.}
     * @return the matching keys in declaration order
     */
    static ConfigSpec withPrefix(ConfigSpec spec, String prefix) {
        List<ConfigKey> keys = spec.keys().stream().filter(k -> k.name().startsWith(prefix)).toList();
        return ConfigSpec.of(keys);
    }
}
