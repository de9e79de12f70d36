package io.connectorkit.mimecast;

import static java.util.Objects.requireNonNull;

import io.connectorkit.api.Checkpoint;
import io.connectorkit.api.ConnectorContext;
import io.connectorkit.api.ConnectorException;
import io.connectorkit.api.ConnectorSession;
import io.connectorkit.api.CrawlMode;
import io.connectorkit.api.Emitter;
import io.connectorkit.api.Partition;
import io.connectorkit.api.check.ScopeDecision;
import io.connectorkit.mimecast.archive.MimecastMessageReader;
import io.connectorkit.mimecast.archive.MimecastMessageWindow;
import io.connectorkit.mimecast.directory.MimecastDirectory;
import io.connectorkit.mimecast.http.MimecastStats;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.io.CloseMode;

/**
 * A Mimecast session: one credential, one token cache, one rate limiter and one connection pool
 * shared by every mailbox crawled concurrently. Partitions are the mailboxes in scope.
 */
final class MimecastSession implements ConnectorSession {
    private final MimecastDirectory directory;
    private final MimecastMessageReader reader;
    private final MimecastStats stats;
    private final CloseableHttpClient http;
    private final MimecastConfig config;
    private final ConnectorContext context;
    private final AtomicBoolean closed = new AtomicBoolean();

    @Inject
    MimecastSession(MimecastDirectory directory, MimecastMessageReader reader, MimecastStats stats,
            CloseableHttpClient http, MimecastConfig config, ConnectorContext context) {
        this.directory = requireNonNull(directory, "directory");
        this.reader = requireNonNull(reader, "reader");
        this.stats = requireNonNull(stats, "stats");
        this.http = requireNonNull(http, "http");
        this.config = requireNonNull(config, "config");
        this.context = requireNonNull(context, "context");
    }

    @Override
    public List<Partition> partitions() throws ConnectorException {
        return directory.partitions();
    }

    @Override
    public List<ScopeDecision> preview() throws ConnectorException {
        // The message window first: what a crawl started now would list, before who it lists it for.
        List<ScopeDecision> out = new ArrayList<>();
        out.add(MimecastMessageWindow.decision(config.messages(), context.clock().instant()));
        out.addAll(directory.decisions());
        return out;
    }

    @Override
    public void crawl(Partition partition, Checkpoint checkpoint, CrawlMode mode, Emitter emitter)
            throws ConnectorException {
        requireNonNull(partition, "partition");
        requireNonNull(mode, "mode");
        requireNonNull(emitter, "emitter");
        reader.crawl(partition, checkpoint, mode, emitter);
    }

    /** Fetches failed messages again through get-message-detail; see {@link MimecastMessageReader#refetch}. */
    @Override
    public boolean refetch(Partition partition, List<String> sourceRefs, Emitter emitter) throws ConnectorException {
        requireNonNull(partition, "partition");
        requireNonNull(sourceRefs, "sourceRefs");
        requireNonNull(emitter, "emitter");
        reader.refetch(partition, sourceRefs, emitter);
        return true;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            stats.close();
            http.close(CloseMode.GRACEFUL);
        }
    }
}
