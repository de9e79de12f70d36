package io.connectorkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * connector.jar is what users run and what plugins see beside them: it must carry no test
 * framework (JUnit, opentest4j) and no contract suite, which belong in a connector's test
 * class path only. demo, simulate and bench need the fake server, which lives in
 * connector-simulator for that reason.
 */
class ShippedJarIT {
    /** Entry prefixes of test-only code. */
    static final List<String> TEST_ONLY = List.of("org/junit/", "org/opentest4j/", "io/connectorkit/testkit/");

    static List<String> testOnlyEntries(JarFile jar) {
        return jar.stream().map(JarEntry::getName)
                .filter(name -> TEST_ONLY.stream().anyMatch(name::startsWith))
                .toList();
    }

    @TempDir
    Path dir;

    @Test
    void theScanFindsEveryKindOfTestOnlyEntry() throws IOException {
        Path path = dir.resolve("mixed.jar");
        List<String> names = List.of("io/connectorkit/cli/Main.class", "org/junit/jupiter/api/Test.class",
                "org/opentest4j/AssertionFailedError.class", "io/connectorkit/testkit/contract/CrawlDriver.class",
                "org/junitx/NotJUnit.class");
        try (OutputStream out = Files.newOutputStream(path); JarOutputStream jar = new JarOutputStream(out)) {
            for (String name : names) {
                jar.putNextEntry(new JarEntry(name));
                jar.closeEntry();
            }
        }
        try (JarFile jar = new JarFile(path.toFile())) {
            assertThat(testOnlyEntries(jar)).containsExactly("org/junit/jupiter/api/Test.class",
                    "org/opentest4j/AssertionFailedError.class", "io/connectorkit/testkit/contract/CrawlDriver.class");
        }
    }

    @Test
    void connectorJarHoldsNoTestFrameworkAndNoContractSuite() throws IOException {
        Path path = Path.of(System.getProperty("connector.jar", "target/connector.jar"));
        try (JarFile jar = new JarFile(path.toFile())) {
            // The jar's own classes and the simulator are there: the scan reads the real jar.
            assertThat(jar.getEntry("io/connectorkit/cli/Main.class")).as("Main in %s", path).isNotNull();
            assertThat(jar.getEntry("io/connectorkit/simulator/mimecast/FakeMimecastServer.class"))
                    .as("the simulator in %s", path).isNotNull();
            assertThat(testOnlyEntries(jar)).as("test-only entries of %s", path).isEmpty();
        }
    }
}
