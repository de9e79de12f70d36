package com.example.files;

import io.connectorkit.api.Partition;
import io.connectorkit.testkit.contract.FaultInjector;
import io.connectorkit.testkit.contract.SourceMutator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A directory tree for the example connector: three partitions and seven files whose modification
 * times come from a fixture clock that ticks a minute per file (two files share a minute, to
 * exercise the path tie-break, and an attachment shares its parent's). One file is binary and an
 * attachment of gamma's text file. Changes go through {@link SourceMutator}; the maintenance
 * faults through {@link FaultInjector}.
 */
public final class ExampleFileTree implements SourceMutator, FaultInjector {
    /** The token the tree accepts. */
    public static final String GOOD_TOKEN = "good-token-4b1d9e";
    /** How many files {@link #create} writes. */
    public static final int FILES = 7;

    private final Path root;
    private Instant now = Instant.parse("2024-01-01T00:00:00Z");
    private int added;

    private ExampleFileTree(Path root) {
        this.root = Objects.requireNonNull(root, "root");
    }

    /**
     * Writes the tree into an empty directory.
     *
     * @param root the directory
     * @return the tree
     */
    public static ExampleFileTree create(Path root) {
        ExampleFileTree tree = new ExampleFileTree(root);
        tree.writeRaw(".token", GOOD_TOKEN + "\n");
        tree.write("alpha/readme.txt", "Alpha, the first partition.", true);
        tree.write("beta/one.txt", "Beta one.", false);
        tree.write("beta/two.txt", "Beta two, modified in the same minute as one.", true);
        tree.write("alpha/notes/deep.txt", "A file in a sub-folder belongs to its top-level partition.", true);
        tree.write("gamma/only.txt.attachments/diagram.bin", new byte[] {(byte) 0x89, 'D', 'I', 'A', 0, 1, 2, (byte) 0xff},
                false);
        tree.write("gamma/only.txt", "Gamma's text file, with one attachment; \u00e9t\u00e9 \u2603.", true);
        tree.write("alpha/zeta.txt", "Alpha's newest file.", true);
        return tree;
    }

    /** @return the root directory */
    public Path root() {
        return root;
    }

    @Override
    public void addItem(Partition partition) {
        added++;
        write(partition.id() + "/added-" + added + ".txt", "Added item " + added + ".", true);
    }

    @Override
    public void deleteItem(Partition partition) throws IOException {
        Files.delete(files(partition).get(0));
    }

    private List<Path> files(Partition partition) throws IOException {
        try (Stream<Path> files = Files.walk(root.resolve(partition.id()))) {
            List<Path> all = files.filter(Files::isRegularFile).sorted(Comparator.naturalOrder()).toList();
            if (all.isEmpty()) {
                throw new IllegalStateException("Partition " + partition.id() + " has no file");
            }
            return all;
        }
    }

    @Override
    public void updateItem(Partition partition) throws IOException {
        Path first = files(partition).stream().filter(p -> p.toString().endsWith(".txt")).findFirst().orElseThrow();
        write(root.relativize(first).toString(), Files.readString(first, StandardCharsets.UTF_8) + " Edited.", true);
    }

    @Override
    public void injectListingFault(Partition partition) {
        writeRaw(".maintenance-" + partition.id(), "");
    }

    @Override
    public void injectTransientFault() {
        writeRaw(".maintenance", "");
    }

    @Override
    public void injectItemFault() {
        writeRaw(".locked", "");
    }

    @Override
    public void clearFaults() throws IOException {
        try (Stream<Path> files = Files.list(root)) {
            for (Path p : files.filter(p -> p.getFileName().toString().startsWith(".maintenance")
                    || p.getFileName().toString().equals(".locked")).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private void write(String relative, String text, boolean tick) {
        write(relative, text.getBytes(StandardCharsets.UTF_8), tick);
    }

    private void write(String relative, byte[] bytes, boolean tick) {
        Path file = root.resolve(relative);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
        try {
            Files.setLastModifiedTime(file, FileTime.from(now));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (tick) {
            now = now.plus(Duration.ofMinutes(1));
        }
    }

    private Path writeRaw(String relative, String text) {
        Path file = root.resolve(relative);
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }
}
