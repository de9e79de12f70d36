package io.connectorkit.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTextTest {
    private final ConfigLoader loader = new ConfigLoader(Map.<String, String>of()::get);

    @TempDir
    Path dir;

    @Test
    void aByteOrderMarkAtTheStartIsNotPartOfTheFirstKey() throws Exception {
        Path file = dir.resolve("bom.properties");
        Files.write(file, "\uFEFFconnector.type=mimecast\nconnector.id=bom\n".getBytes(StandardCharsets.UTF_8));
        assertThat(Files.readAllBytes(file)).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(loader.load(file)).containsOnly(Map.entry("connector.type", "mimecast"),
                Map.entry("connector.id", "bom"));
    }

    @Test
    void crlfLineEndingsEndTheLineAndAreNotPartOfTheValue() throws Exception {
        Path file = dir.resolve("crlf.properties");
        Files.writeString(file, "\uFEFFconnector.type = mimecast\r\nconnector.id=crlf\r\nextract.text=false\r\n",
                StandardCharsets.UTF_8);
        assertThat(loader.load(file)).containsOnly(Map.entry("connector.type", "mimecast"),
                Map.entry("connector.id", "crlf"), Map.entry("extract.text", "false"));
    }

    @Test
    void onlyALeadingMarkIsRemoved() {
        assertThat(ConfigText.withoutByteOrderMark("\uFEFFa=b")).isEqualTo("a=b");
        assertThat(ConfigText.withoutByteOrderMark("a=\uFEFF")).isEqualTo("a=\uFEFF");
        assertThat(ConfigText.withoutByteOrderMark("")).isEmpty();
    }
}
