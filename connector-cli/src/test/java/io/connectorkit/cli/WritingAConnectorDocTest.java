package io.connectorkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/writing-a-connector.md shows real code: every block marked {@code file=PATH} must equal
 * that file, and every block marked {@code excerpt=PATH} must consist of lines of that file.
 * The files are compiled and run (the contract suite) by the build, so the page cannot rot.
 */
class WritingAConnectorDocTest {
    private static final Pattern FENCE = Pattern.compile("^```\\w*\\s+(file|excerpt)=(\\S+)\\s*$");

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

    @Test
    void everyCodeBlockIsTheFileItNames() throws IOException {
        String doc = Files.readString(RepoFiles.resolve("docs/writing-a-connector.md"), StandardCharsets.UTF_8);
        List<Block> blocks = blocks(doc);
        assertThat(blocks).extracting(Block::mode).contains("file", "excerpt");
        assertThat(blocks).filteredOn(b -> b.mode().equals("file")).hasSizeGreaterThanOrEqualTo(4);
        for (Block block : blocks) {
            Path file = RepoFiles.resolve(block.path());
            assertThat(file).as("file named by a code block of docs/writing-a-connector.md").isRegularFile();
            String actual = Files.readString(file, StandardCharsets.UTF_8);
            if (block.mode().equals("file")) {
                assertThat(block.text()).as("docs/writing-a-connector.md shows %s; copy the file into the block again",
                        block.path()).isEqualTo(actual.endsWith("\n") ? actual : actual + "\n");
            } else {
                assertThat(actual.lines().toList()).as("lines of %s", block.path())
                        .containsAll(block.text().lines().toList());
            }
        }
    }

    @Test
    void blockParserFindsMarkedBlocksOnly() {
        String md = "text\n```java\nplain\n```\n```java file=a/B.java\nclass B {}\n```\n```text excerpt=c\nx\ny\n```\n";
        assertThat(blocks(md)).containsExactly(new Block("file", "a/B.java", "class B {}\n"),
                new Block("excerpt", "c", "x\ny\n"));
    }
}
