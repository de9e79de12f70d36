package com.example.files;

import io.connectorkit.api.ConnectorException;
import io.connectorkit.api.ErrorKind;
import io.connectorkit.api.Partition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The directory tree behind the example connector, read the way a client reads a server: every
 * call checks for maintenance first, and I/O problems become classified
 * {@link ConnectorException}s. Thread-safe (it holds no mutable state).
 */
final class ExampleFilesSource {
    private final Path root;
    private final String token;

    ExampleFilesSource(Path root, String token) {
        this.root = Objects.requireNonNull(root, "root");
        this.token = Objects.requireNonNull(token, "token");
    }

    Path root() {
        return root;
    }

    void requireRoot() throws ConnectorException {
        if (!Files.isDirectory(root)) {
            throw new ConnectorException(ErrorKind.CONFIGURATION, "Directory " + root + " (example.root) does not"
                    + " exist; set example.root to the directory to crawl");
        }
    }

    void authenticate() throws ConnectorException {
        byte[] expected;
        try {
            expected = Files.readString(root.resolve(".token"), StandardCharsets.UTF_8).trim()
                    .getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConnectorException(ErrorKind.AUTHENTICATION, "Directory " + root + " has no readable .token"
                    + " file, so no token is accepted; create it with the token to accept", e);
        }
        if (!MessageDigest.isEqual(expected, token.getBytes(StandardCharsets.UTF_8))) {
            throw new ConnectorException(ErrorKind.AUTHENTICATION, "The token in example.token was rejected by "
                    + root + "; set it to the content of " + root.resolve(".token"));
        }
    }

    /** Simulates a server that answers 503 while it is under maintenance. */
    void requireAvailable() throws ConnectorException {
        if (Files.exists(root.resolve(".maintenance"))) {
            throw new ConnectorException(ErrorKind.TRANSIENT, "Directory " + root
                    + " is under maintenance (.maintenance is present); the crawl will be retried");
        }
    }

    List<Partition> partitions() throws ConnectorException {
        requireAvailable();
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(Files::isDirectory).filter(p -> !hidden(p))
                    .map(p -> Partition.of(p.getFileName().toString())).sorted(
                            java.util.Comparator.comparing(Partition::id)).toList();
        } catch (IOException e) {
            throw new ConnectorException(ErrorKind.TRANSIENT, "Could not list directory " + root + ": " + e, e);
        }
    }

    /**
     * The files of a partition, sorted by position.
     *
     * @param partition the partition
     * @return the files, each with its position
     */
    List<ExampleFile> files(Partition partition) throws ConnectorException {
        requireAvailable();
        Path folder = root.resolve(partition.id());
        if (Files.exists(root.resolve(".maintenance-" + partition.id()))) {
            throw new ConnectorException(ErrorKind.TRANSIENT, "Folder " + folder + " is under maintenance"
                    + " (.maintenance-" + partition.id() + " is present); the crawl will be retried");
        }
        List<ExampleFile> out = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path file : paths.filter(Files::isRegularFile).filter(p -> !hidden(p)).toList()) {
                String relative = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
                try {
                    long modified = Files.getLastModifiedTime(file).toMillis();
                    out.add(new ExampleFile(file, new ExampleFilesPosition(modified, relative)));
                } catch (NoSuchFileException gone) {
                    // Deleted while listing: it no longer exists, so it is not part of the partition.
                }
            }
        } catch (NoSuchFileException e) {
            throw new ConnectorException(ErrorKind.PERMANENT, "Partition folder " + folder
                    + " no longer exists; the next listing drops it", e);
        } catch (IOException e) {
            throw new ConnectorException(ErrorKind.TRANSIENT, "Could not list folder " + folder + ": " + e, e);
        }
        out.sort(java.util.Comparator.comparing(ExampleFile::position));
        return out;
    }

    /**
     * Reads a listed file whole.
     *
     * @param file the file
     * @return its bytes
     * @throws NoSuchFileException if it was deleted since it was listed
     * @throws IOException if it cannot be read, or while the files are locked ({@code .locked} is
     *     present: a server that lists but cannot serve them)
     */
    byte[] read(ExampleFile file) throws IOException {
        if (Files.exists(root.resolve(".locked"))) {
            throw new IOException("the files are locked (.locked is present)");
        }
        return Files.readAllBytes(file.path());
    }

    private static boolean hidden(Path path) {
        return path.getFileName().toString().startsWith(".");
    }

    /**
     * A file found by a listing.
     *
     * @param path where it is
     * @param position its position in the partition's crawl order
     */
    record ExampleFile(Path path, ExampleFilesPosition position) {
    }
}
