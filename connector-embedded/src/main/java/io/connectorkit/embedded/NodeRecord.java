package io.connectorkit.embedded;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Properties;

/**
 * What a process that runs the embedded index writes beside its data ({@code <data-dir>/}{@value #FILE_NAME}):
 * the node's URL, its process id and since when it runs, so that another command on the same data
 * directory, which cannot start a second node there (the node holds a lock on it), uses the running
 * one instead. Clients that send the data directory's credential read it from the same directory.
 *
 * @param url the node's HTTP URL
 * @param pid the process that runs it
 * @param since when it started
 */
public record NodeRecord(String url, long pid, Instant since) {
    /** The file's name inside the data directory. */
    public static final String FILE_NAME = "node.properties";
    private static final int CONNECT_MILLIS = 1_000;

    /** Checks the components. */
    public NodeRecord {
        requireNonNull(url, "url");
        requireNonNull(since, "since");
    }

    /**
     * @param dataDir the embedded index's data directory
     * @return the record there, if there is a readable one
     */
    public static Optional<NodeRecord> read(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Properties p = new Properties();
            p.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
            String url = p.getProperty("url");
            String pid = p.getProperty("pid");
            String since = p.getProperty("since");
            if (url == null || pid == null || since == null) {
                return Optional.empty();
            }
            return Optional.of(new NodeRecord(url.trim(), Long.parseLong(pid.trim()), Instant.parse(since.trim())));
        } catch (IOException | NumberFormatException | DateTimeParseException e) {
            // A record cut short by a crash is as good as none: the lock still tells whether a node runs.
            return Optional.empty();
        }
    }

    /**
     * Writes the record, replacing any earlier one at once (a reader sees the old or the new one).
     *
     * @param dataDir the embedded index's data directory
     * @throws IOException if it cannot be written
     */
    public void write(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE_NAME);
        Path partial = dataDir.resolve(FILE_NAME + ".partial");
        Files.writeString(partial, "# The embedded index a connector process runs on this directory; other commands use it.\n"
                + "url=" + url + "\npid=" + pid + "\nsince=" + since + "\n", StandardCharsets.UTF_8);
        try {
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Removes the record if it is this one's (a later process may have written its own).
     *
     * @param dataDir the embedded index's data directory
     */
    public void remove(Path dataDir) {
        if (read(dataDir).filter(this::equals).isPresent()) {
            try {
                Files.deleteIfExists(dataDir.resolve(FILE_NAME));
            } catch (IOException e) {
                // Left behind, it names a process that is gone, and is ignored.
            }
        }
    }

    /** @return whether the process still runs and its node accepts connections */
    public boolean answers() {
        if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            return false;
        }
        try (Socket socket = new Socket()) {
            URI uri = URI.create(url);
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), CONNECT_MILLIS);
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }
}
