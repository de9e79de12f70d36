package io.connectorkit.kafka;

import io.connectorkit.api.config.ConfigProblem;
import io.connectorkit.api.config.ConfigSpec;
import io.connectorkit.api.config.InvalidConfigException;
import io.connectorkit.api.config.SourceConfig;
import io.connectorkit.runtime.config.RuntimeConfig;
import io.connectorkit.runtime.config.SinkUrlCheck;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sink connector's configuration: the source it writes ({@code connector.id}, which names the
 * content index as the CLI's does) and the host's {@code sink.*} and {@code crawl.*} keys, read by
 * the same spec, and so the same rules, as a crawl's.
 */
final class SinkSettings {
    /** {@code connector.type} is the source's business: the sink writes whatever the records carry. */
    private static final String TYPE = "sink";

    private SinkSettings() {
    }

    static ConfigSpec spec() {
        return RuntimeConfig.SPEC.plus(ConnectKeys.SINK_SPEC);
    }

    static Map<String, String> ours(Map<String, String> props) {
        Map<String, String> values = new LinkedHashMap<>();
        ConfigSpec spec = spec();
        for (Map.Entry<String, String> e : props.entrySet()) {
            String k = e.getKey();
            if (spec.key(k) != null || (k.startsWith("sink.") || k.startsWith("crawl."))) {
                values.put(k, e.getValue());
            }
        }
        values.put(RuntimeConfig.CONNECTOR_TYPE, TYPE);
        return values;
    }

    static List<ConfigProblem> problems(Map<String, String> props) {
        Map<String, String> values = ours(props);
        List<ConfigProblem> problems = new ArrayList<>(spec().validate(values));
        String url = values.getOrDefault(RuntimeConfig.SINK_URL, "");
        if (url.isBlank() && problems.stream().noneMatch(p -> p.key().equals(RuntimeConfig.SINK_URL))) {
            problems.add(new ConfigProblem(RuntimeConfig.SINK_URL, null, "required by the sink connector: set it to the"
                    + " URL of the Elasticsearch or OpenSearch cluster (a Connect worker runs no embedded index)"));
        }
        if (problems.stream().noneMatch(p -> p.key().equals(RuntimeConfig.SINK_URL))) {
            problems.addAll(SinkUrlCheck.problems(values));
        }
        return problems.stream().map(SinkUrlCheck::masked).toList();
    }

    static RuntimeConfig parse(Map<String, String> props) throws InvalidConfigException {
        List<ConfigProblem> problems = problems(props);
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
        SourceConfig config = spec().parse(ours(props));
        return RuntimeConfig.from(config);
    }
}
