package io.connectorkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The pages that teach connector authors and hosts show real code: every block marked
 * {@code file=PATH} must equal that file, every block marked {@code excerpt=PATH} must consist of
 * lines of that file, and every block marked {@code pom-part=PATH} must equal the part of that
 * pom between its {@code <!-- connector build -->} markers. The files are compiled and run (the
 * example project's contract suite, the embedding examples) by the build, so the pages cannot rot.
 */
class WritingAConnectorDocTest {
    private static final Pattern FENCE = Pattern.compile("^```\\w*\\s+(file|excerpt|pom-part)=(\\S+)\\s*$");
    static final String POM_PART_START = "  <!-- connector build -->\n";
    static final String POM_PART_END = "  <!-- end of connector build -->\n";

    record Block(String mode, String path, String text) {
    }

    static List<Block> blocks(String markdown) {
        List<Block> blocks = new ArrayList<>();
        String[] lines = markdown.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = FENCE.matcher(lines[i]);
            if (m.matches()) {
                StringBuilder text = new StringBuilder();
                int j = i + 1;
                while (!lines[j].equals("```")) {
                    text.append(lines[j]).append('\n');
                    j++;
                }
                blocks.add(new Block(m.group(1), m.group(2), text.toString()));
                i = j;
            }
        }
        return blocks;
    }

    /** The part of a pom between the connector build markers, which docs/testkit.md shows. */
    static String pomPart(String pom, String path) {
        int start = pom.indexOf(POM_PART_START);
        int end = pom.indexOf(POM_PART_END);
        assertThat(start).as("%s marks its connector build with %s", path, POM_PART_START.strip()).isNotNegative();
        assertThat(end).as("%s ends its connector build with %s", path, POM_PART_END.strip()).isGreaterThan(start);
        return pom.substring(start + POM_PART_START.length(), end);
    }

    @ParameterizedTest
    @ValueSource(strings = {"docs/writing-a-connector.md", "docs/testkit.md", "docs/embedding.md"})
    void everyCodeBlockIsTheFileItNames(String page) throws IOException {
        String doc = Files.readString(RepoFiles.resolve(page), StandardCharsets.UTF_8);
        List<Block> blocks = blocks(doc);
        assertThat(blocks).as("checked code blocks of %s", page).isNotEmpty();
        for (Block block : blocks) {
            Path file = RepoFiles.resolve(block.path());
            assertThat(file).as("file named by a code block of %s", page).isRegularFile();
            String actual = Files.readString(file, StandardCharsets.UTF_8);
            switch (block.mode()) {
                case "file" -> assertThat(block.text()).as("%s shows %s; copy the file into the block again",
                        page, block.path()).isEqualTo(actual.endsWith("\n") ? actual : actual + "\n");
                case "pom-part" -> assertThat(block.text()).as("%s shows the connector build of %s; copy it into the block again",
                        page, block.path()).isEqualTo(pomPart(actual, block.path()));
                default -> assertThat(actual.lines().toList()).as("lines of %s", block.path())
                        .containsAll(block.text().lines().toList());
            }
        }
    }

    @Test
    void theWalkThroughShowsTheWholeExampleConnector() throws IOException {
        String doc = Files.readString(RepoFiles.resolve("docs/writing-a-connector.md"), StandardCharsets.UTF_8);
        List<Block> blocks = blocks(doc);
        assertThat(blocks).extracting(Block::mode).contains("file", "excerpt");
        assertThat(blocks).filteredOn(b -> b.mode().equals("file")).hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(b -> assertThat(b.path()).startsWith("examples/connector-example/"));
    }

    @Test
    void theTestkitPageShowsTheExampleBuild() throws IOException {
        String doc = Files.readString(RepoFiles.resolve("docs/testkit.md"), StandardCharsets.UTF_8);
        assertThat(blocks(doc)).extracting(Block::mode, Block::path)
                .contains(tuple("pom-part", "examples/connector-example/pom.xml"));
    }

    @Test
    void blockParserFindsMarkedBlocksOnly() {
        String md = "text\n```java\nplain\n```\n```java file=a/B.java\nclass B {}\n```\n```text excerpt=c\nx\ny\n```\n"
                + "```xml pom-part=p.xml\n<a/>\n```\n";
        assertThat(blocks(md)).containsExactly(new Block("file", "a/B.java", "class B {}\n"),
                new Block("excerpt", "c", "x\ny\n"), new Block("pom-part", "p.xml", "<a/>\n"));
    }

    @Test
    void pomPartIsWhatLiesBetweenTheMarkers() {
        String pom = "<project>\n" + POM_PART_START + "  <properties/>\n" + POM_PART_END + "</project>\n";
        assertThat(pomPart(pom, "p.xml")).isEqualTo("  <properties/>\n");
    }
}
