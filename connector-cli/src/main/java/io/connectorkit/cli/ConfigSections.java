package io.connectorkit.cli;

import io.connectorkit.api.SourceConnector;
import io.connectorkit.api.config.ConfigKey;
import io.connectorkit.api.config.ConfigSpec;
import io.connectorkit.runtime.config.RuntimeConfig;
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
        sections.add(new ConfigDocGenerator.Section("Source",
                "Which connector reads the source, and the name its documents and state are stored under.",
                withPrefix(RuntimeConfig.SPEC, "connector.")));
        sections.add(new ConfigDocGenerator.Section("Parallelism and deletions (runtime)",
                "How many partitions (mailboxes) are crawled at once, and the safety limits on removing the"
                        + " documents of partitions that left the scope and on what a FULL crawl's sweep deletes.",
                withPrefix(RuntimeConfig.SPEC, "crawl.")));
        sections.add(new ConfigDocGenerator.Section("Sink (runtime)",
                "Where documents and crawl state go: an Elasticsearch 7/8/9 or OpenSearch 2 cluster, or, when"
                        + " `sink.elasticsearch.url` is blank, an OpenSearch node embedded in the process.",
                withPrefix(RuntimeConfig.SPEC, "sink.")));
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
