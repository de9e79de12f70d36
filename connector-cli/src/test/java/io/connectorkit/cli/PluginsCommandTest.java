package io.connectorkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code connector plugins} in this JVM: the built-in connector, and the errors of a plugin path. */
class PluginsCommandTest {
    @TempDir
    Path dir;

    @Test
    void anEmptyPluginFolderLeavesTheBuiltInConnector() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        CliRun run = CliRun.run("plugins", "--plugin-path", plugins.toString());
        assertThat(run.status).as(run.toString()).isZero();
        assertThat(run.out).containsPattern("TYPE +NAME +VERSION +FROM\n")
                .containsPattern("mimecast +Mimecast archive \\(API 2\\.0\\) +\\S+ +built-in\n")
                .contains("1 connector type; plugin path: " + plugins);
    }

    @Test
    void aMissingFolderNamedOnTheCommandLineIsExitTwoNamingOptionValueAndFix() {
        CliRun run = CliRun.run("plugins", "--plugin-path", dir.resolve("gone").toString());
        assertThat(run.status).as(run.toString()).isEqualTo(2);
        assertThat(run.err).contains("error: invalid configuration: --plugin-path = '" + dir.resolve("gone") + "'",
                "does not exist; create it");
    }

    @Test
    void theFilesPluginPathIsReadRelativeToTheFilesFolder() throws Exception {
        Path etc = Files.createDirectories(dir.resolve("etc"));
        Path file = etc.resolve("source.properties");
        Files.writeString(file, "connector.type=mimecast\nconnector.plugin-path=plugins-here\n");
        CliRun missing = CliRun.run("plugins", "--config", file.toString());
        assertThat(missing.status).as(missing.toString()).isEqualTo(2);
        assertThat(missing.err).contains("connector.plugin-path = 'plugins-here'", etc.resolve("plugins-here").toString(),
                "the configuration file's folder");

        Files.createDirectories(etc.resolve("plugins-here"));
        CliRun found = CliRun.run("plugins", "--config", file.toString(), "--json");
        assertThat(found.status).as(found.toString()).isZero();
        assertThat(found.out).contains("\"type\": \"mimecast\"", "\"partition\": \"mailbox\"", "\"from\": \"built-in\"");
    }
}
