package io.connectorkit.testkit.contract.example;

import io.connectorkit.api.ConnectorContext;
import io.connectorkit.api.ConnectorException;
import io.connectorkit.api.ConnectorSession;
import io.connectorkit.api.Emitter;
import io.connectorkit.api.ErrorKind;
import io.connectorkit.api.check.ScopeDecision;
import io.connectorkit.api.config.SourceConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * BROKEN on purpose: its preview lists the root directory with a listing of its own, which
 * does not leave out what {@code partitions()} leaves out (hidden entries, plain files), as a
 * connector does whose preview and crawl scope are written twice. An administrator approves a
 * scope the crawl does not have. The contract suite must fail it.
 */
public final class PreviewBeyondScopeConnector extends DecoratedExampleConnector {
    /** The connector type. */
    public static final String TYPE = "example-files-preview-beyond-scope";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    List<ScopeDecision> preview(ConnectorSession session, SourceConfig config) throws ConnectorException {
        Path root = Path.of(config.getString(ExampleFilesConnector.ROOT));
        try (Stream<Path> entries = Files.list(root)) {
            return entries.map(p -> ScopeDecision.included("folder", p.getFileName().toString(),
                    "in " + ExampleFilesConnector.ROOT)).sorted(java.util.Comparator.comparing(ScopeDecision::item))
                    .toList();
        } catch (IOException e) {
            throw new ConnectorException(ErrorKind.TRANSIENT, "Could not list " + root + ": " + e, e);
        }
    }

    @Override
    ForwardingEmitter decorate(Emitter emitter, ConnectorContext context) {
        return new ForwardingEmitter(emitter);
    }
}
