package com.example.files;

import io.connectorkit.api.Capability;
import io.connectorkit.api.Checkpoint;
import io.connectorkit.api.ConnectorContext;
import io.connectorkit.api.ConnectorException;
import io.connectorkit.api.ConnectorSession;
import io.connectorkit.api.SourceConnector;
import io.connectorkit.api.check.CheckReport;
import io.connectorkit.api.check.CheckResult;
import io.connectorkit.api.config.ConfigKey;
import io.connectorkit.api.config.ConfigSpec;
import io.connectorkit.api.config.ConfigType;
import io.connectorkit.api.config.SourceConfig;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An example connector that crawls a directory tree: each top-level folder is a partition and
 * each file below it a document. The root holds a {@code .token} file that stands in for a
 * server's credential store, and a {@code .maintenance} file makes the source answer as a server
 * under maintenance does. Small, but it keeps the whole contract; it is what
 * {@code docs/testkit.md} walks through.
 */
public final class ExampleFilesConnector implements SourceConnector {
    /** The connector type. */
    public static final String TYPE = "example-files";
    /** The directory to crawl. */
    public static final String ROOT = "example.root";
    /** The token the root's {@code .token} file must hold. */
    public static final String TOKEN = "example.token";

    private static final ConfigSpec SPEC = ConfigSpec.of(
            ConfigKey.of(ROOT, ConfigType.STRING).required()
                    .description("Directory whose top-level folders are crawled as partitions."),
            ConfigKey.of(TOKEN, ConfigType.STRING).required().secret()
                    .description("Access token; must match the .token file in the root directory."));

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String displayName() {
        return "Example files";
    }

    @Override
    public String partitionNoun() {
        return "folder";
    }

    @Override
    public ConfigSpec configSpec() {
        return SPEC;
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.INCREMENTAL, Capability.DELETIONS, Capability.UPDATES, Capability.ACLS,
                Capability.ATTACHMENTS, Capability.BINARY_CONTENT);
    }

    @Override
    public CheckReport check(SourceConfig config, ConnectorContext context) {
        ExampleFilesSource source = source(config);
        List<CheckResult> results = new ArrayList<>();
        try {
            source.requireRoot();
            results.add(CheckResult.ok("root", "Directory " + source.root() + " exists"));
        } catch (ConnectorException e) {
            results.add(CheckResult.failed("root", e.kind(), e.getMessage(), "Set " + ROOT + " to an existing directory"));
            return new CheckReport(results);
        }
        try {
            source.authenticate();
            results.add(CheckResult.ok("authentication", "The token was accepted"));
        } catch (ConnectorException e) {
            results.add(CheckResult.failed("authentication", e.kind(), e.getMessage(),
                    "Set " + TOKEN + " to the content of " + source.root().resolve(".token")));
            return new CheckReport(results);
        }
        try {
            int count = source.partitions().size();
            results.add(CheckResult.ok("partitions", count + " top-level folders to crawl"));
        } catch (ConnectorException e) {
            results.add(CheckResult.failed("partitions", e.kind(), e.getMessage(), "Retry later"));
        }
        return new CheckReport(results);
    }

    @Override
    public ConnectorSession open(SourceConfig config, ConnectorContext context) throws ConnectorException {
        ExampleFilesSource source = source(config);
        source.requireRoot();
        source.authenticate();
        return new ExampleFilesSession(source, context);
    }

    @Override
    public Optional<Checkpoint> rewind(Checkpoint current, Instant to) {
        return Optional.of(new ExampleFilesPosition(to.toEpochMilli(), "").toCheckpoint());
    }

    @Override
    public String describe(Checkpoint checkpoint) {
        try {
            return "up to " + ExampleFilesPosition.parse(checkpoint).describe();
        } catch (ConnectorException e) {
            return checkpoint.value();
        }
    }

    private static ExampleFilesSource source(SourceConfig config) {
        return new ExampleFilesSource(Path.of(config.getString(ROOT)), config.getString(TOKEN));
    }
}
