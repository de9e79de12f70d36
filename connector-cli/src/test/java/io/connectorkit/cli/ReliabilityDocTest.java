package io.connectorkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/reliability.md names, for every fault, the test that proves the behaviour. This keeps the
 * table honest: each {@code Class#method} it cites must exist as a test method in the repository,
 * so renaming or deleting a test without updating the page fails the build.
 */
class ReliabilityDocTest {
    private static final Pattern CITATION = Pattern.compile("\\b([A-Z][A-Za-z0-9]*(?:Test|IT))#([a-z][A-Za-z0-9]*)");

    @Test
    void everyTestTheReliabilityTableNamesExists() throws IOException {
        String page = Files.readString(RepoFiles.resolve("docs/reliability.md"));
        Map<String, String> sources = testSources();
        List<String> citations = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        Matcher m = CITATION.matcher(page);
        while (m.find()) {
            citations.add(m.group());
            String source = sources.get(m.group(1));
            if (source == null) {
                missing.add(m.group() + " (no class " + m.group(1) + " under */src/test/java)");
            } else if (!Pattern.compile("void\\s+" + m.group(2) + "\\s*\\(").matcher(source).find()) {
                missing.add(m.group() + " (no method " + m.group(2) + " in " + m.group(1) + ")");
            }
        }
        assertThat(citations).as("docs/reliability.md cites tests as Class#method").hasSizeGreaterThan(40);
        assertThat(missing).as("tests named in docs/reliability.md that do not exist: fix the page or the test name")
                .isEmpty();
    }

    @Test
    void theCitationPatternFindsClassAndMethod() {
        Matcher m = CITATION.matcher("| x | y | LoadIT#crawlsTheWholeArchive, FooTest#bar |");
        assertThat(m.find()).isTrue();
        assertThat(m.group(1)).isEqualTo("LoadIT");
        assertThat(m.group(2)).isEqualTo("crawlsTheWholeArchive");
    }

    private static Map<String, String> testSources() throws IOException {
        Map<String, String> out = new HashMap<>();
        try (Stream<Path> modules = Files.list(RepoFiles.root())) {
            for (Path module : modules.filter(p -> Files.isDirectory(p.resolve("src/test/java"))).toList()) {
                try (Stream<Path> files = Files.walk(module.resolve("src/test/java"))) {
                    for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                        String name = f.getFileName().toString();
                        out.put(name.substring(0, name.length() - ".java".length()), Files.readString(f));
                    }
                }
            }
        }
        // The contract suite is main code of the testkit, run by every connector's subclass.
        Path tck = RepoFiles.resolve(
                "connector-testkit/src/main/java/io/connectorkit/testkit/contract/SourceConnectorContractTest.java");
        out.put("SourceConnectorContractTest", Files.readString(tck));
        return out;
    }
}
