package io.connectorkit.mimecast;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.connectorkit.api.Capability;
import io.connectorkit.api.Checkpoint;
import io.connectorkit.api.ConnectorContext;
import io.connectorkit.api.ConnectorException;
import io.connectorkit.api.ConnectorSession;
import io.connectorkit.api.SourceConnector;
import io.connectorkit.api.check.CheckReport;
import io.connectorkit.api.config.ConfigProblem;
import io.connectorkit.api.config.ConfigSpec;
import io.connectorkit.api.config.SourceConfig;
import io.connectorkit.mimecast.archive.ArchiveModule;
import io.connectorkit.mimecast.archive.MimecastCheckpoint;
import io.connectorkit.mimecast.archive.MimecastMessageWindow;
import io.connectorkit.mimecast.client.ClientModule;
import io.connectorkit.mimecast.content.ContentModule;
import io.connectorkit.mimecast.directory.DirectoryModule;
import io.connectorkit.mimecast.http.HttpModule;
import io.connectorkit.mimecast.http.MimecastStats;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The Mimecast API 2.0 archive connector, found by {@link java.util.ServiceLoader} as type
 * {@code mimecast}. Stateless: each {@link #open} and {@link #check} builds its own Guice
 * injector (one module per concern) in {@link #injector}, the one place injectors are made,
 * and never lets it escape.
 */
public final class MimecastConnector implements SourceConnector {
    private final ConfigSpec spec = MimecastKeys.spec();

    /** Creates the connector; used by {@link java.util.ServiceLoader}. */
    public MimecastConnector() {
    }

    @Override
    public String type() {
        return "mimecast";
    }

    @Override
    public String displayName() {
        return "Mimecast archive (API 2.0)";
    }

    @Override
    public String partitionNoun() {
        return "mailbox";
    }

    @Override
    public ConfigSpec configSpec() {
        return spec;
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.INCREMENTAL, Capability.DELETIONS, Capability.ACLS, Capability.ATTACHMENTS,
                Capability.BINARY_CONTENT);
    }

    @Override
    public CheckReport check(SourceConfig config, ConnectorContext context) throws ConnectorException {
        // A check reports what it finds at once: it does not wait for an unreachable Mimecast.
        Injector injector = injector(MimecastConfig.from(requireConfig(config)).withoutWaiting(), context);
        MimecastSession session = injector.getInstance(MimecastSession.class);
        try {
            return injector.getInstance(MimecastChecker.class).check();
        } finally {
            session.close();
        }
    }

    @Override
    public ConnectorSession open(SourceConfig config, ConnectorContext context) throws ConnectorException {
        Injector injector = injector(MimecastConfig.from(requireConfig(config)), context);
        injector.getInstance(MimecastStats.class).start();
        return injector.getInstance(MimecastSession.class);
    }

    @Override
    public Optional<Checkpoint> rewind(Checkpoint current, Instant to) {
        Objects.requireNonNull(to, "to");
        return Optional.of(MimecastCheckpoint.parse(current).rewind(to).toCheckpoint());
    }

    @Override
    public List<ConfigProblem> problems(SourceConfig config) {
        return MimecastMessageWindow.problems(requireConfig(config));
    }

    @Override
    public String describe(Checkpoint checkpoint) {
        return MimecastCheckpoint.parse(checkpoint).describe();
    }

    private static SourceConfig requireConfig(SourceConfig config) {
        return Objects.requireNonNull(config, "config");
    }

    private static Injector injector(MimecastConfig config, ConnectorContext context) {
        Objects.requireNonNull(context, "context");
        return Guice.createInjector(new SessionModule(config, context), new HttpModule(), new ClientModule(),
                new DirectoryModule(), new ContentModule(), new ArchiveModule());
    }
}
