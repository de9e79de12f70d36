package io.connectorkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * connectorkit-bom must name every artifact this build publishes, at the build's version, and
 * the JUnit the testkit is compiled against: a connector that imports it gets exactly what the
 * contract suite was built and tested with.
 */
class BomTest {
    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    private static final Pattern ARTIFACT = Pattern.compile(
            "<groupId>io\\.connectorkit</groupId>\\s*<artifactId>([^<]+)</artifactId>\\s*<version>\\$\\{project\\.version}</version>");

    static String read(String path) throws IOException {
        return Files.readString(RepoFiles.resolve(path), StandardCharsets.UTF_8);
    }

    static List<String> all(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.results().map(r -> r.group(1)).toList();
    }

    static String first(String regex, String text, String what) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as(what).isTrue();
        return m.group(1);
    }

    @Test
    void bomManagesEveryPublishedModuleAtTheBuildVersion() throws IOException {
        String parent = read("pom.xml");
        String bom = read("connectorkit-bom/pom.xml");
        // The BOM itself, the examples runner and the compatibility suite (tests only) publish no artifact a
        // connector depends on.
        List<String> published = all(MODULE, parent).stream()
                .filter(m -> !m.equals("connectorkit-bom") && !m.equals("examples") && !m.equals("connector-compat"))
                .toList();
        assertThat(published).contains("connector-api", "connector-testkit", "connector-simulator");

        assertThat(all(ARTIFACT, bom)).as("artifacts of connectorkit-bom/pom.xml").containsExactlyInAnyOrderElementsOf(published);
        String parentVersion = first("<artifactId>connectorkit-parent</artifactId>\\s*<version>([^<]+)</version>", parent,
                "the parent's version");
        assertThat(first("<artifactId>connectorkit-bom</artifactId>\\s*<version>([^<]+)</version>", bom, "the BOM's version"))
                .isEqualTo(parentVersion);
        assertThat(first("<junit.version>([^<]+)</junit.version>", bom, "the BOM's junit.version"))
                .as("junit.version of connectorkit-bom/pom.xml and pom.xml")
                .isEqualTo(first("<junit.version>([^<]+)</junit.version>", parent, "the parent's junit.version"));
    }

    @Test
    void theExampleBuildsAgainstThisVersion() throws IOException {
        String parentVersion = first("<artifactId>connectorkit-parent</artifactId>\\s*<version>([^<]+)</version>",
                read("pom.xml"), "the parent's version");
        assertThat(first("<connectorkit.version>([^<]+)</connectorkit.version>", read("examples/connector-example/pom.xml"),
                "connectorkit.version of the example")).isEqualTo(parentVersion);
    }
}
