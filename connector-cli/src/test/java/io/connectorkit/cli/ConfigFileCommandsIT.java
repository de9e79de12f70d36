package io.connectorkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectorkit.embedded.EmbeddedSearchNode;
import io.connectorkit.embedded.testing.SharedSearchNode;
import io.connectorkit.simulator.archive.ArchiveGenerator;
import io.connectorkit.simulator.mimecast.FakeMimecastServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Configuration files as editors save them, read by the command line as a user runs it. */
@ExtendWith(SharedSearchNode.class)
class ConfigFileCommandsIT {
    private static final String SECRET = "file-Secret-30952";
    private static final FakeTenant TENANT = new FakeTenant(ConfigFileCommandsIT.class, "file-client", SECRET);
    private EmbeddedSearchNode node;

    @TempDir
    Path dir;

    @BeforeEach
    void useIndex(EmbeddedSearchNode shared) {
        node = shared;
    }

    private static FakeMimecastServer server() {
        return TENANT.serve(ArchiveGenerator.seed(29).domains(1).usersPerDomain(2).messagesPerView(2).generate());
    }

    /** Rewrites a file as a Windows editor saves it: a UTF-8 byte-order mark first, CRLF line endings. */
    private static Path asWindowsSavesIt(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8).replace("\n", "\r\n") + "\r\n";
        Files.write(file, ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8));
        return file;
    }

    @Test
    void aFileSavedWithAByteOrderMarkAndCrlfLineEndingsKeepsItsFirstKey() throws IOException {
        try (FakeMimecastServer server = server()) {
            Path file = asWindowsSavesIt(TENANT.config("bom", server, node.url()).write(dir));
            assertThat(Files.readString(file, StandardCharsets.UTF_8)).startsWith("\uFEFFconnector.type=mimecast\r\n");
            CliRun check = TENANT.run("check", "--config", file.toString());
            assertThat(check.status).as(check.toString()).isZero();
            assertThat(check.out).contains("Check passed");
            assertThat(check.err).doesNotContain("connector.type");
            CliRun crawl = TENANT.run("crawl", "--config", file.toString());
            assertThat(crawl.status).as(crawl.toString()).isZero();
            assertThat(crawl.out).contains("Crawl finished in");
        }
    }

    @Test
    void crlfLineEndingsAloneWorkToo() throws IOException {
        try (FakeMimecastServer server = server()) {
            Path file = TENANT.config("crlf", server, node.url()).write(dir);
            Files.writeString(file, Files.readString(file, StandardCharsets.UTF_8).replace("\n", "\r\n") + "\r\n",
                    StandardCharsets.UTF_8);
            CliRun check = TENANT.run("check", "--config", file.toString());
            assertThat(check.status).as(check.toString()).isZero();
            assertThat(check.out).contains("Check passed");
        }
    }

    @Test
    void aMisspelledSecretKeyIsNamedButItsValueIsNeverPrinted() throws IOException {
        String value = "Pr0be-Sercet-88213";
        try (FakeMimecastServer server = server()) {
            Path file = TENANT.config("sercet", server, node.url()).with("mimecast.client-secret", null)
                    .with("mimecast.client-sercet", value).write(dir);
            for (String command : new String[] {"check", "crawl", "status"}) {
                CliRun run = TENANT.run(command, "--config", file.toString());
                assertThat(run.status).as(run.toString()).isEqualTo(2);
                assertThat(run.err).contains("mimecast.client-sercet").contains("mimecast.client-secret");
                assertThat(run.out + run.err).doesNotContain(value).doesNotContain("Pr0be");
            }
            assertThat(server.requests()).isEmpty();
        }
    }
}
