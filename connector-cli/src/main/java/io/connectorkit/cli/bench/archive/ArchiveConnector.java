package io.connectorkit.cli.bench.archive;

import static java.util.Objects.requireNonNull;

import io.connectorkit.api.Capability;
import io.connectorkit.api.ConnectorContext;
import io.connectorkit.api.ConnectorSession;
import io.connectorkit.api.SourceConnector;
import io.connectorkit.api.check.CheckReport;
import io.connectorkit.api.check.CheckResult;
import io.connectorkit.api.config.ConfigSpec;
import io.connectorkit.api.config.SourceConfig;
import io.connectorkit.simulator.archive.Archive;
import java.util.List;
import java.util.Set;

/**
 * The {@code raw} scenario's source: the generated archive's documents handed straight to the
 * host, with no Mimecast API in between (no HTTP, no MIME parsing). The host still extracts the
 * attachments' text and bulk-indexes everything, so a crawl of it is the most any connector can
 * get out of this host and index: the limit the Mimecast crawl is compared with. Registered only
 * in the benchmark's own registry, never through {@code ServiceLoader}.
 */
public final class ArchiveConnector implements SourceConnector {
    public static final String TYPE = "bench-archive";

    private final Archive archive;

    public ArchiveConnector(Archive archive) {
        this.archive = requireNonNull(archive, "archive");
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public ConfigSpec configSpec() {
        return ConfigSpec.of(List.of());
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.ACLS, Capability.ATTACHMENTS, Capability.BINARY_CONTENT);
    }

    @Override
    public CheckReport check(SourceConfig config, ConnectorContext context) {
        return new CheckReport(List.of(CheckResult.ok("archive", "The generated archive is in memory")));
    }

    @Override
    public ConnectorSession open(SourceConfig config, ConnectorContext context) {
        return new ArchiveSession(archive, context);
    }
}
