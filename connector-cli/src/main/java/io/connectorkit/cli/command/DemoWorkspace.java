package io.connectorkit.cli.command;

import io.connectorkit.cli.console.CommandException;
import io.connectorkit.cli.console.ExitStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The demo's directory: its configuration file and the embedded index's data. Emptied at the
 * start of every demo (only when it is the demo's own, marked by a file), so each run crawls
 * from scratch; kept afterwards so {@code connector search --config DIR/demo.properties} works.
 */
final class DemoWorkspace {
    static final String CLIENT_ID = "demo-client";
    /** Not a secret: the simulator accepts it and nothing else does. */
    static final String CLIENT_SECRET = "demo-client-secret";
    private static final String MARKER = ".connector-demo";

    private final Path root;

    private DemoWorkspace(Path root) {
        this.root = Objects.requireNonNull(root, "root");
    }

    static DemoWorkspace prepare(Path dir) throws IOException {
        Path root = dir.toAbsolutePath().normalize();
        if (Files.exists(root)) {
            boolean empty;
            try (Stream<Path> children = Files.list(root)) {
                empty = children.findAny().isEmpty();
            }
            if (!empty && !Files.exists(root.resolve(MARKER))) {
                throw new CommandException(ExitStatus.INVALID_CONFIGURATION, "--data-dir " + root
                        + " holds files the demo did not create; give an empty or new directory.");
            }
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    if (!p.equals(root)) {
                        Files.delete(p);
                    }
                }
            }
        }
        Files.createDirectories(root);
        Files.writeString(root.resolve(MARKER), "This directory belongs to 'connector demo', which empties it.\n",
                StandardCharsets.UTF_8);
        return new DemoWorkspace(root);
    }

    Path root() {
        return root;
    }

    Path writeConfig(String simulatorUrl) throws IOException {
        Path file = root.resolve("demo.properties");
        String config = String.join("\n",
                "# Written by 'connector demo': the simulated tenant and the embedded index.",
                "connector.type=mimecast",
                "connector.id=demo",
                "mimecast.api-endpoint=" + simulatorUrl,
                "mimecast.auth-endpoint=" + simulatorUrl,
                "mimecast.client-id=" + CLIENT_ID,
                "mimecast.client-secret=" + CLIENT_SECRET,
                "mimecast.messages.start-date=2019-01-01",
                "mimecast.attachments.extract=true",
                "mimecast.stats-interval-seconds=0",
                "crawl.parallel.partitions=6",
                "sink.embedded.data-dir=" + root.resolve("opensearch").toString().replace('\\', '/'),
                "");
        Files.writeString(file, config, StandardCharsets.UTF_8);
        return file;
    }
}
