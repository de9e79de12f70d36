package io.connectorkit.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds files of the repository from a test, whichever module directory it runs in. */
final class RepoFiles {
    private RepoFiles() {
    }

    static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("connector-api")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("Run the tests from inside the repository: no parent of "
                + Path.of("").toAbsolutePath() + " holds connector-api and pom.xml");
    }

    static Path resolve(String relative) {
        return root().resolve(relative);
    }
}
