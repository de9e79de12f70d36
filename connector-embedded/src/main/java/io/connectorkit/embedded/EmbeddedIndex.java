package io.connectorkit.embedded;

import static java.util.Objects.requireNonNull;

import io.connectorkit.api.ConnectorException;
import io.connectorkit.api.ErrorKind;
import io.connectorkit.runtime.embedded.EmbeddedIndexHandle;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The embedded index of a data directory as a command gets it: the node another process already
 * runs there (found through its {@link NodeRecord}), or a node of this process's own, started and
 * recorded. Only one node can hold a data directory; without this, a second command on it (a
 * {@code search} while a {@code demo --keep-running} is up, a {@code status} during a crawl) would
 * fail on the node's lock.
 */
public final class EmbeddedIndex implements EmbeddedIndexHandle {
    private static final Logger LOG = LogManager.getLogger(EmbeddedIndex.class);

    private final Path dataDir;
    private final EmbeddedSearchNode own;
    private final NodeRecord record;
    private final Optional<EmbeddedCredential> credential;

    private EmbeddedIndex(Path dataDir, EmbeddedSearchNode own, NodeRecord record,
            Optional<EmbeddedCredential> credential) {
        this.dataDir = requireNonNull(dataDir, "dataDir");
        this.own = own;
        this.record = requireNonNull(record, "record");
        this.credential = requireNonNull(credential, "credential");
    }

    /**
     * A directory as the user can type it where the command runs: relative ({@code ./data/demo})
     * under the working directory, absolute elsewhere. For messages people read; errors keep
     * absolute paths.
     */
    static String shown(Path dir) {
        Path absolute = dir.toAbsolutePath().normalize();
        Path here = Path.of("").toAbsolutePath().normalize();
        if (!absolute.startsWith(here) || absolute.equals(here)) {
            return absolute.toString();
        }
        return "." + File.separator + here.relativize(absolute);
    }

    /**
     * Uses the node that runs on a data directory, or starts one.
     *
     * @param dataDir the data directory ({@code sink.embedded.data-dir})
     * @return the index; close it (which stops only a node of this process's own)
     * @throws IOException if a node cannot be started
     * @throws ConnectorException TRANSIENT, in one sentence with the fix, when another process holds
     *     the directory but its node cannot be reached
     */
    public static EmbeddedIndex open(Path dataDir) throws IOException, ConnectorException {
        Path home = requireNonNull(dataDir, "dataDir").toAbsolutePath().normalize();
        Optional<NodeRecord> running = NodeRecord.read(home).filter(NodeRecord::answers);
        if (running.isPresent()) {
            NodeRecord r = running.get();
            LOG.info("Using the embedded index at {} that process {} runs on {} (since {})", r.url(), r.pid(), shown(home),
                    r.since());
            // The running node answers only with its directory's credential, which this user can read
            // when the directory is theirs.
            return new EmbeddedIndex(home, null, r, EmbeddedCredential.read(home));
        }
        LOG.info("Starting the embedded index (data in {}; this takes 15-30 s)...", shown(home));
        EmbeddedSearchNode node;
        try {
            node = EmbeddedSearchNode.start(home);
        } catch (IOException | RuntimeException e) {
            if (locked(e)) {
                throw new ConnectorException(ErrorKind.TRANSIENT, "The embedded index in " + home + " is held by"
                        + " another process whose index cannot be reached" + NodeRecord.read(home)
                        .map(r -> " (pid " + r.pid() + ", since " + r.since() + ", at " + r.url() + ")").orElse("")
                        + ": wait until that process has started its index or has ended, or stop it, then run this"
                        + " again", e);
            }
            throw e;
        }
        NodeRecord mine = new NodeRecord(node.url(), ProcessHandle.current().pid(), Instant.now());
        try {
            mine.write(home);
        } catch (IOException e) {
            // The node works without it; only other commands on this directory cannot find it.
            LOG.warn("Cannot record the embedded index's URL in {}: {}", home.resolve(NodeRecord.FILE_NAME), e.toString());
        }
        return new EmbeddedIndex(home, node, mine, node.credential());
    }

    private static boolean locked(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("failed to obtain node lock")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String url() {
        return record.url();
    }

    @Override
    public Path dataDir() {
        return dataDir;
    }

    /**
     * @return the credential the node requires, read from {@link EmbeddedCredential#file}; empty
     *     when the file of a node another process runs cannot be read
     */
    public Optional<EmbeddedCredential> credential() {
        return credential;
    }

    /** @return the node this process runs, empty when it uses another process's */
    public Optional<EmbeddedSearchNode> own() {
        return Optional.ofNullable(own);
    }

    @Override
    public Optional<String> authorization() {
        return credential.map(EmbeddedCredential::authorization);
    }

    @Override
    public Path credentialFile() {
        return EmbeddedCredential.file(dataDir);
    }

    @Override
    public long pid() {
        return record.pid();
    }

    /** @return who runs the node and since when */
    public NodeRecord record() {
        return record;
    }

    @Override
    public void close() {
        if (own != null) {
            record.remove(dataDir);
            own.close();
        }
    }
}
