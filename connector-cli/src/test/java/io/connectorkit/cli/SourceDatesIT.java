package io.connectorkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectorkit.embedded.EmbeddedSearchNode;
import io.connectorkit.embedded.testing.SharedSearchNode;
import io.connectorkit.simulator.archive.ArchiveGenerator;
import io.connectorkit.simulator.mimecast.FakeMimecastServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code connector crawl}, {@code check} and {@code preview} refuse a Mimecast start date after
 * now, an end date before the start date and a negative late-arrival window, before any call.
 */
@ExtendWith(SharedSearchNode.class)
class SourceDatesIT {
    private static final String SECRET = "dates-Secret-4711";
    private static final FakeTenant TENANT = new FakeTenant(SourceDatesIT.class, "dates-client", SECRET);
    private EmbeddedSearchNode node;

    @TempDir
    Path dir;

    @BeforeEach
    void useIndex(EmbeddedSearchNode shared) {
        node = shared;
    }

    @Test
    void aStartDateAfterNowExitsTwoNamingTheKeyAndSendsNothing() throws Exception {
        try (FakeMimecastServer server = server()) {
            Path file = TENANT.config("future", server, node.url()).with("mimecast.messages.start-date", "2099-01-01")
                    .write(dir);
            for (String command : new String[] {"crawl", "check"}) {
                CliRun run = TENANT.run(command, "--config", file.toString());
                assertThat(run.status).as(run.toString()).isEqualTo(2);
                assertThat(run.err).contains("mimecast.messages.start-date = '2099-01-01'", "after now",
                        "such as 2020-01-01");
            }
            assertThat(server.requests()).as("no call before the configuration is valid").isEmpty();
        }
    }

    @Test
    void anEndDateBeforeTheStartDateExitsTwoNamingBothKeys() throws Exception {
        refused("end-before-start", Map.of("mimecast.messages.start-date", "2024-01-01",
                "mimecast.messages.end-date", "2023-12-31"), "mimecast.messages.end-date = '2023-12-31'",
                "before mimecast.messages.start-date (2024-01-01)", "leave it blank");
    }

    @Test
    void aNegativeLateArrivalWindowExitsTwoNamingTheKey() throws Exception {
        refused("negative-late", Map.of("mimecast.messages.late-arrival-days", "-3"),
                "mimecast.messages.late-arrival-days = '-3'", "set 0", "such as 14");
    }

    private static FakeMimecastServer server() {
        return TENANT.serve(ArchiveGenerator.seed(3).domains(1).usersPerDomain(2).messagesPerView(2).generate());
    }

    private void refused(String name, Map<String, String> keys, String... expected) throws Exception {
        try (FakeMimecastServer server = server()) {
            Path file = TENANT.config(name, server, node.url()).with(keys).write(dir);
            for (String command : new String[] {"crawl", "check", "preview"}) {
                CliRun run = TENANT.run(command, "--config", file.toString());
                assertThat(run.status).as(run.toString()).isEqualTo(2);
                assertThat(run.err).as(command).contains(expected);
            }
            assertThat(server.requests()).as("no call before the configuration is valid").isEmpty();
        }
    }
}
