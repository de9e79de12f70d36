package io.connectorkit.runtime;

import io.connectorkit.api.config.SourceConfig;
import io.connectorkit.runtime.index.RetryPolicy;
import io.connectorkit.runtime.pipeline.PipelineOptions;
import io.connectorkit.runtime.testing.PlainTextExtractor;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Opens hosts over the scripted test connector and an embedded node, each test with a source of
 * its own (a new {@code connector.id}), with retries and lingers short enough for tests.
 */
final class ScriptedHosts {
    private static final AtomicInteger SOURCES = new AtomicInteger();

    private final ConnectorRegistry registry = ConnectorRegistry.load();
    private final PlainTextExtractor extractor = new PlainTextExtractor();
    private final String url;
    private final String id;

    /**
     * A new source on a node.
     *
     * @param url the node's URL
     * @param prefix the start of the source's {@code connector.id}
     */
    ScriptedHosts(String url, String prefix) {
        this.url = url;
        this.id = prefix + SOURCES.incrementAndGet() + "-" + System.nanoTime();
    }

    /** @return the source's {@code connector.id} */
    String id() {
        return id;
    }

    /** @return the registry the hosts are opened with */
    ConnectorRegistry registry() {
        return registry;
    }

    /**
     * Opens a host of the source.
     *
     * @param keyValues further configuration keys and values, alternating
     * @return the open host
     * @throws Exception if the configuration is invalid or the host cannot open
     */
    Host open(String... keyValues) throws Exception {
        Map<String, String> values = new HashMap<>();
        values.put("connector.type", "scripted");
        values.put("connector.id", id);
        values.put("sink.elasticsearch.url", url);
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put(keyValues[i], keyValues[i + 1]);
        }
        SourceConfig config = registry.validate(values);
        return Host.open(config, registry, extractor, Clock.systemUTC(),
                new RetryPolicy(2, Duration.ofMillis(20), Duration.ofMillis(100)),
                new PipelineOptions(2, Duration.ofMillis(20), 1 << 20));
    }

    /**
     * Runs one crawl to its end.
     *
     * @param host the host
     * @param full a FULL crawl, else INCREMENTAL
     * @return the crawl's report
     * @throws Exception if the crawl fails as a whole
     */
    static CrawlReport crawl(Host host, boolean full) throws Exception {
        return host.crawl(full, ProgressListener.none(), new CancellationSignal());
    }
}
